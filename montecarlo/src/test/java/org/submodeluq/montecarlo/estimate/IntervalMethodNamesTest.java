package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.submodeluq.core.Named;

class IntervalMethodNamesTest {

    @Test
    void meanMethodsHaveHyphenatedLowerCaseNames() {
        assertEquals("normal", MeanIntervalMethod.NORMAL.text());
        assertEquals("batch-means", MeanIntervalMethod.BATCH_MEANS.text());
        assertEquals("bootstrap", MeanIntervalMethod.BOOTSTRAP.text());
        for (MeanIntervalMethod method : MeanIntervalMethod.values()) {
            assertEquals(method, Named.parse(MeanIntervalMethod.class, method.text(), "method"));
        }
    }

    @Test
    void proportionMethodsHaveHyphenatedLowerCaseNames() {
        assertEquals("wilson", ProportionIntervalMethod.WILSON.text());
        assertEquals("clopper-pearson", ProportionIntervalMethod.CLOPPER_PEARSON.text());
        for (ProportionIntervalMethod method : ProportionIntervalMethod.values()) {
            assertEquals(method, Named.parse(ProportionIntervalMethod.class, method.text(), "method"));
        }
    }

    @Test
    void unknownNamesListTheAllowedOnes() {
        IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
                () -> Named.parse(MeanIntervalMethod.class, "BATCH_MEANS", "mean interval method"));
        assertEquals("mean interval method 'BATCH_MEANS' is unknown; allowed: normal, batch-means, bootstrap",
                mean.getMessage());
        IllegalArgumentException proportion = assertThrows(IllegalArgumentException.class,
                () -> Named.parse(ProportionIntervalMethod.class, "wald", "proportion interval method"));
        assertEquals("proportion interval method 'wald' is unknown; allowed: wilson, clopper-pearson",
                proportion.getMessage());
    }
}
