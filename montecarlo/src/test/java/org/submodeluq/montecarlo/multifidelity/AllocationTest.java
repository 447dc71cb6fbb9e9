package org.submodeluq.montecarlo.multifidelity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** MFMC's allocation against the closed forms of Peherstorfer et al. 2016 and MXMCPy's own test case. */
class AllocationTest {

    @Test
    void oneSurrogateRatioAndSpeedUpFollowTheClosedForm() {
        // rho = 0.9, w0 = 1, w1 = 0.01: r = sqrt(0.81 / (0.01 * 0.19)) = 20.647...,
        // variance ratio (sqrt(0.19) + sqrt(0.01 * 0.81))^2 = (sqrt(0.19) + 0.09)^2 = 0.2761...
        Allocation a = Allocation.of(1, new double[] {0.01}, new double[] {0.9});
        double r = Math.sqrt(0.81 / (0.01 * 0.19));
        assertArrayEquals(new double[] {r}, a.ratios(), 1e-12);
        assertEquals(1 + 0.01 * r, a.costPerFullRun(), 1e-12);
        double ratio = Math.pow(Math.sqrt(0.19) + 0.09, 2);
        assertEquals(ratio, a.varianceRatio(), 1e-12);
        assertEquals(1 / ratio, a.speedUp(), 1e-12);
        // Theorem 3.4 at the continuous optimum: (1 - rho^2)/n + rho^2/(r n) = ratio w0 / (n (w0 + w1 r)).
        assertEquals(ratio / (1 + 0.01 * r), 0.19 + 0.81 / r, 1e-12);
    }

    @Test
    void budgetSplitMatchesMxmcpyTestCase() {
        // MXMCPy tests/unit/test_mfmc.py: costs 4800 and 4, correlation 0.5, budget 14640 -> 3 full runs,
        // 60 surrogate runs (57 of them fresh), variance 61/240 of sigma^2 (r = 20, 4880 per full run).
        Allocation a = Allocation.of(4800, new double[] {4}, new double[] {0.5});
        assertArrayEquals(new double[] {20}, a.ratios(), 1e-12);
        for (int multiplier : new int[] {1, 4}) {
            Allocation.Plan plan = a.forBudget(14640 * multiplier);
            assertEquals(3 * multiplier, plan.fullRuns());
            assertArrayEquals(new long[] {60 * multiplier}, plan.surrogateRuns());
            assertArrayEquals(new long[] {57 * multiplier}, plan.freshSurrogateRuns());
            assertEquals(14640 * multiplier, plan.cost(), 1e-9);
            assertEquals(61.0 / 240 / multiplier, plan.relativeVariance(), 1e-12);
        }
    }

    @Test
    void twoSurrogatesFollowTheClosedForm() {
        // rho = 0.9, 0.6; w = 1, 0.01, 0.001.
        Allocation a = Allocation.of(1, new double[] {0.01, 0.001}, new double[] {0.9, 0.6});
        double r1 = Math.sqrt((0.81 - 0.36) / (0.01 * 0.19));
        double r2 = Math.sqrt(0.36 / (0.001 * 0.19));
        assertArrayEquals(new double[] {r1, r2}, a.ratios(), 1e-12);
        double ratio = Math.pow(Math.sqrt(0.19) + Math.sqrt(0.01 * 0.45) + Math.sqrt(0.001 * 0.36), 2);
        assertEquals(ratio, a.varianceRatio(), 1e-12);
    }

    @Test
    void targetStandardErrorRoundsUpAndHalfWidthIsTheSame() {
        // sigma = 1, SE 0.1: n = 100 (0.75 + 0.25/20) = 76.25 -> 77 full runs, ceil(76.25 * 20) = 1525.
        Allocation a = Allocation.of(4800, new double[] {4}, new double[] {0.5});
        Allocation.Plan plan = a.forStandardError(1, 0.1, Double.POSITIVE_INFINITY);
        assertEquals(77, plan.fullRuns());
        assertArrayEquals(new long[] {1525}, plan.surrogateRuns());
        assertEquals(77 * 4800 + 1525 * 4, plan.cost(), 1e-9);
        assertEquals(0.75 / 77 + 0.25 / 1525, plan.relativeVariance(), 1e-15);
        assertTrue(plan.relativeVariance() <= 0.01);
        Allocation.Plan byHalfWidth = a.forHalfWidth(1, 1.959963984540054 * 0.1, 0.95, Double.POSITIVE_INFINITY);
        assertEquals(77, byHalfWidth.fullRuns());
        assertArrayEquals(new long[] {1525}, byHalfWidth.surrogateRuns());
    }

    @Test
    void unreachableTargetSaysWhatBudgetWouldReachIt() {
        Allocation a = Allocation.of(4800, new double[] {4}, new double[] {0.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.forStandardError(1, 0.1, 100000));
        // 100000 buys floor(100000/4880) = 20 full runs and floor(20.49 * 20) = 409 surrogate runs.
        assertEquals("standard error 0.1 needs a budget of 375700.0 (77 full runs, surrogate runs [1525]),"
                + " more than the 100000.0 available; budget 100000.0 reaches "
                + Math.sqrt(0.75 / 20 + 0.25 / 409), e.getMessage());
    }

    @Test
    void brokenModelSelectionConditionNamesTheSurrogateToDrop() {
        // w1/w2 = 1.11 is not > (0.81 - 0.25)/0.25 = 2.24: surrogate 2 is too dear for what it adds.
        IllegalArgumentException second = assertThrows(IllegalArgumentException.class,
                () -> Allocation.of(1, new double[] {0.01, 0.009}, new double[] {0.9, 0.5}));
        assertTrue(second.getMessage().startsWith("surrogate 2 breaks MFMC's model-selection condition"),
                second.getMessage());
        assertTrue(second.getMessage().contains("drop surrogate(s) [2]: surrogates [1] meet every condition"),
                second.getMessage());
        // w0/w1 = 2 is not > (1 - 0.09)/0.09 = 10.1: no surrogate pays.
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> Allocation.of(1, new double[] {0.5}, new double[] {0.3}));
        assertTrue(first.getMessage().endsWith("no subset of surrogates beats plain Monte Carlo: drop them all"),
                first.getMessage());
    }

    @Test
    void bestSortsTheSurrogatesAndDropsTheOneThatDoesNotPay() {
        // given in the wrong order: 0.5 first, 0.9 second; 0.5 at w = 0.009 breaks the condition behind 0.9
        Allocation.Selection only = Allocation.best(1, new double[] {0.009, 0.01}, new double[] {0.5, 0.9})
                .orElseThrow();
        assertArrayEquals(new int[] {1}, only.surrogates());
        assertEquals(Math.pow(Math.sqrt(0.19) + Math.sqrt(0.01 * 0.81), 2), only.allocation().varianceRatio(), 1e-12);
        // both pay when the weaker one is cheap enough: the order becomes 0.9, 0.6
        Allocation.Selection both = Allocation.best(1, new double[] {0.001, 0.01}, new double[] {0.6, 0.9})
                .orElseThrow();
        assertArrayEquals(new int[] {1, 0}, both.surrogates());
        assertEquals(Math.pow(Math.sqrt(0.19) + Math.sqrt(0.01 * 0.45) + Math.sqrt(0.001 * 0.36), 2),
                both.allocation().varianceRatio(), 1e-12);
        assertTrue(Allocation.best(1, new double[] {0.5}, new double[] {0.3}).isEmpty());
    }
}
