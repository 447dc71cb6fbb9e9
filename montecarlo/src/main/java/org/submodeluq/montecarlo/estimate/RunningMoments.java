package org.submodeluq.montecarlo.estimate;

import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * Count, mean and variance of a stream of values, for campaigns that do not keep their samples. The
 * updates are Commons Statistics' rolling (Welford-type) moments, stable when the values share a large
 * offset, and sequential: the same values added in the same order give bit-identical results.
 */
public final class RunningMoments {

    private final DoubleStatistics moments = DoubleStatistics.of(Statistic.MEAN, Statistic.VARIANCE);

    /** The moments of {@code x}, added in order: the same numbers as a campaign streaming them. */
    public static RunningMoments of(double... x) {
        RunningMoments moments = new RunningMoments();
        for (double value : x) {
            moments.add(value);
        }
        return moments;
    }

    public void add(double x) {
        moments.accept(x);
    }

    public long count() {
        return moments.getCount();
    }

    /** The sample mean; NaN before the first value. */
    public double mean() {
        return moments.getAsDouble(Statistic.MEAN);
    }

    /** The unbiased sample variance (divisor n - 1); NaN below two values, where it is undefined. */
    public double variance() {
        return count() < 2 ? Double.NaN : moments.getAsDouble(Statistic.VARIANCE);
    }

    /** The standard error of the mean, {@code sqrt(variance / n)}; NaN below two values. */
    public double standardError() {
        return Math.sqrt(variance() / count());
    }

    /**
     * {@code mean ± z·SE} with {@code z} the standard normal quantile of {@code (1 + level) / 2}; NaN ends
     * below two values.
     */
    public Interval normalInterval(double level) {
        return Interval.around(mean(), ConfidenceLevel.normalQuantile(level) * standardError());
    }

    /**
     * The normal interval's half-width relative to |mean|: the precision a stopping rule targets.
     * Positive infinity below two values or at a zero mean, where no relative precision is reached.
     */
    public double relativeHalfWidth(double level) {
        double mean = mean();
        if (count() < 2 || mean == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return normalInterval(level).halfWidth() / Math.abs(mean);
    }
}
