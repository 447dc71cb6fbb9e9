package org.submodeluq.fem.spec;

import org.submodeluq.core.UserInputException;

/**
 * Linear isotropic elastic material. Inside the zone Young's modulus is this value; outside it is
 * the median of the random field described by {@link ModulusField}.
 *
 * @param youngsModulus E (stress unit)
 * @param density rho (mass per unit area of the 2D model)
 * @param poissonRatio nu, in [0, 0.5)
 * @param hypothesis plane strain or plane stress
 */
public record Material(double youngsModulus, double density, double poissonRatio, PlaneHypothesis hypothesis) {
    public Material {
        Rules.requirePositive("youngsModulus", youngsModulus);
        Rules.requirePositive("density", density);
        if (!(poissonRatio >= 0 && poissonRatio < 0.5)) {
            throw new UserInputException("poissonRatio", "= " + poissonRatio
                    + " is not allowed: must be in [0, 0.5) (0.5 is incompressible, which P1 elements lock on)");
        }
        Rules.requirePresent("hypothesis", hypothesis);
    }
}
