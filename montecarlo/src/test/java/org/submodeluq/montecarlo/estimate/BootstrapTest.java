package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void twoSampleDifferenceOfMeansAgreesWithTheNormalTheoryInterval() {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(21L);
        double[] a = sample(NormalDistribution.of(0, 1), 2000, random);
        double[] b = sample(NormalDistribution.of(1, 2), 3000, random);
        Interval bootstrap = Bootstrap.twoSample(a, b,
                (x, y) -> Mean.of(y).getAsDouble() - Mean.of(x).getAsDouble(), 2000, 0.95, 9);
        // Reference: difference of means ± z sqrt(s_a^2 / n_a + s_b^2 / n_b).
        RunningMoments ma = RunningMoments.of(a);
        RunningMoments mb = RunningMoments.of(b);
        Interval normal = Interval.around(mb.mean() - ma.mean(), 1.959963984540054
                * Math.sqrt(ma.variance() / a.length + mb.variance() / b.length));
        double tolerance = 0.1 * normal.halfWidth();
        assertEquals(normal.lower(), bootstrap.lower(), tolerance);
        assertEquals(normal.upper(), bootstrap.upper(), tolerance);
    }

    @Test
    void aConstantSampleGivesAPointInterval() {
        double[] x = {2.5, 2.5, 2.5, 2.5};
        assertEquals(new Interval(2.5, 2.5), Bootstrap.oneSample(x, s -> Mean.of(s).getAsDouble(), 100, 0.9, 3));
    }

    @Test
    void aStatisticThatSortsItsArgumentLeavesTheSampleAlone() {
        double[] x = {5, 1, 4, 2, 3};
        double[] copy = x.clone();
        Interval median = Bootstrap.oneSample(x, s -> {
            Arrays.sort(s);
            return s[s.length / 2];
        }, 200, 0.9, 4);
        assertArrayEquals(copy, x);
        assertTrue(median.lower() >= 1 && median.upper() <= 5 && median.contains(3), median::toString);
    }

    @Test
    void resamplesAndSamplesAreChecked() {
        assertEquals("bootstrap needs at least one resample, got 0", assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.oneSample(new double[] {1, 2}, s -> 0, 0, 0.95, 0)).getMessage());
        assertEquals("bootstrap second sample is empty", assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.twoSample(new double[] {1}, new double[0], (x, y) -> 0, 10, 0.95, 0)).getMessage());
    }

    private static double[] sample(ContinuousDistribution distribution, int n, UniformRandomProvider random) {
        ContinuousDistribution.Sampler sampler = distribution.createSampler(random);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sampler.sample();
        }
        return x;
    }
}
