package org.submodeluq.montecarlo.estimate;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.submodeluq.core.UserInputException;

/** Checks a two-sided confidence level and turns it into the tail probability and critical values. */
public final class ConfidenceLevel {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ConfidenceLevel() {
    }

    /** {@code level}, once checked to lie strictly between 0 and 1. */
    static double require(double level) {
        if (!(level > 0 && level < 1)) {
            throw new UserInputException("level", "= " + level + " is not allowed: must be strictly between 0 and 1");
        }
        return level;
    }

    /** The probability left out on each side: {@code (1 - level) / 2}. */
    static double tail(double level) {
        return (1 - require(level)) / 2;
    }

    /** The standard normal quantile {@code z} with {@code P(|Z| <= z) = level}. */
    public static double normalQuantile(double level) {
        return STANDARD_NORMAL.inverseSurvivalProbability(tail(level));
    }
}
