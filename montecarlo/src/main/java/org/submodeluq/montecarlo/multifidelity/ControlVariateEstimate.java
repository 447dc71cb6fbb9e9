package org.submodeluq.montecarlo.multifidelity;

import org.submodeluq.montecarlo.estimate.Interval;

/**
 * A control-variate estimate of a mean with its standard error and normal interval.
 *
 * @param weights the weight {@code alpha_k} of each surrogate's correction (0 for a surrogate that is
 *     constant on both its samples, which carries no information)
 * @param correlations the sample correlation of the full runs with each surrogate on the pairs (NaN where
 *     either is constant)
 * @param varianceReduction plain Monte Carlo's variance on the same full runs, {@code Var(y)/n}, divided by
 *     this estimate's variance: how many times more full runs plain Monte Carlo would need
 */
public record ControlVariateEstimate(double estimate, double standardError, Interval interval,
        double[] weights, double[] correlations, double varianceReduction) {

    public ControlVariateEstimate {
        weights = weights.clone();
        correlations = correlations.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] correlations() {
        return correlations.clone();
    }

    /** The weight of the only (or first) surrogate. */
    public double weight() {
        return weights[0];
    }

    /** The correlation with the only (or first) surrogate. */
    public double correlation() {
        return correlations[0];
    }
}
