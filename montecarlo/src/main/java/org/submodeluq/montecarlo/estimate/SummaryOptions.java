package org.submodeluq.montecarlo.estimate;

import org.submodeluq.core.UserInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link QoiSummary} reports: the confidence level of every interval, how the mean's and the
 * exceedance probabilities' intervals are computed, the quantiles, the exceedance thresholds and the
 * bootstrap seed. The arrays are copied in and out, and equality compares their contents.
 */
public record SummaryOptions(double level, MeanIntervalMethod meanMethod, ProportionIntervalMethod proportionMethod,
        double[] quantileProbabilities, double[] thresholds, long seed) {

    /** Checks every option and takes copies of the arrays. */
    public SummaryOptions {
        ConfidenceLevel.require(level);
        Objects.requireNonNull(meanMethod, "meanMethod");
        Objects.requireNonNull(proportionMethod, "proportionMethod");
        for (double p : quantileProbabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new UserInputException("quantiles", "= " + p + " is not allowed: probabilities must be in [0, 1]");
            }
        }
        for (double threshold : thresholds) {
            if (Double.isNaN(threshold)) {
                throw new UserInputException("threshold", "= NaN is not allowed");
            }
        }
        quantileProbabilities = quantileProbabilities.clone();
        thresholds = thresholds.clone();
    }

    /**
     * Level 0.95, normal mean interval, Wilson proportions, the 5 %, 50 % and 95 % quantiles, no
     * thresholds, seed 0.
     */
    public static SummaryOptions defaults() {
        return new SummaryOptions(0.95, MeanIntervalMethod.NORMAL, ProportionIntervalMethod.WILSON,
                new double[] {0.05, 0.5, 0.95}, new double[0], 0);
    }

    @Override
    public double[] quantileProbabilities() {
        return quantileProbabilities.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    private List<Object> components() {
        return List.of(level, meanMethod, proportionMethod, Arrays.stream(quantileProbabilities).boxed().toList(),
                Arrays.stream(thresholds).boxed().toList(), seed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SummaryOptions that && components().equals(that.components());
    }

    @Override
    public int hashCode() {
        return components().hashCode();
    }

    @Override
    public String toString() {
        return "SummaryOptions[level=" + level + ", meanMethod=" + meanMethod + ", proportionMethod=" + proportionMethod
                + ", quantileProbabilities=" + Arrays.toString(quantileProbabilities)
                + ", thresholds=" + Arrays.toString(thresholds) + ", seed=" + seed + "]";
    }
}
