package org.submodeluq.fem.solver;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.submodeluq.fem.mesh.RectangleMesh;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.spec.PlaneHypothesis;

class ElasticityAssemblerTest {

    private static final TriangleMesh MESH = RectangleMesh.create(0, 0, 1.5, 0.5, 6, 4);
    private static final double E = 2.5;
    private static final double NU = 0.3;
    private static final double RHO = 1.7;

    @Test
    void rigidMotionsCarryNoStrainEnergy() {
        SystemMatrices system = uniform(PlaneHypothesis.PLANE_STRAIN);
        double[] translation = field((x, y) -> new double[] {0.3, -0.7});
        double[] rotation = field((x, y) -> new double[] {-y, x});
        double[] residualT = multiply(system, translation);
        double[] residualR = multiply(system, rotation);
        assertAll(
                () -> assertEquals(0, maxAbs(residualT), 1e-12),
                () -> assertEquals(0, maxAbs(residualR), 1e-12));
    }

    @Test
    void linearFieldHasTheAnalyticStrainEnergyAndBalancesAtInteriorNodes() {
        // patch test: u = (a x + b y, c x + d y) has constant strain, so interior nodes feel no force
        double a = 0.01;
        double b = -0.02;
        double c = 0.005;
        double d = 0.03;
        double[] u = field((x, y) -> new double[] {a * x + b * y, c * x + d * y});
        double mu = E / (2 * (1 + NU));
        double area = 1.5 * 0.5;
        for (PlaneHypothesis hypothesis : PlaneHypothesis.values()) {
            double lambda = hypothesis == PlaneHypothesis.PLANE_STRAIN ? E * NU / ((1 + NU) * (1 - 2 * NU))
                    : E * NU / (1 - NU * NU);
            double exx = a;
            double eyy = d;
            double exy = 0.5 * (b + c);
            // sigma : eps = lambda tr(eps)^2 + 2 mu eps : eps
            double density = lambda * (exx + eyy) * (exx + eyy) + 2 * mu * (exx * exx + eyy * eyy + 2 * exy * exy);
            SystemMatrices system = uniform(hypothesis);
            double[] force = multiply(system, u);
            double interior = 0;
            for (int n = 0; n < MESH.nodeCount(); n++) {
                boolean onBoundary = MESH.x(n) == 0 || Math.abs(MESH.x(n) - 1.5) < 1e-12 || MESH.y(n) == 0
                        || Math.abs(MESH.y(n) - 0.5) < 1e-12;
                if (!onBoundary) {
                    interior = Math.max(interior, Math.max(Math.abs(force[2 * n]), Math.abs(force[2 * n + 1])));
                }
            }
            assertEquals(0.5 * density * area, 0.5 * SystemMatrices.bilinear(system.stiffness(), u, u), 1e-15,
                    hypothesis + " strain energy");
            assertEquals(0, interior, 1e-15, hypothesis + " interior residual");
        }
    }

    @Test
    void consistentMassIntegratesKineticEnergyExactlyForLinearVelocities() {
        SystemMatrices system = uniform(PlaneHypothesis.PLANE_STRAIN);
        double[] v = field((x, y) -> new double[] {1 + x, 2 * y});
        // int rho |v|^2 over [0, 1.5] x [0, 0.5], by hand: rho (int (1 + x)^2 + 4 y^2)
        double exact = RHO * ((Math.pow(2.5, 3) - 1) / 3 * 0.5 + 4 * Math.pow(0.5, 3) / 3 * 1.5);
        assertEquals(exact, SystemMatrices.bilinear(system.mass(), v, v), 1e-13);
    }

    @Test
    void cellModuliScaleEachCellsContribution() {
        double[] moduli = new Random(3).doubles(MESH.cellCount(), 0.5, 2).toArray();
        SystemMatrices varying = ElasticityAssembler.assemble(MESH, moduli,
                new PlaneElasticity(NU, PlaneHypothesis.PLANE_STRAIN), RHO);
        double[] rotation = field((x, y) -> new double[] {-y, x});
        assertEquals(0, maxAbs(multiply(varying, rotation)), 1e-12);
    }

    private static SystemMatrices uniform(PlaneHypothesis hypothesis) {
        double[] moduli = new double[MESH.cellCount()];
        java.util.Arrays.fill(moduli, E);
        return ElasticityAssembler.assemble(MESH, moduli, new PlaneElasticity(NU, hypothesis), RHO);
    }

    private static double[] field(java.util.function.BiFunction<Double, Double, double[]> f) {
        double[] values = new double[2 * MESH.nodeCount()];
        for (int n = 0; n < MESH.nodeCount(); n++) {
            double[] value = f.apply(MESH.x(n), MESH.y(n));
            values[2 * n] = value[0];
            values[2 * n + 1] = value[1];
        }
        return values;
    }

    private static double[] multiply(SystemMatrices system, double[] u) {
        // K is symmetric: (K u)_i = sum over column i of K_ji u_j
        org.ejml.data.DMatrixSparseCSC k = system.stiffness();
        double[] result = new double[u.length];
        for (int col = 0; col < k.numCols; col++) {
            for (int p = k.col_idx[col]; p < k.col_idx[col + 1]; p++) {
                result[col] += k.nz_values[p] * u[k.nz_rows[p]];
            }
        }
        return result;
    }

    private static double maxAbs(double[] values) {
        return java.util.Arrays.stream(values).map(Math::abs).max().orElse(0);
    }
}
