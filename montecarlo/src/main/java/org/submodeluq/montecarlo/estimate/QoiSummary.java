package org.submodeluq.montecarlo.estimate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report says about one QoI's Monte Carlo estimate: moments, the mean's confidence
 * interval and how it was computed, quantiles and exceedance probabilities. The arrays are copied in and
 * out, and equality compares their contents.
 */
public record QoiSummary(String name, long n, double mean, double variance, double standardError, Interval meanInterval,
        MeanIntervalMethod intervalMethod, double level, double[] quantileProbabilities, double[] quantiles,
        List<Exceedance> exceedances) {

    /** Checks that quantiles and their probabilities line up, and takes copies. */
    public QoiSummary {
        Objects.requireNonNull(name, "name");
        if (quantiles.length != quantileProbabilities.length) {
            throw new IllegalArgumentException(quantiles.length + " quantiles for " + quantileProbabilities.length
                    + " probabilities");
        }
        quantileProbabilities = quantileProbabilities.clone();
        quantiles = quantiles.clone();
        exceedances = List.copyOf(exceedances);
    }

    /**
     * The summary of {@code samples} (in sample order, which batch means rely on) under {@code options};
     * the mean's interval needs at least 2 samples, 4 for batch means.
     */
    public static QoiSummary of(String name, double[] samples, SummaryOptions options) {
        RunningMoments moments = RunningMoments.of(samples);
        Interval meanInterval = MeanIntervals.of(options.meanMethod(), samples, options.level(), options.seed());
        double[] probabilities = options.quantileProbabilities();
        double[] quantiles = probabilities.length == 0 ? new double[0] : Quantiles.exact(samples, probabilities);
        List<Exceedance> exceedances = Arrays.stream(options.thresholds())
                .mapToObj(threshold -> Exceedance.of(samples, threshold, options.proportionMethod(), options.level()))
                .toList();
        return new QoiSummary(name, moments.count(), moments.mean(), moments.variance(), moments.standardError(),
                meanInterval, options.meanMethod(), options.level(), probabilities, quantiles, exceedances);
    }

    @Override
    public double[] quantileProbabilities() {
        return quantileProbabilities.clone();
    }

    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }

    private List<Object> components() {
        return List.of(name, n, mean, variance, standardError, meanInterval, intervalMethod, level,
                Arrays.stream(quantileProbabilities).boxed().toList(), Arrays.stream(quantiles).boxed().toList(),
                exceedances);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QoiSummary that && components().equals(that.components());
    }

    @Override
    public int hashCode() {
        return components().hashCode();
    }

    @Override
    public String toString() {
        return "QoiSummary[name=" + name + ", n=" + n + ", mean=" + mean + ", variance=" + variance
                + ", standardError=" + standardError + ", meanInterval=" + meanInterval
                + ", intervalMethod=" + intervalMethod + ", level=" + level
                + ", quantileProbabilities=" + Arrays.toString(quantileProbabilities)
                + ", quantiles=" + Arrays.toString(quantiles) + ", exceedances=" + exceedances + "]";
    }
}
