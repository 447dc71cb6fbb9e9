package org.submodeluq.montecarlo.estimate;

import org.apache.commons.math3.stat.descriptive.rank.PSquarePercentile;

/**
 * A quantile estimated without keeping the samples, by the P² algorithm (Jain and Chlamtac 1985, via
 * Commons Math): five markers, constant memory. Exact up to five values. Campaigns keep their samples
 * and use {@link Quantiles#exact}, so only the tests hold this one, set against the exact quantile.
 */
final class StreamingQuantile {

    private final PSquarePercentile estimator;

    /** An estimator of the quantile at probability {@code p} in [0, 1]. */
    StreamingQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
        }
        this.estimator = new PSquarePercentile(100 * p);
    }

    void add(double x) {
        estimator.increment(x);
    }

    /** The current estimate; NaN before the first value. */
    double estimate() {
        return estimator.getResult();
    }

    long count() {
        return estimator.getN();
    }
}
