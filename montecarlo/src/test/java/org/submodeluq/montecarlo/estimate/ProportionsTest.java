package org.submodeluq.montecarlo.estimate;

import org.submodeluq.core.UserInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Reference values from SciPy 1.10.1, {@code scipy.stats.binomtest(k, n).proportion_ci(0.95, method)}
 * with method 'wilson' and 'exact' (Clopper-Pearson, the same as R's binom.test), computed offline.
 */
class ProportionsTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void wilsonMatchesPublishedValues() {
        assertInterval(0, 0.27753279986288926, Proportions.wilson(0, 10, 0.95));
        assertInterval(0.236593090512564, 0.7634069094874361, Proportions.wilson(5, 10, 0.95));
        assertInterval(0.2552885198782742, 0.36620957698280004, Proportions.wilson(81, 263, 0.95));
        assertInterval(0.7224672001371109, 1, Proportions.wilson(10, 10, 0.95));
    }

    @Test
    void clopperPearsonMatchesPublishedValues() {
        assertInterval(0.1870860284474045, 0.8129139715525955, Proportions.clopperPearson(5, 10, 0.95));
        assertInterval(0.25273674558504283, 0.3676219226013475, Proportions.clopperPearson(81, 263, 0.95));
    }

    @Test
    void clopperPearsonIsExactAtZeroAndAllSuccesses() {
        // At 0 successes the upper end solves (1 - p)^10 = 0.025: p = 1 - 0.025^(1/10).
        Interval none = Proportions.clopperPearson(0, 10, 0.95);
        assertEquals(0, none.lower());
        assertEquals(1 - Math.pow(0.025, 0.1), none.upper(), TOLERANCE);
        Interval all = Proportions.clopperPearson(10, 10, 0.95);
        assertEquals(Math.pow(0.025, 0.1), all.lower(), TOLERANCE);
        assertEquals(1, all.upper());
    }

    @Test
    void ofDispatchesOnTheMethod() {
        assertEquals(Proportions.wilson(3, 20, 0.9), Proportions.of(ProportionIntervalMethod.WILSON, 3, 20, 0.9));
        assertEquals(Proportions.clopperPearson(3, 20, 0.9),
                Proportions.of(ProportionIntervalMethod.CLOPPER_PEARSON, 3, 20, 0.9));
    }

    @Test
    void countsAndLevelsAreChecked() {
        assertEquals("successes must be in [0, 10], got 11",
                assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(11, 10, 0.95)).getMessage());
        assertEquals("a proportion needs at least one trial, got 0", assertThrows(IllegalArgumentException.class,
                () -> Proportions.clopperPearson(0, 0, 0.95)).getMessage());
        assertEquals("level = 95.0 is not allowed: must be strictly between 0 and 1",
                assertThrows(UserInputException.class, () -> Proportions.wilson(1, 10, 95)).getMessage());
    }

    private static void assertInterval(double lower, double upper, Interval actual) {
        assertEquals(lower, actual.lower(), TOLERANCE, "lower end");
        assertEquals(upper, actual.upper(), TOLERANCE, "upper end");
    }
}
