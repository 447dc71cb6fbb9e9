package org.submodeluq.surrogate.regression;

/**
 * How {@link GaussianProcess#fit} searches the hyperparameters: bounds and starting values of each kind
 * of parameter (the same for every length scale) and the optimiser's stopping rules. The defaults are
 * those of the scikit-learn prototype (docs/mean-map-study/maps.py, gp_shared_maker) and of SciPy's
 * L-BFGS-B as scikit-learn calls it.
 *
 * @param signalVariance range of s2
 * @param lengthScale range of every l_j
 * @param noise range of the white-noise variance
 * @param maxIterations optimiser iterations at most; the best point so far is kept when they run out
 * @param gradientTolerance stop when every component of the projected gradient of the log marginal
 *     likelihood, in log-parameter space, is at most this (SciPy's pgtol)
 * @param valueTolerance stop when an iteration improves the log marginal likelihood by at most this
 *     fraction of max(|value|, 1) (SciPy's ftol)
 */
public record GaussianProcessOptions(Range signalVariance, Range lengthScale, Range noise, int maxIterations,
                                     double gradientTolerance, double valueTolerance) {

    /** s2 in [1e-3, 1e3] from 1, l_j in [0.1, 1e3] from 2, noise in [1e-10, 1] from 1e-3. */
    public static final GaussianProcessOptions DEFAULTS = new GaussianProcessOptions(new Range(1e-3, 1e3, 1),
            new Range(1e-1, 1e3, 2), new Range(1e-10, 1, 1e-3), 1000, 1e-5, 2.220446049250313e-09);

    public GaussianProcessOptions {
        if (maxIterations < 1 || !(gradientTolerance >= 0) || !(valueTolerance >= 0)) {
            throw new IllegalArgumentException("maxIterations " + maxIterations + ", gradientTolerance "
                    + gradientTolerance + ", valueTolerance " + valueTolerance
                    + " are not allowed: need >= 1 iteration and tolerances >= 0");
        }
    }

    /**
     * Bounds and starting value of one kind of parameter.
     *
     * @param lower smallest value, positive
     * @param upper largest value, at least lower
     * @param start where the search starts, within the bounds
     */
    public record Range(double lower, double upper, double start) {

        public Range {
            if (!(lower > 0 && lower <= start && start <= upper && upper < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("range [" + lower + ", " + upper + "] from " + start
                        + " is not allowed: need 0 < lower <= start <= upper < infinity");
            }
        }
    }
}
