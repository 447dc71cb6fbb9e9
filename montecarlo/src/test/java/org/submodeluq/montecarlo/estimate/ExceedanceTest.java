package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExceedanceTest {

    private static final double[] X = {0.5, 2, 3, 3, 3, 4, 7, 1, Double.NaN, 9};

    @Test
    void countsValuesStrictlyAboveTheThreshold() {
        Exceedance exceedance = Exceedance.of(X, 3, ProportionIntervalMethod.WILSON, 0.95);
        assertEquals(3, exceedance.threshold());
        assertEquals(3, exceedance.count(), "4, 7 and 9; the three 3s and NaN do not exceed 3");
        assertEquals(10, exceedance.n());
        assertEquals(0.3, exceedance.probability());
        assertEquals(Proportions.wilson(3, 10, 0.95), exceedance.interval());
    }

    @Test
    void usesTheRequestedIntervalMethod() {
        Exceedance exceedance = Exceedance.of(X, 10, ProportionIntervalMethod.CLOPPER_PEARSON, 0.9);
        assertEquals(0, exceedance.count());
        // Clopper-Pearson at 0 of 10, level 0.9: [0, 1 - 0.05^(1/10)].
        assertEquals(0, exceedance.interval().lower());
        assertEquals(1 - Math.pow(0.05, 0.1), exceedance.interval().upper(), 1e-12);
    }
}
