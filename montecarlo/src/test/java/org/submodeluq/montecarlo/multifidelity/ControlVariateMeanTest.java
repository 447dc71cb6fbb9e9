package org.submodeluq.montecarlo.multifidelity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.submodeluq.core.UserInputException;

/**
 * The control-variate mean on a tiny data set against a hand computation. Full runs y = 1..10, paired
 * surrogate f = y ± 1/2 (+ on even positions 0, 2, ...: 3/2, 3/2, 7/2, 7/2, ...), cheap g = 2, 4, 6, 8, 10.
 * By hand (divisor n - 1): mean y = mean f = 11/2, mean g = 6, Var y = 55/6, Cov(y, f) = Var f = 80/9,
 * Var g = 10.
 */
class ControlVariateMeanTest {

    private static final double[] Y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] F = {1.5, 1.5, 3.5, 3.5, 5.5, 5.5, 7.5, 7.5, 9.5, 9.5};
    private static final double[] G = {2, 4, 6, 8, 10};

    @Test
    void oneSurrogateMatchesTheHandComputation() {
        ControlVariateEstimate e = ControlVariateMean.of(PairedSample.of(Y, F, G), 0.95);
        double n = 10;
        double m = 5;
        double varY = 55.0 / 6;
        double covYF = 80.0 / 9;
        double varF = 80.0 / 9;
        double varG = 10;
        // alpha = (Cov/n) / (Var f/n + Var g/M) = (8/9) / (8/9 + 2) = 4/13
        double alpha = (covYF / n) / (varF / n + varG / m);
        assertEquals(4.0 / 13, alpha, 1e-15);
        assertEquals(alpha, e.weight(), 1e-12);
        // mu = 11/2 + 4/13 (6 - 11/2) = 147/26
        assertEquals(147.0 / 26, e.estimate(), 1e-12);
        // Var = Var y/n - alpha Cov/n = 11/12 - (4/13)(8/9) = 301/468
        double variance = 301.0 / 468;
        assertEquals(variance, varY / n - alpha * covYF / n, 1e-15);
        assertEquals(Math.sqrt(variance), e.standardError(), 1e-12);
        assertEquals(covYF / Math.sqrt(varY * varF), e.correlation(), 1e-12);
        assertEquals(varY / n / variance, e.varianceReduction(), 1e-12);
        double z = 1.959963984540054;
        assertEquals(147.0 / 26 - z * Math.sqrt(variance), e.interval().lower(), 1e-12);
        assertEquals(147.0 / 26 + z * Math.sqrt(variance), e.interval().upper(), 1e-12);
    }

    @Test
    void equalCheapAndPairedVarianceGivesTheTextbookWeight() {
        // alpha = Cov(y,f) / (Var f (1 + n/M)) when the cheap values have the paired values' variance:
        // g = f's ten values once more, M = n, so alpha = Cov/(2 Var f) = 1/2 here.
        ControlVariateEstimate e = ControlVariateMean.of(PairedSample.of(Y, F, F.clone()), 0.95);
        assertEquals(80.0 / 9 / (80.0 / 9 * (1 + 10.0 / 10)), e.weight(), 1e-12);
        assertEquals(11.0 / 2, e.estimate(), 1e-12);
    }

    @Test
    void twoSurrogatesSolveTheTwoByTwoSystem() {
        double[] f2 = {2, 1, 4, 3, 6, 5, 8, 7, 10, 9};
        double[] g2 = {1, 3, 5, 7, 9, 11, 13};
        ControlVariateEstimate e = ControlVariateMean.of(
                PairedSample.of(Y, new double[][] {F, f2}, new double[][] {G, g2}), 0.95);
        // By hand: Cov(y, f2) = 155/18, Var f2 = 55/6, Cov(f, f2) = 80/9, Var g2 = 56/3, mean g2 = 7,
        // mean f2 = 11/2. System (S/n + D) a = c/n, solved by Cramer's rule.
        double n = 10;
        double a11 = 80.0 / 9 / n + 10.0 / 5;
        double a12 = 80.0 / 9 / n;
        double a22 = 55.0 / 6 / n + 56.0 / 3 / 7;
        double b1 = 80.0 / 9 / n;
        double b2 = 155.0 / 18 / n;
        double det = a11 * a22 - a12 * a12;
        double w1 = (b1 * a22 - a12 * b2) / det;
        double w2 = (a11 * b2 - a12 * b1) / det;
        assertArrayEquals(new double[] {w1, w2}, e.weights(), 1e-12);
        assertEquals(5.5 + w1 * (6 - 5.5) + w2 * (7 - 5.5), e.estimate(), 1e-12);
        double variance = 55.0 / 6 / n - w1 * b1 - w2 * b2;
        assertEquals(Math.sqrt(variance), e.standardError(), 1e-12);
    }

    @Test
    void comparisonRowsArePlainMeansOfTheirOwnSamples() {
        PairedSample sample = PairedSample.of(Y, F, G);
        PlainEstimate full = ControlVariateMean.fullRunsOnly(sample, 0.95);
        PlainEstimate cheap = ControlVariateMean.surrogateOnly(sample, 0, 0.95);
        assertEquals(5.5, full.estimate(), 1e-12);
        assertEquals(Math.sqrt(55.0 / 6 / 10), full.standardError(), 1e-12);
        assertEquals(6, cheap.estimate(), 1e-12);
        assertEquals(Math.sqrt(10.0 / 5), cheap.standardError(), 1e-12);
    }

    @Test
    void aConstantSurrogateGetsNoWeight() {
        double[] constant = new double[10];
        ControlVariateEstimate e = ControlVariateMean.of(PairedSample.of(Y, constant, new double[] {0, 0}), 0.95);
        assertEquals(0, e.weight());
        assertEquals(5.5, e.estimate(), 1e-12);
        assertEquals(1, e.varianceReduction(), 1e-12);
    }

    @Test
    void fewerThanTenPairsAreRefused() {
        double[] nine = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        UserInputException e = assertThrows(UserInputException.class,
                () -> PairedSample.of(nine, nine, G));
        assertEquals("at least 10 paired runs are needed, got 9", e.getMessage());
    }

    @Test
    void mismatchedAndNonFiniteInputsAreRefused() {
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> PairedSample.of(Y, G, G));
        assertEquals("surrogate 1 has 5 paired values for 10 full runs", lengths.getMessage());
        double[] withNaN = F.clone();
        withNaN[3] = Double.NaN;
        UserInputException nan = assertThrows(UserInputException.class,
                () -> PairedSample.of(Y, withNaN, G));
        assertEquals("surrogate 1 paired value 3 is NaN, not a finite number", nan.getMessage());
        UserInputException infinite = assertThrows(UserInputException.class,
                () -> PairedSample.of(Y, F, new double[] {1, Double.POSITIVE_INFINITY}));
        assertTrue(infinite.getMessage().startsWith("surrogate 1 cheap value 1 is Infinity"));
        assertThrows(UserInputException.class, () -> ControlVariateMean.of(PairedSample.of(Y, F, G), 1.0));
    }
}
