package org.submodeluq.fem.solver;

import org.submodeluq.fem.spec.PlaneHypothesis;

/**
 * Isotropic Hooke's law in 2D, {@code sigma = D(E) epsilon} with engineering shear strain
 * {@code gamma_xy = 2 eps_xy}, and the derived quantities the zone reports.
 *
 * <p>{@code D = E [[d11, d12, 0], [d12, d11, 0], [0, 0, d33]]}: per unit Young's modulus, so that
 * a cell's modulus scales it. Plane strain: d11 = lambda + 2 mu, d12 = lambda, d33 = mu; plane
 * stress replaces lambda by 2 lambda mu / (lambda + 2 mu).
 */
public final class PlaneElasticity {

    private final double poissonRatio;
    private final PlaneHypothesis hypothesis;
    private final double d11;
    private final double d12;
    private final double d33;

    public PlaneElasticity(double poissonRatio, PlaneHypothesis hypothesis) {
        this.poissonRatio = poissonRatio;
        this.hypothesis = hypothesis;
        double mu = 1 / (2 * (1 + poissonRatio));
        double lambda = poissonRatio / ((1 + poissonRatio) * (1 - 2 * poissonRatio));
        double planeLambda = hypothesis == PlaneHypothesis.PLANE_STRAIN ? lambda : 2 * lambda * mu / (lambda + 2 * mu);
        this.d11 = planeLambda + 2 * mu;
        this.d12 = planeLambda;
        this.d33 = mu;
    }

    public double poissonRatio() {
        return poissonRatio;
    }

    public PlaneHypothesis hypothesis() {
        return hypothesis;
    }

    /** D_11 = D_22 per unit Young's modulus. */
    public double d11() {
        return d11;
    }

    /** D_12 per unit Young's modulus. */
    public double d12() {
        return d12;
    }

    /** D_33 (shear) per unit Young's modulus. */
    public double d33() {
        return d33;
    }

    /**
     * Writes the stress {@code (sigma_xx, sigma_yy, sigma_xy)} of a strain {@code (eps_xx, eps_yy, gamma_xy)}
     * under Young's modulus {@code youngsModulus} into {@code stress}.
     */
    public void stress(double youngsModulus, double[] strain, double[] stress) {
        double e11 = youngsModulus * d11;
        double e12 = youngsModulus * d12;
        stress[0] = e11 * strain[0] + e12 * strain[1];
        stress[1] = e12 * strain[0] + e11 * strain[1];
        stress[2] = youngsModulus * d33 * strain[2];
    }

    /**
     * Von Mises equivalent stress of an in-plane stress state; sigma_zz is nu (sigma_xx + sigma_yy)
     * under plane strain and zero under plane stress.
     */
    public double vonMises(double sxx, double syy, double sxy) {
        return Math.sqrt(vonMisesSquared(sxx, syy, sxy));
    }

    /** The square of {@link #vonMises}, for tracking a peak without a square root per evaluation. */
    public double vonMisesSquared(double sxx, double syy, double sxy) {
        double szz = hypothesis == PlaneHypothesis.PLANE_STRAIN ? poissonRatio * (sxx + syy) : 0;
        double a = sxx - syy;
        double b = syy - szz;
        double c = szz - sxx;
        return 0.5 * (a * a + b * b + c * c) + 3 * sxy * sxy;
    }
}
