package org.submodeluq.montecarlo.estimate;

import org.apache.commons.math3.stat.descriptive.rank.PSquarePercentile;

/**
 * A quantile estimated without keeping the samples, by the P² algorithm (Jain and Chlamtac 1985, via
 * Commons Math): five markers, constant memory, for campaigns too long to store. Exact up to five values.
 */
public final class StreamingQuantile {

    private final double probability;
    private final PSquarePercentile estimator;

    /** An estimator of the quantile at probability {@code p} in [0, 1]. */
    public StreamingQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
        }
        this.probability = p;
        this.estimator = new PSquarePercentile(100 * p);
    }

    public void add(double x) {
        estimator.increment(x);
    }

    /** The current estimate; NaN before the first value. */
    public double estimate() {
        return estimator.getResult();
    }

    public double probability() {
        return probability;
    }

    public long count() {
        return estimator.getN();
    }
}
