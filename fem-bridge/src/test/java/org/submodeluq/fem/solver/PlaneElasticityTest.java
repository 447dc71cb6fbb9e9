package org.submodeluq.fem.solver;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.submodeluq.fem.spec.PlaneHypothesis;

class PlaneElasticityTest {

    @Test
    void vonMisesMatchesTheTextbookStates() {
        PlaneElasticity strain = new PlaneElasticity(0.3, PlaneHypothesis.PLANE_STRAIN);
        PlaneElasticity stress = new PlaneElasticity(0.3, PlaneHypothesis.PLANE_STRESS);
        // plane strain uniaxial sigma_xx = s has sigma_zz = nu s: von Mises = s sqrt(1 - nu + nu^2)
        assertAll(
                () -> assertEquals(2.0, stress.vonMises(2.0, 0, 0), 1e-15, "uniaxial, plane stress"),
                () -> assertEquals(Math.sqrt(3) * 0.7, stress.vonMises(0, 0, 0.7), 1e-15, "pure shear"),
                () -> assertEquals(2.0 * Math.sqrt(1 - 0.3 + 0.09), strain.vonMises(2.0, 0, 0), 1e-15,
                        "uniaxial, plane strain"),
                () -> assertEquals(1.5 * (1 - 2 * 0.3), strain.vonMises(1.5, 1.5, 0), 1e-15,
                        "equibiaxial, plane strain"),
                () -> assertEquals(strain.vonMises(0.3, -0.2, 0.1) * strain.vonMises(0.3, -0.2, 0.1),
                        strain.vonMisesSquared(0.3, -0.2, 0.1), 1e-15));
    }

    @Test
    void stiffnessCoefficientsAreTheLameConstantsPerUnitModulus() {
        double nu = 0.25;
        double mu = 1 / (2 * (1 + nu));
        double lambda = nu / ((1 + nu) * (1 - 2 * nu));
        PlaneElasticity strain = new PlaneElasticity(nu, PlaneHypothesis.PLANE_STRAIN);
        PlaneElasticity stress = new PlaneElasticity(nu, PlaneHypothesis.PLANE_STRESS);
        assertAll(
                () -> assertEquals(lambda + 2 * mu, strain.d11(), 1e-15),
                () -> assertEquals(lambda, strain.d12(), 1e-15),
                () -> assertEquals(mu, strain.d33(), 1e-15),
                () -> assertEquals(1 / (1 - nu * nu), stress.d11(), 1e-15),
                () -> assertEquals(nu / (1 - nu * nu), stress.d12(), 1e-15));
    }
}
