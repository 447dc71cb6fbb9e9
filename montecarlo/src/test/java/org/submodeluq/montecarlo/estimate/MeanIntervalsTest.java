package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class MeanIntervalsTest {

    /** Student-t 97.5 % quantile with 3 degrees of freedom (tables; SciPy t.ppf(0.975, 3)). */
    private static final double T_3 = 3.182446305284263;

    @Test
    void normalIntervalOnAHandExample() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, variance 32 / 7, SE sqrt(4 / 7); z = 1.959963984540054.
        Interval interval = MeanIntervals.normal(new double[] {2, 4, 4, 4, 5, 5, 7, 9}, 0.95);
        assertEquals(5, interval.centre(), 1e-12);
        assertEquals(1.959963984540054 * Math.sqrt(4.0 / 7), interval.halfWidth(), 1e-12);
    }

    @Test
    void batchMeansIsTheTIntervalOfConsecutiveBatchMeans() {
        // 4 batches of floor(9 / 4) = 2: means 1.5, 3.5, 5.5, 7.5 (the trailing 100 is left out);
        // their mean 4.5, variance (9 + 1 + 1 + 9) / 3 = 20 / 3, standard error sqrt(20 / 3 / 4).
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 100};
        Interval interval = MeanIntervals.batchMeans(x, 4, 0.95);
        assertEquals(4.5, interval.centre(), 1e-12);
        assertEquals(T_3 * Math.sqrt(5.0 / 3), interval.halfWidth(), 1e-9);
    }

    @Test
    void batchMeansNeedTwoSamplesPerBatch() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MeanIntervals.batchMeans(new double[7], 4, 0.95));
        assertEquals("batch means with 4 batches (2 samples per batch) needs at least 8 samples, got 7",
                error.getMessage());
        assertEquals("batch means need at least 2 batches, got 1", assertThrows(IllegalArgumentException.class,
                () -> MeanIntervals.batchMeans(new double[10], 1, 0.95)).getMessage());
    }

    @Test
    void defaultBatchesAreTwentyOrTwoSamplesEach() {
        double[] large = normalSample(100, 3L);
        assertEquals(MeanIntervals.batchMeans(large, 20, 0.9),
                MeanIntervals.of(MeanIntervalMethod.BATCH_MEANS, large, 0.9, 0));
        double[] small = Arrays.copyOf(large, 30);
        assertEquals(MeanIntervals.batchMeans(small, 15, 0.9),
                MeanIntervals.of(MeanIntervalMethod.BATCH_MEANS, small, 0.9, 0));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MeanIntervals.of(MeanIntervalMethod.BATCH_MEANS, new double[3], 0.9, 0));
        assertEquals("batch means with 2 batches (2 samples per batch) needs at least 4 samples, got 3",
                error.getMessage());
    }

    @Test
    void bootstrapIsDeterministicUnderItsSeed() {
        double[] x = normalSample(50, 5L);
        Interval first = MeanIntervals.bootstrap(x, 500, 0.95, 42);
        assertEquals(first, MeanIntervals.bootstrap(x, 500, 0.95, 42));
        assertNotEquals(first, MeanIntervals.bootstrap(x, 500, 0.95, 43));
        assertEquals(MeanIntervals.bootstrap(x, MeanIntervals.DEFAULT_RESAMPLES, 0.95, 42),
                MeanIntervals.of(MeanIntervalMethod.BOOTSTRAP, x, 0.95, 42));
    }

    @Test
    void bootstrapAgreesWithTheNormalIntervalOnALargeNormalSample() {
        double[] x = normalSample(10_000, 7L);
        Interval normal = MeanIntervals.normal(x, 0.95);
        Interval bootstrap = MeanIntervals.of(MeanIntervalMethod.BOOTSTRAP, x, 0.95, 1);
        // With 2000 resamples the percentile ends carry a Monte Carlo error of a few % of the half-width.
        double tolerance = 0.1 * normal.halfWidth();
        assertEquals(normal.lower(), bootstrap.lower(), tolerance);
        assertEquals(normal.upper(), bootstrap.upper(), tolerance);
    }

    @Test
    void intervalsNeedTwoSamples() {
        assertEquals("a normal interval needs at least 2 samples, got 1",
                assertThrows(IllegalArgumentException.class, () -> MeanIntervals.normal(new double[] {1}, 0.95))
                        .getMessage());
        assertEquals("a bootstrap interval needs at least 2 samples, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> MeanIntervals.bootstrap(new double[] {1}, 10, 0.95, 0)).getMessage());
    }

    private static double[] normalSample(int n, long seed) {
        ContinuousDistribution.Sampler sampler = NormalDistribution.of(3, 2)
                .createSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sampler.sample();
        }
        return x;
    }
}
