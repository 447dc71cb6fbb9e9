package org.submodeluq.montecarlo.estimate;

import org.submodeluq.core.UserInputException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QoiSummaryTest {

    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void defaultsAreThoseDocumented() {
        SummaryOptions defaults = SummaryOptions.defaults();
        assertEquals(0.95, defaults.level());
        assertEquals(MeanIntervalMethod.NORMAL, defaults.meanMethod());
        assertEquals(ProportionIntervalMethod.WILSON, defaults.proportionMethod());
        assertArrayEquals(new double[] {0.05, 0.5, 0.95}, defaults.quantileProbabilities());
        assertArrayEquals(new double[0], defaults.thresholds());
        assertEquals(0, defaults.seed());
    }

    @Test
    void summaryOfOneToTenByHand() {
        QoiSummary summary = QoiSummary.of("peak", ONE_TO_TEN, SummaryOptions.defaults());
        // Mean 5.5; squared deviations sum 82.5, variance 82.5 / 9 = 55 / 6; SE sqrt(55 / 60).
        assertEquals("peak", summary.name());
        assertEquals(10, summary.n());
        assertEquals(5.5, summary.mean(), 1e-12);
        assertEquals(55.0 / 6, summary.variance(), 1e-12);
        assertEquals(Math.sqrt(55.0 / 60), summary.standardError(), 1e-12);
        assertEquals(1.959963984540054 * Math.sqrt(55.0 / 60), summary.meanInterval().halfWidth(), 1e-12);
        assertEquals(MeanIntervalMethod.NORMAL, summary.intervalMethod());
        assertEquals(0.95, summary.level());
        // Type 7 at positions 9 p: 0.45, 4.5, 8.55 (0-based) -> 1.45, 5.5, 9.55.
        assertArrayEquals(new double[] {1.45, 5.5, 9.55}, summary.quantiles(), 1e-12);
        assertEquals(List.of(), summary.exceedances());
    }

    @Test
    void optionsChooseIntervalsAndThresholds() {
        SummaryOptions options = new SummaryOptions(0.9, MeanIntervalMethod.BATCH_MEANS,
                ProportionIntervalMethod.CLOPPER_PEARSON, new double[] {0.5}, new double[] {7, 8}, 3);
        QoiSummary summary = QoiSummary.of("energy", ONE_TO_TEN, options);
        assertEquals(MeanIntervals.batchMeans(ONE_TO_TEN, 5, 0.9), summary.meanInterval());
        assertEquals(MeanIntervalMethod.BATCH_MEANS, summary.intervalMethod());
        assertArrayEquals(new double[] {5.5}, summary.quantiles());
        assertEquals(List.of(3L, 2L), summary.exceedances().stream().map(Exceedance::count).toList());
        assertEquals(Proportions.clopperPearson(2, 10, 0.9), summary.exceedances().get(1).interval());
    }

    @Test
    void summariesAreComparedByContentAndOwnTheirArrays() {
        QoiSummary summary = QoiSummary.of("peak", ONE_TO_TEN, SummaryOptions.defaults());
        summary.quantiles()[0] = 42;
        assertEquals(1.45, summary.quantiles()[0], 1e-12);
        assertEquals(summary, QoiSummary.of("peak", ONE_TO_TEN.clone(), SummaryOptions.defaults()));
        assertEquals(summary.hashCode(), QoiSummary.of("peak", ONE_TO_TEN, SummaryOptions.defaults()).hashCode());
        assertEquals(SummaryOptions.defaults(), SummaryOptions.defaults());
    }

    @Test
    void optionsAreChecked() {
        assertEquals("quantiles = 95.0 is not allowed: probabilities must be in [0, 1]", assertThrows(UserInputException.class,
                () -> new SummaryOptions(0.95, MeanIntervalMethod.NORMAL, ProportionIntervalMethod.WILSON,
                        new double[] {95}, new double[0], 0)).getMessage());
        assertEquals("level = 0.0 is not allowed: must be strictly between 0 and 1",
                assertThrows(UserInputException.class, () -> new SummaryOptions(0, MeanIntervalMethod.NORMAL,
                        ProportionIntervalMethod.WILSON, new double[0], new double[0], 0)).getMessage());
    }
}
