package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void exactIsHyndmanFanType7() {
        // Sorted: 1 1 2 3 4 5 6 9. Type 7 reads position (n - 1) p = 7 p (0-based) and interpolates:
        // p = 0.3: 2.1 -> 2 + 0.1 (3 - 2) = 2.1; p = 0.5: 3.5 -> 3.5; p = 0.9: 6.3 -> 6 + 0.3 (9 - 6) = 6.9.
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        assertEquals(1, Quantiles.exact(x, 0));
        assertEquals(2.1, Quantiles.exact(x, 0.3), 1e-12);
        assertEquals(3.5, Quantiles.exact(x, 0.5), 1e-12);
        assertEquals(6.9, Quantiles.exact(x, 0.9), 1e-12);
        assertEquals(9, Quantiles.exact(x, 1));
        assertArrayEquals(new double[] {2.1, 3.5, 6.9}, Quantiles.exact(x, 0.3, 0.5, 0.9), 1e-12);
        assertArrayEquals(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, x, "the sample keeps its order");
    }

    @Test
    void exactNeedsSamplesAndAProbability() {
        assertEquals("a quantile needs at least one sample", assertThrows(IllegalArgumentException.class,
                () -> Quantiles.exact(new double[0], 0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantiles.exact(new double[] {1}, 1.5));
    }

    @Test
    void streamingQuantileTracksTheExactOneOnNormals() {
        double sigma = 2;
        ContinuousDistribution.Sampler sampler = NormalDistribution.of(10, sigma)
                .createSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        double[] x = new double[100_000];
        double[] p = {0.05, 0.5, 0.95};
        StreamingQuantile[] streaming = new StreamingQuantile[p.length];
        for (int j = 0; j < p.length; j++) {
            streaming[j] = new StreamingQuantile(p[j]);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = sampler.sample();
            for (StreamingQuantile quantile : streaming) {
                quantile.add(x[i]);
            }
        }
        for (int j = 0; j < p.length; j++) {
            assertEquals(x.length, streaming[j].count());
            double exact = Quantiles.exact(x, p[j]);
            assertEquals(exact, streaming[j].estimate(), 0.02 * sigma, "P² at p = " + p[j]);
            assertEquals(exact, streaming[j].estimate(), 0.01 * exact, "P² at p = " + p[j]);
        }
    }

    @Test
    void streamingQuantileIsEmptyAtFirstAndChecksItsProbability() {
        assertEquals(Double.NaN, new StreamingQuantile(0.5).estimate());
        assertEquals("quantile probability must be in [0, 1], got 95.0",
                assertThrows(IllegalArgumentException.class, () -> new StreamingQuantile(95)).getMessage());
    }
}
