package org.submodeluq.fem.model;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Karhunen-Loeve eigenpairs of the exponential covariance {@code exp(-|s - s'| / l)} on an interval,
 * in closed form (Ghanem and Spanos, Stochastic Finite Elements, 1991, section 2.3.3). On the
 * interval centred at m with half-length a, with c = 1/l, the eigenvalues are
 * {@code 2c / (w^2 + c^2)} and the L2-normalised eigenfunctions alternate between
 * <ul>
 *   <li>even: {@code cos(w (s - m)) / sqrt(a + sin(2wa) / (2w))}, w the root of
 *       {@code c cos(wa) - w sin(wa) = 0} in [k pi, k pi + pi/2] / a;</li>
 *   <li>odd: {@code sin(w (s - m)) / sqrt(a - sin(2wa) / (2w))}, w the root of
 *       {@code c sin(wa) + w cos(wa) = 0} in [k pi + pi/2, (k + 1) pi] / a.</li>
 * </ul>
 * A closed form fixes every sign, so any code that evaluates it gets the same field.
 */
final class ExponentialKernelModes {

    private final double midpoint;
    private final double[] frequency;
    private final double[] eigenvalue;
    private final double[] norm;

    /**
     * @param start lower end of the interval
     * @param end upper end
     * @param correlationLength l
     * @param count number of leading pairs
     */
    ExponentialKernelModes(double start, double end, double correlationLength, int count) {
        double a = 0.5 * (end - start);
        double c = 1 / correlationLength;
        this.midpoint = 0.5 * (start + end);
        this.frequency = new double[count];
        this.eigenvalue = new double[count];
        this.norm = new double[count];
        BrentSolver solver = new BrentSolver(1e-15, 1e-15, 1e-300);
        for (int k = 0; k < count; k++) {
            int half = k / 2;
            boolean even = k % 2 == 0;
            UnivariateFunction equation = even
                    ? w -> c * Math.cos(w * a) - w * Math.sin(w * a)
                    : w -> c * Math.sin(w * a) + w * Math.cos(w * a);
            double lower = (half * Math.PI + (even ? 0 : Math.PI / 2)) / a;
            double upper = lower + Math.PI / (2 * a);
            double w = solver.solve(200, equation, lower, upper);
            frequency[k] = w;
            eigenvalue[k] = 2 * c / (w * w + c * c);
            norm[k] = Math.sqrt(a + (even ? 1 : -1) * Math.sin(2 * w * a) / (2 * w));
        }
    }

    int count() {
        return eigenvalue.length;
    }

    /** Eigenvalue k, decreasing in k. */
    double eigenvalue(int k) {
        return eigenvalue[k];
    }

    /** Eigenfunction k at {@code s}. */
    double value(int k, double s) {
        double phase = frequency[k] * (s - midpoint);
        return (k % 2 == 0 ? Math.cos(phase) : Math.sin(phase)) / norm[k];
    }
}
