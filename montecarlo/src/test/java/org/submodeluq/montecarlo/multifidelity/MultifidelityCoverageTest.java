package org.submodeluq.montecarlo.multifidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Nominal 95 % intervals on synthetic two-fidelity data cover the truth 93 to 97 % of the time: n = 300
 * full runs y ~ N(10, 2^2) paired with a surrogate, M = 4000 cheap surrogate values at fresh inputs, 400
 * seeded repetitions. With 400 repetitions the measured coverage has a binomial standard deviation of
 * sqrt(0.95 · 0.05 / 400) = 1.1 %, so [93 %, 97 %] is about two of them either side.
 *
 * <p>The observed variance of the 400 estimates is compared with the mean predicted variance (the mean
 * squared standard error): for normal estimates the sample variance of R of them has a relative standard
 * deviation of sqrt(2 / (R - 1)) = 7.1 %; the tolerance of 20 % is three of them (less the small
 * spread of the mean prediction).
 */
class MultifidelityCoverageTest {

    private static final int N = 300;
    private static final int M = 4000;
    private static final int REPETITIONS = 400;
    private static final double MU = 10;
    private static final double SIGMA = 2;
    private static final double LEVEL = 0.95;
    private static final double Z90 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.9);

    @Test
    void correlatedSurrogateCoversTheMeanTheExceedanceAndTheQuantile() {
        double rho = 0.9;
        double noise = Math.sqrt(1 - rho * rho);
        // f = 11 + 3 (rho z + sqrt(1 - rho^2) e): correlation 0.9 with y, a different mean and scale.
        Result r = run(1L, (z, e) -> 11 + 3 * (rho * z + noise * e));
        assertBetween(0.93, 0.97, r.meanCoverage(), "mean coverage");
        assertBetween(0.80, 1.20, r.varianceRatio(), "observed / predicted variance of the mean");
        assertBetween(0.93, 0.97, r.exceedanceCoverage(), "P(y > q90) coverage");
        assertBetween(0.93, 0.97, r.quantileCoverage(), "q90 coverage");
        // Predicted reduction 1 / (1 - rho^2 M/(n+M)) = 4.06 against plain MC on the 300 runs.
        assertBetween(3.6, 4.6, r.meanVarianceReduction(), "variance reduction");
    }

    @Test
    void biasedSurrogateStillCovers() {
        // f = 0.5 y + 3 + noise: a mean of 8 instead of 10, correlation 1/sqrt(1 + 0.25) = 0.894.
        Result r = run(2L, (z, e) -> 0.5 * (MU + SIGMA * z) + 3 + 0.5 * e);
        assertBetween(0.93, 0.97, r.meanCoverage(), "mean coverage");
        assertBetween(0.80, 1.20, r.varianceRatio(), "observed / predicted variance of the mean");
        assertBetween(0.93, 0.97, r.exceedanceCoverage(), "P(y > q90) coverage");
        assertTrue(Math.abs(r.meanEstimate() - MU) < 0.01, "mean of the estimates " + r.meanEstimate());
    }

    /** The surrogate's value at an input where the QoI's standard score is z, e an independent N(0, 1). */
    private interface Surrogate {
        double at(double z, double e);
    }

    private record Result(double meanCoverage, double varianceRatio, double exceedanceCoverage,
            double quantileCoverage, double meanVarianceReduction, double meanEstimate) {
    }

    private static Result run(long seed, Surrogate surrogate) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ContinuousDistribution.Sampler normal = NormalDistribution.of(0, 1).createSampler(rng);
        double threshold = MU + SIGMA * Z90;
        double[] grid = new double[41];
        for (int j = 0; j < grid.length; j++) {
            grid[j] = MU + SIGMA * (0.8 + j * 0.025);
        }
        double[] y = new double[N];
        double[] f = new double[N];
        double[] g = new double[M];
        int meanCovered = 0;
        int exceedanceCovered = 0;
        int quantileCovered = 0;
        double sum = 0;
        double sumSquares = 0;
        double sumPredicted = 0;
        double sumReduction = 0;
        for (int r = 0; r < REPETITIONS; r++) {
            for (int i = 0; i < N; i++) {
                double z = normal.sample();
                y[i] = MU + SIGMA * z;
                f[i] = surrogate.at(z, normal.sample());
            }
            for (int j = 0; j < M; j++) {
                g[j] = surrogate.at(normal.sample(), normal.sample());
            }
            PairedSample sample = PairedSample.of(y, f, g);
            ControlVariateEstimate mean = ControlVariateMean.of(sample, LEVEL);
            meanCovered += mean.interval().contains(MU) ? 1 : 0;
            sum += mean.estimate();
            sumSquares += mean.estimate() * mean.estimate();
            sumPredicted += mean.standardError() * mean.standardError();
            sumReduction += mean.varianceReduction();
            ExceedanceCurve curve = ExceedanceCurve.of(sample, grid, LEVEL);
            exceedanceCovered += ExceedanceCurve.of(sample, new double[] {threshold}, LEVEL)
                    .exceedanceInterval(0).contains(0.1) ? 1 : 0;
            quantileCovered += curve.quantile(0.9).interval().contains(threshold) ? 1 : 0;
        }
        double meanEstimate = sum / REPETITIONS;
        double observedVariance = (sumSquares - REPETITIONS * meanEstimate * meanEstimate) / (REPETITIONS - 1);
        return new Result((double) meanCovered / REPETITIONS, observedVariance / (sumPredicted / REPETITIONS),
                (double) exceedanceCovered / REPETITIONS, (double) quantileCovered / REPETITIONS,
                sumReduction / REPETITIONS, meanEstimate);
    }

    private static void assertBetween(double low, double high, double value, String what) {
        assertTrue(value >= low && value <= high, what + " = " + value + ", outside [" + low + ", " + high + "]");
    }
}
