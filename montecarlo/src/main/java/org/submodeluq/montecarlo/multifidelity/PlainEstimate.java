package org.submodeluq.montecarlo.multifidelity;

import org.submodeluq.montecarlo.estimate.ConfidenceLevel;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * A plain Monte Carlo mean, the comparison row beside a control-variate estimate: of the full runs alone
 * (unbiased, wider), or of a surrogate's cheap values alone (narrow, but biased by the surrogate's error,
 * which its interval does not include).
 */
public record PlainEstimate(double estimate, double standardError, Interval interval) {

    static PlainEstimate of(double[] x, double level) {
        double mean = Moments.mean(x);
        double standardError = Math.sqrt(Moments.covariance(x, x) / x.length);
        return new PlainEstimate(mean, standardError,
                Interval.around(mean, ConfidenceLevel.normalQuantile(level) * standardError));
    }
}
