package org.submodeluq.montecarlo.estimate;

/**
 * The estimated probability that a QoI exceeds (strictly) {@code threshold}: {@code count} of {@code n}
 * samples did, with a confidence interval of that probability.
 */
public record Exceedance(double threshold, long count, long n, double probability, Interval interval) {

    /** The exceedance of {@code threshold} in {@code x}; a NaN sample does not exceed. */
    public static Exceedance of(double[] x, double threshold, ProportionIntervalMethod method, double level) {
        long count = 0;
        for (double value : x) {
            if (value > threshold) {
                count++;
            }
        }
        Interval interval = Proportions.of(method, count, x.length, level);
        return new Exceedance(threshold, count, x.length, (double) count / x.length, interval);
    }
}
