package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ConvergenceHistoryTest {

    @Test
    void gridIsTenPointsPerDecadeFromTen() {
        // round(10^(1 + k / 10)) for k = 0 .. 20.
        long[] expected = {10, 13, 16, 20, 25, 32, 40, 50, 63, 79, 100, 126, 158, 200, 251, 316, 398, 501, 631, 794,
            1000};
        assertArrayEquals(expected, ConvergenceHistory.of(uniform(1000), 0.95).n());
    }

    @Test
    void gridStartsAtTwoBelowTenSamplesWithoutDuplicates() {
        // round(2 · 10^(k / 10)) = 2, 3, 3, 4, then 5 reaches the sample count.
        assertArrayEquals(new long[] {2, 3, 4, 5}, ConvergenceHistory.of(uniform(5), 0.95).n());
    }

    @Test
    void gridIsStrictlyIncreasingAndEndsAtTheSampleCount() {
        for (int samples : new int[] {2, 3, 9, 10, 11, 99, 100, 101, 12_345}) {
            long[] n = ConvergenceHistory.of(uniform(samples), 0.95).n();
            assertEquals(samples, n[n.length - 1]);
            assertEquals(samples < 10 ? 2 : 10, n[0]);
            for (int i = 1; i < n.length; i++) {
                assertTrue(n[i] > n[i - 1], () -> "not increasing: " + Arrays.toString(n));
            }
        }
    }

    @Test
    void pointsAreTheEstimatesOfThePrefixes() {
        double[] x = uniform(1000);
        ConvergenceHistory history = ConvergenceHistory.of(x, 0.9);
        int last = history.size() - 1;
        RunningMoments full = RunningMoments.of(x);
        assertEquals(full.mean(), history.mean()[last]);
        assertEquals(MeanIntervals.normal(x, 0.9).halfWidth(), history.halfWidth()[last]);
        RunningMoments firstTen = RunningMoments.of(Arrays.copyOf(x, 10));
        assertEquals(firstTen.mean(), history.mean()[0]);
        assertEquals(firstTen.normalInterval(0.9).halfWidth(), history.halfWidth()[0]);
        assertEquals(1.5, full.mean(), 0.05, "uniform on [1, 2]");
    }

    @Test
    void arraysAreCopiedAndComparedByContent() {
        double[] x = uniform(50);
        ConvergenceHistory history = ConvergenceHistory.of(x, 0.95);
        history.mean()[0] = 42;
        assertNotEquals(42, history.mean()[0]);
        assertEquals(history, ConvergenceHistory.of(x, 0.95));
        assertEquals(history.hashCode(), ConvergenceHistory.of(x, 0.95).hashCode());
        assertNotEquals(history, ConvergenceHistory.of(x, 0.9));
        assertEquals("ConvergenceHistory[n=[2], mean=[1.5], halfWidth=[0.0]]",
                new ConvergenceHistory(new long[] {2}, new double[] {1.5}, new double[] {0}).toString());
    }

    @Test
    void argumentsAreChecked() {
        assertEquals("a convergence history needs at least 2 samples, got 1",
                assertThrows(IllegalArgumentException.class, () -> ConvergenceHistory.of(new double[1], 0.95))
                        .getMessage());
        assertEquals("convergence history arrays differ in length: n 2, mean 1, halfWidth 2",
                assertThrows(IllegalArgumentException.class,
                        () -> new ConvergenceHistory(new long[2], new double[1], new double[2])).getMessage());
    }

    private static double[] uniform(int n) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + random.nextDouble();
        }
        return x;
    }
}
