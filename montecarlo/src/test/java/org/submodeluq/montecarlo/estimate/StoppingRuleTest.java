package org.submodeluq.montecarlo.estimate;

import org.submodeluq.core.UserInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoppingRuleTest {

    /** Relative half-width at 95 %: 1.959964 · sqrt(4 / 7) / 5 = 0.29633 (mean 5, variance 32 / 7, n = 8). */
    private static final RunningMoments EIGHT = RunningMoments.of(2, 4, 4, 4, 5, 5, 7, 9);

    @Test
    void samplesStopsAtTheCountAndNotBefore() {
        StoppingRule rule = StoppingRule.samples(8);
        assertEquals(new StoppingRule(8, 0, 0.95, 8), rule);
        assertFalse(rule.hasPrecisionTarget());
        assertTrue(rule.shouldStop(List.of(EIGHT)));
        assertFalse(StoppingRule.samples(9).shouldStop(List.of(EIGHT)), "precise enough is no reason without a target");
    }

    @Test
    void precisionTargetStopsOnceTheRelativeHalfWidthIsReached() {
        assertTrue(new StoppingRule(1000, 0.30, 0.95, 8).shouldStop(List.of(EIGHT)));
        assertFalse(new StoppingRule(1000, 0.29, 0.95, 8).shouldStop(List.of(EIGHT)));
        assertFalse(new StoppingRule(1000, 0.30, 0.99, 8).shouldStop(List.of(EIGHT)), "wider at 99 %: 0.389");
    }

    @Test
    void precisionTargetWaitsForMinSamples() {
        assertFalse(new StoppingRule(1000, 0.30, 0.95, 9).shouldStop(List.of(EIGHT)));
    }

    @Test
    void everyQuantityOfInterestMustReachTheTarget() {
        RunningMoments noisy = RunningMoments.of(-3, 4, 1, 9, -8, 2, 0, 5);
        assertFalse(new StoppingRule(1000, 0.30, 0.95, 8).shouldStop(List.of(EIGHT, noisy)));
        assertTrue(new StoppingRule(8, 0.30, 0.95, 8).shouldStop(List.of(EIGHT, noisy)), "maxSamples still stops");
    }

    @Test
    void theSmallestCountIsTheCampaignsCount() {
        RunningMoments behind = RunningMoments.of(5, 5, 5, 5, 5, 5, 5);
        assertFalse(StoppingRule.samples(8).shouldStop(List.of(EIGHT, behind)));
    }

    @Test
    void argumentsAreChecked() {
        assertUserError("samples = 0 is not allowed: must be >= 1", () -> new StoppingRule(0, 0, 0.95, 1));
        assertUserError("target = -0.1 is not allowed: must be a finite number >= 0 (0: no precision target)",
                () -> new StoppingRule(10, -0.1, 0.95, 1));
        assertUserError("target = NaN is not allowed: must be a finite number >= 0 (0: no precision target)",
                () -> new StoppingRule(10, Double.NaN, 0.95, 1));
        assertUserError("level = 1.0 is not allowed: must be strictly between 0 and 1",
                () -> new StoppingRule(10, 0.01, 1, 1));
        assertUserError("minSamples = 11 is not allowed: must be in [1, samples = 10]",
                () -> new StoppingRule(10, 0.01, 0.95, 11));
        assertUserError("minSamples = 0 is not allowed: must be in [1, samples = 10]",
                () -> new StoppingRule(10, 0.01, 0.95, 0));
        assertMessage("a stopping rule needs at least one quantity of interest",
                () -> StoppingRule.samples(10).shouldStop(List.of()));
    }

    private static void assertUserError(String message, Runnable action) {
        assertEquals(message, assertThrows(UserInputException.class, action::run).getMessage());
    }

    private static void assertMessage(String message, Runnable action) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, action::run).getMessage());
    }
}
