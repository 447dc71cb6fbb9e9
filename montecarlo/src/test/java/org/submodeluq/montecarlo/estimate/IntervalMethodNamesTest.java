package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntervalMethodNamesTest {

    @Test
    void meanMethodsHaveHyphenatedLowerCaseNames() {
        assertEquals("normal", MeanIntervalMethod.NORMAL.text());
        assertEquals("batch-means", MeanIntervalMethod.BATCH_MEANS.text());
        assertEquals("bootstrap", MeanIntervalMethod.BOOTSTRAP.text());
        for (MeanIntervalMethod method : MeanIntervalMethod.values()) {
            assertEquals(method, MeanIntervalMethod.of(method.text()));
        }
    }

    @Test
    void proportionMethodsHaveHyphenatedLowerCaseNames() {
        assertEquals("wilson", ProportionIntervalMethod.WILSON.text());
        assertEquals("clopper-pearson", ProportionIntervalMethod.CLOPPER_PEARSON.text());
        for (ProportionIntervalMethod method : ProportionIntervalMethod.values()) {
            assertEquals(method, ProportionIntervalMethod.of(method.text()));
        }
    }

    @Test
    void unknownNamesListTheAllowedOnes() {
        IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
                () -> MeanIntervalMethod.of("BATCH_MEANS"));
        assertEquals("mean interval method 'BATCH_MEANS' is unknown; allowed: normal, batch-means, bootstrap",
                mean.getMessage());
        IllegalArgumentException proportion = assertThrows(IllegalArgumentException.class,
                () -> ProportionIntervalMethod.of("wald"));
        assertEquals("proportion interval method 'wald' is unknown; allowed: wilson, clopper-pearson",
                proportion.getMessage());
    }
}
