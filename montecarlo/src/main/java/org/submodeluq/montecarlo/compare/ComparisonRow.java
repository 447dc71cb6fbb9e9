package org.submodeluq.montecarlo.compare;

import java.util.Arrays;
import java.util.function.Function;
import org.submodeluq.montecarlo.estimate.Bootstrap;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * One line of a comparison: every {@link Metric} between a candidate's samples of one quantity and
 * the reference's, each with the bootstrap interval of its sampling uncertainty: both samples
 * resampled independently, or by the same indices when the candidate is the reference runs replayed.
 * W1 and KS are distances, at least 0, and resampling adds noise to them: their intervals sit above
 * the point value when the two distributions are close, which the noise floor row shows.
 *
 * @param candidate the generator's name, {@code exact}, or {@link #NOISE_FLOOR}
 * @param values by {@link Metric#ordinal()}
 * @param intervals by {@link Metric#ordinal()}; null where not {@link Metric#bootstrapped()}
 */
public record ComparisonRow(String candidate, String quantity, int referenceSize, int candidateSize, double[] values,
                            Interval[] intervals) {

    /** Name of the row that compares two disjoint halves of the reference. */
    public static final String NOISE_FLOOR = "noise floor";

    public ComparisonRow {
        values = values.clone();
        intervals = intervals.clone();
    }

    /**
     * Measures every metric between independent samples and bootstraps its interval.
     *
     * @param resamples bootstrap resamples; 0 leaves the intervals out
     */
    public static ComparisonRow of(String candidate, String quantity, double[] reference, double[] samples,
                                   int resamples, double level, long seed) {
        return measure(candidate, quantity, reference, samples, resamples,
                metric -> Bootstrap.twoSample(reference, samples, metric::of, resamples, level, seed));
    }

    /** The same for samples paired run by run with the reference's, resampled together. */
    public static ComparisonRow paired(String candidate, String quantity, double[] reference, double[] samples,
                                       int resamples, double level, long seed) {
        return measure(candidate, quantity, reference, samples, resamples,
                metric -> Bootstrap.paired(reference, samples, metric::of, resamples, level, seed));
    }

    private static ComparisonRow measure(String candidate, String quantity, double[] reference, double[] samples,
                                         int resamples, Function<Metric, Interval> bootstrap) {
        Metric[] metrics = Metric.values();
        double[] values = new double[metrics.length];
        Interval[] intervals = new Interval[metrics.length];
        for (Metric metric : metrics) {
            values[metric.ordinal()] = metric.of(reference, samples);
            if (metric.bootstrapped() && resamples > 0) {
                intervals[metric.ordinal()] = bootstrap.apply(metric);
            }
        }
        return new ComparisonRow(candidate, quantity, reference.length, samples.length, values, intervals);
    }

    /** The noise floor: the reference's even-numbered runs against its odd-numbered ones. */
    public static ComparisonRow noiseFloor(String quantity, double[] reference, int resamples, double level,
                                           long seed) {
        double[] even = new double[(reference.length + 1) / 2];
        double[] odd = new double[reference.length / 2];
        for (int i = 0; i < reference.length; i++) {
            if (i % 2 == 0) {
                even[i / 2] = reference[i];
            } else {
                odd[i / 2] = reference[i];
            }
        }
        return of(NOISE_FLOOR, quantity, even, odd, resamples, level, seed);
    }

    public double value(Metric metric) {
        return values[metric.ordinal()];
    }

    /** The metric's bootstrap interval, or null. */
    public Interval interval(Metric metric) {
        return intervals[metric.ordinal()];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public Interval[] intervals() {
        return intervals.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ComparisonRow that && candidate.equals(that.candidate) && quantity.equals(that.quantity)
                && referenceSize == that.referenceSize && candidateSize == that.candidateSize
                && Arrays.equals(values, that.values) && Arrays.equals(intervals, that.intervals);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + candidate.hashCode();
    }

    @Override
    public String toString() {
        return candidate + " / " + quantity + ": " + Arrays.toString(values);
    }
}
