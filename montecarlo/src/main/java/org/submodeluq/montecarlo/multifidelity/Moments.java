package org.submodeluq.montecarlo.multifidelity;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Sample means and covariances (divisor n - 1) by two passes, and the normal critical value. The
 * estimate package's {@code ConfidenceLevel} does the latter but is package-private there.
 */
final class Moments {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Moments() {
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** The unbiased sample covariance of two equally long arrays. */
    static double covariance(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length - 1);
    }

    /** The standard normal {@code z} with {@code P(|Z| <= z) = level}, level strictly between 0 and 1. */
    static double normalQuantile(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " must be strictly between 0 and 1");
        }
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }
}
