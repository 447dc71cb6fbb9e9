package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Nominal 95 % intervals cover the true value about 95 % of the time. Means: samples of 200 draws from
 * Exponential(1) (mean 1, skewed, so the test is not flattered by normal data), seeded repetitions;
 * with R repetitions the measured coverage has a binomial standard deviation of sqrt(0.95 · 0.05 / R),
 * 0.7 % at R = 1000 and 1 % at R = 500. Proportions: exact coverage, summed over the binomial law, and
 * the coverage of exceedance intervals measured on simulated samples.
 */
class CoverageTest {

    private static final double LEVEL = 0.95;
    private static final int N = 200;
    private static final double TRUE_MEAN = 1;

    @Test
    void normalIntervalCoversTheExponentialMean() {
        double coverage = meanCoverage(1000, 1L, x -> MeanIntervals.normal(x, LEVEL));
        assertBetween(0.93, 0.97, coverage, "normal interval");
    }

    @Test
    void batchMeansIntervalCoversTheExponentialMean() {
        double coverage = meanCoverage(1000, 2L, x -> MeanIntervals.batchMeans(x, 20, LEVEL));
        assertBetween(0.93, 0.97, coverage, "batch-means interval");
    }

    @Test
    void bootstrapIntervalCoversTheExponentialMean() {
        UniformRandomProvider bootstrapSeeds = RandomSource.XO_RO_SHI_RO_128_PP.create(30L);
        double coverage = meanCoverage(500, 3L,
                x -> MeanIntervals.bootstrap(x, 1000, LEVEL, bootstrapSeeds.nextLong()));
        // 500 repetitions: about 3 standard deviations either side of 95 %.
        assertBetween(0.92, 0.98, coverage, "bootstrap interval (500 repetitions, 1000 resamples)");
    }

    private static double meanCoverage(int repetitions, long seed, Function<double[], Interval> interval) {
        ContinuousDistribution.Sampler sampler = ExponentialDistribution.of(TRUE_MEAN)
                .createSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        int covered = 0;
        double[] x = new double[N];
        for (int r = 0; r < repetitions; r++) {
            for (int i = 0; i < N; i++) {
                x[i] = sampler.sample();
            }
            if (interval.apply(x).contains(TRUE_MEAN)) {
                covered++;
            }
        }
        return (double) covered / repetitions;
    }

    @Test
    void wilsonCoverageIsNearNominal() {
        // Wilson's coverage oscillates with p and dips below 93 % for small n near the edges
        // (0.92 at n = 50, p = 0.02): at n = 263 it stays within a point of 95 %.
        for (double p : new double[] {0.02, 0.05, 0.1, 0.3, 0.5}) {
            double coverage = exactCoverage(ProportionIntervalMethod.WILSON, 263, p);
            assertBetween(0.93, 0.97, coverage, "Wilson, n = 263, p = " + p);
        }
    }

    @Test
    void clopperPearsonNeverUndercovers() {
        for (int n : new int[] {10, 50, 263}) {
            for (double p = 0.01; p < 1; p += 0.07) {
                double coverage = exactCoverage(ProportionIntervalMethod.CLOPPER_PEARSON, n, p);
                assertTrue(coverage >= LEVEL - 1e-12,
                        "Clopper-Pearson coverage " + coverage + " below 0.95 at n = " + n + ", p = " + p);
            }
        }
    }

    /** The probability that the interval from a Binomial(n, p) count contains p. */
    private static double exactCoverage(ProportionIntervalMethod method, int n, double p) {
        BinomialDistribution binomial = BinomialDistribution.of(n, p);
        double coverage = 0;
        for (int k = 0; k <= n; k++) {
            if (Proportions.of(method, k, n, LEVEL).contains(p)) {
                coverage += binomial.probability(k);
            }
        }
        return coverage;
    }

    @Test
    void exceedanceIntervalsCoverTheExceedanceProbability() {
        // P(X > ln 10) = 0.1 for X ~ Exponential(1).
        double threshold = Math.log(10);
        double p = 0.1;
        ContinuousDistribution.Sampler sampler = ExponentialDistribution.of(TRUE_MEAN)
                .createSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
        int repetitions = 1000;
        int wilson = 0;
        int clopperPearson = 0;
        double[] x = new double[N];
        for (int r = 0; r < repetitions; r++) {
            for (int i = 0; i < N; i++) {
                x[i] = sampler.sample();
            }
            if (Exceedance.of(x, threshold, ProportionIntervalMethod.WILSON, LEVEL).interval().contains(p)) {
                wilson++;
            }
            if (Exceedance.of(x, threshold, ProportionIntervalMethod.CLOPPER_PEARSON, LEVEL).interval().contains(p)) {
                clopperPearson++;
            }
        }
        // Within 3 binomial standard deviations (2.1 %) of the exact coverage at n = 200, p = 0.1.
        assertEquals(exactCoverage(ProportionIntervalMethod.WILSON, N, p), (double) wilson / repetitions, 0.021,
                "Wilson exceedance interval, measured coverage");
        assertEquals(exactCoverage(ProportionIntervalMethod.CLOPPER_PEARSON, N, p),
                (double) clopperPearson / repetitions, 0.021, "Clopper-Pearson exceedance interval, measured coverage");
    }

    private static void assertBetween(double low, double high, double coverage, String what) {
        assertTrue(coverage >= low && coverage <= high,
                what + ": measured coverage " + coverage + " outside [" + low + ", " + high + "]");
    }
}
