package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntervalMethodNamesTest {

    @Test
    void meanMethodsHaveHyphenatedLowerCaseNames() {
        assertEquals("normal", MeanIntervalMethod.NORMAL.cliName());
        assertEquals("batch-means", MeanIntervalMethod.BATCH_MEANS.cliName());
        assertEquals("bootstrap", MeanIntervalMethod.BOOTSTRAP.cliName());
        for (MeanIntervalMethod method : MeanIntervalMethod.values()) {
            assertEquals(method, MeanIntervalMethod.fromCliName(method.cliName()));
        }
    }

    @Test
    void proportionMethodsHaveHyphenatedLowerCaseNames() {
        assertEquals("wilson", ProportionIntervalMethod.WILSON.cliName());
        assertEquals("clopper-pearson", ProportionIntervalMethod.CLOPPER_PEARSON.cliName());
        for (ProportionIntervalMethod method : ProportionIntervalMethod.values()) {
            assertEquals(method, ProportionIntervalMethod.fromCliName(method.cliName()));
        }
    }

    @Test
    void unknownNamesListTheAllowedOnes() {
        IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
                () -> MeanIntervalMethod.fromCliName("BATCH_MEANS"));
        assertEquals("mean interval method 'BATCH_MEANS' is unknown; allowed: normal, batch-means, bootstrap",
                mean.getMessage());
        IllegalArgumentException proportion = assertThrows(IllegalArgumentException.class,
                () -> ProportionIntervalMethod.fromCliName("wald"));
        assertEquals("proportion interval method 'wald' is unknown; allowed: wilson, clopper-pearson",
                proportion.getMessage());
    }
}
