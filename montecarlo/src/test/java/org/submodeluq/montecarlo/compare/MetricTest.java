package org.submodeluq.montecarlo.compare;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every metric against SciPy 1.10.1 on the same two samples. */
class MetricTest {

    private static final double[] REFERENCE = IntStream.range(0, 50).mapToDouble(i -> (i * 0.37) % 1).toArray();
    private static final double[] CANDIDATE = IntStream.range(0, 40)
            .mapToDouble(i -> Math.pow((i * 0.61) % 1, 1.3)).toArray();

    /*
     * ref = [(i*0.37)%1 for i in range(50)]; cand = [((i*0.61)%1)**1.3 for i in range(40)]
     * mean: cand.mean()/ref.mean()-1; std: ddof=1 ratio - 1; quantiles: np.quantile (type 7) ratio - 1;
     * W1: scipy.stats.wasserstein_distance / ref.std(ddof=1); KS: scipy.stats.ks_2samp, method='exact'
     */
    @Test
    void everyMetricMatchesScipy() {
        assertAll(
                () -> assertEquals(-0.11200164553750891, Metric.MEAN.of(REFERENCE, CANDIDATE), 1e-12),
                () -> assertEquals(0.02574883259856864, Metric.STD.of(REFERENCE, CANDIDATE), 1e-12),
                () -> assertEquals(-0.5434327539834978, Metric.Q05.of(REFERENCE, CANDIDATE), 1e-12),
                () -> assertEquals(-0.02628002369266902, Metric.Q95.of(REFERENCE, CANDIDATE), 1e-12),
                () -> assertEquals(0.18424809075172263, Metric.W1_OVER_STD.of(REFERENCE, CANDIDATE), 1e-12),
                () -> assertEquals(0.12, Metric.KS.of(REFERENCE, CANDIDATE), 1e-12),
                () -> assertEquals(0.8690061339673806, Metric.KS_P.of(REFERENCE, CANDIDATE), 1e-6));
    }

    @Test
    void pairedResamplingOfIdenticalSamplesGivesZeroWidthIntervals() {
        ComparisonRow row = ComparisonRow.paired("exact", "q", REFERENCE, REFERENCE.clone(), 200, 0.95, 1);
        ComparisonRow independent = ComparisonRow.of("copy", "q", REFERENCE, REFERENCE.clone(), 200, 0.95, 1);
        assertAll(
                () -> assertEquals(0, row.interval(Metric.MEAN).halfWidth(), 0.0),
                () -> assertEquals(0, row.interval(Metric.W1_OVER_STD).upper(), 0.0),
                () -> assertEquals(0, row.interval(Metric.KS).upper(), 0.0),
                () -> assertTrue(independent.interval(Metric.W1_OVER_STD).lower() > 0,
                        "independent resamples of one sample differ: " + independent.interval(Metric.W1_OVER_STD)));
    }
}
