package org.submodeluq.montecarlo.estimate;

import org.apache.commons.statistics.distribution.BetaDistribution;

/** Confidence intervals of a probability from {@code successes} out of {@code n} independent trials. */
public final class Proportions {

    private Proportions() {
    }

    /**
     * Wilson score interval (Wilson 1927), the inversion of the score test: coverage close to nominal
     * even for rare events, where the Wald interval collapses to a point at 0 successes.
     */
    public static Interval wilson(long successes, long n, double level) {
        requireCounts(successes, n);
        double z = ConfidenceLevel.normalQuantile(level);
        double z2 = z * z;
        double denominator = n + z2;
        double centre = (successes + z2 / 2) / denominator;
        double halfWidth = z / denominator * Math.sqrt((double) successes * (n - successes) / n + z2 / 4);
        return new Interval(Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
    }

    /**
     * Clopper-Pearson interval (1934) from Beta quantiles, the inversion of the exact binomial test:
     * coverage never below {@code level}. The lower end is exactly 0 at 0 successes and the upper end
     * exactly 1 at n successes.
     */
    public static Interval clopperPearson(long successes, long n, double level) {
        requireCounts(successes, n);
        double tail = ConfidenceLevel.tail(level);
        double lower = successes == 0 ? 0
                : BetaDistribution.of(successes, n - successes + 1).inverseCumulativeProbability(tail);
        double upper = successes == n ? 1
                : BetaDistribution.of(successes + 1, n - successes).inverseSurvivalProbability(tail);
        return new Interval(lower, upper);
    }

    /** The interval of {@code method}. */
    public static Interval of(ProportionIntervalMethod method, long successes, long n, double level) {
        return switch (method) {
            case WILSON -> wilson(successes, n, level);
            case CLOPPER_PEARSON -> clopperPearson(successes, n, level);
        };
    }

    private static void requireCounts(long successes, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("a proportion needs at least one trial, got " + n);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, " + n + "], got " + successes);
        }
    }
}
