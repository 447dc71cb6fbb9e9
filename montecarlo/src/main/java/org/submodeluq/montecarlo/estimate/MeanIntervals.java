package org.submodeluq.montecarlo.estimate;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.distribution.TDistribution;

/** Confidence intervals of the mean of kept samples ({@code x} in sample order), by {@link MeanIntervalMethod}. */
public final class MeanIntervals {

    /** Batches {@link #of} uses, the usual choice: enough degrees of freedom for a t quantile near z. */
    public static final int DEFAULT_BATCHES = 20;
    /** Resamples {@link #of} uses: enough for the 2.5 % and 97.5 % percentiles to be stable. */
    public static final int DEFAULT_RESAMPLES = 2000;

    private MeanIntervals() {
    }

    /** {@code mean ± z·SE}, the numbers {@link RunningMoments#normalInterval} gives on the same stream. */
    public static Interval normal(double[] x, double level) {
        requireAtLeast(x, 2, "a normal interval");
        return RunningMoments.of(x).normalInterval(level);
    }

    /**
     * Student-t interval (batches - 1 degrees of freedom) on the means of {@code batches} non-overlapping
     * consecutive batches of equal size {@code floor(n / batches)}; the last {@code n mod batches}
     * samples are left out so that every batch mean has the same variance.
     */
    public static Interval batchMeans(double[] x, int batches, double level) {
        if (batches < 2) {
            throw new IllegalArgumentException("batch means need at least 2 batches, got " + batches);
        }
        requireAtLeast(x, 2L * batches, "batch means with " + batches + " batches (2 samples per batch)");
        int size = x.length / batches;
        RunningMoments batchMeans = new RunningMoments();
        for (int b = 0; b < batches; b++) {
            batchMeans.add(Mean.ofRange(x, b * size, (b + 1) * size).getAsDouble());
        }
        double t = TDistribution.of(batches - 1).inverseSurvivalProbability(ConfidenceLevel.tail(level));
        return Interval.around(batchMeans.mean(), t * batchMeans.standardError());
    }

    /** Percentile bootstrap of the mean, {@code resamples} resamples drawn from {@code seed}. */
    public static Interval bootstrap(double[] x, int resamples, double level, long seed) {
        requireAtLeast(x, 2, "a bootstrap interval");
        return Bootstrap.oneSample(x, sample -> Mean.of(sample).getAsDouble(), resamples, level, seed);
    }

    /**
     * The interval of {@code method} with its defaults: {@link #DEFAULT_BATCHES} batches, or
     * {@code n / 2} (at least 2) when fewer samples leave less than 2 per batch; {@link #DEFAULT_RESAMPLES}
     * resamples. {@code seed} only matters to the bootstrap.
     */
    public static Interval of(MeanIntervalMethod method, double[] x, double level, long seed) {
        return switch (method) {
            case NORMAL -> normal(x, level);
            case BATCH_MEANS -> batchMeans(x, Math.max(2, Math.min(DEFAULT_BATCHES, x.length / 2)), level);
            case BOOTSTRAP -> bootstrap(x, DEFAULT_RESAMPLES, level, seed);
        };
    }

    private static void requireAtLeast(double[] x, long samples, String what) {
        if (x.length < samples) {
            throw new IllegalArgumentException(what + " needs at least " + samples + " samples, got " + x.length);
        }
    }
}
