package org.submodeluq.surrogate.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The emulator on a known answer: quantities a h_1, a h_2, a^2 h_3 of smooth positive h of the other
 * ten inputs, drawn as the default case draws them.
 */
class QuantityEmulatorTest {

    private static final int RUNS = 100;
    private static final int FOLDS = 5;
    private static final double[][] INPUTS = inputs(RUNS, 1);
    private static final double[][] QUANTITIES = Arrays.stream(INPUTS).map(QuantityEmulatorTest::truth)
            .toArray(double[][]::new);
    private static final CrossFittedEmulator CROSS_FITTED = CrossFittedEmulator.fit(INPUTS, QUANTITIES, FOLDS, 3);

    @Test
    void doublingTheAmplitudeMultipliesEachQuantityByTwoToItsPower() {
        QuantityEmulator emulator = QuantityEmulator.fit(INPUTS, QUANTITIES);
        double[][] fresh = inputs(20, 2);
        double[][] doubled = Arrays.stream(fresh).map(row -> {
            double[] copy = row.clone();
            copy[0] *= 2;
            return copy;
        }).toArray(double[][]::new);
        double[][] once = emulator.predict(fresh);
        double[][] twice = emulator.predict(doubled);
        for (int i = 0; i < fresh.length; i++) {
            for (int q = 0; q < 3; q++) {
                double expected = (1 << QuantityEmulator.AMPLITUDE_POWERS[q]) * once[i][q];
                assertEquals(expected, twice[i][q], 1e-12 * expected, "input " + i + ", quantity " + q);
            }
        }
    }

    /** Measured: 0.99999999, 0.999998 and 0.99989. */
    @Test
    void crossFittedPredictionsFollowTheTruthAtRunsTheyDidNotSee() {
        double[][] predicted = CROSS_FITTED.predictions();
        double[] correlations = new double[3];
        for (int q = 0; q < 3; q++) {
            correlations[q] = correlation(column(QUANTITIES, q), column(predicted, q));
        }
        assertTrue(Arrays.stream(correlations).allMatch(r -> r > 0.999), Arrays.toString(correlations));
    }

    @Test
    void eachRunIsPredictedByTheFoldThatHeldItOutFittedOnTheOthersOnly() {
        double[][] predicted = CROSS_FITTED.predictions();
        for (int k = 0; k < FOLDS; k++) {
            int[] fitting = CROSS_FITTED.folds().fitting(k);
            int[] heldOut = CROSS_FITTED.folds().heldOut(k);
            QuantityEmulator refitted = QuantityEmulator.fit(rows(INPUTS, fitting), rows(QUANTITIES, fitting));
            double[][] reference = refitted.predict(rows(INPUTS, heldOut));
            for (int i = 0; i < heldOut.length; i++) {
                int run = heldOut[i];
                assertEquals(k, CROSS_FITTED.foldOfRun(run));
                assertTrue(Arrays.binarySearch(fitting, run) < 0, "fold " + k + " fitted on run " + run);
                assertArrayEquals(reference[i], predicted[run], 1e-12 * reference[i][2], "run " + run);
                assertArrayEquals(CROSS_FITTED.foldEmulator(k).predict(new double[][] {INPUTS[run]})[0],
                        predicted[run], 0, "run " + run);
            }
        }
        assertArrayEquals(new int[] {20, 20, 20, 20, 20}, CROSS_FITTED.foldSizes());
    }

    @Test
    void freshSampleIndicesPickTheirFoldModuloK() {
        double[][] fresh = inputs(12, 4);
        long first = 7;
        double[][] predicted = CROSS_FITTED.predictFresh(fresh, first);
        for (int j = 0; j < fresh.length; j++) {
            int fold = (int) ((first + j) % FOLDS);
            assertEquals(fold, CROSS_FITTED.foldOfSample(first + j));
            assertArrayEquals(CROSS_FITTED.foldEmulator(fold).predict(new double[][] {fresh[j]})[0], predicted[j], 0,
                    "sample " + (first + j));
            double[] otherFold = CROSS_FITTED.foldEmulator((fold + 1) % FOLDS).predict(new double[][] {fresh[j]})[0];
            assertNotEquals(otherFold[1], predicted[j][1], "folds differ, so the fold is checked");
        }
    }

    @Test
    void aQuantityWithoutALogarithmIsRefused() {
        double[][] quantities = Arrays.stream(QUANTITIES).map(double[]::clone).toArray(double[][]::new);
        quantities[4][1] = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuantityEmulator.fit(INPUTS, quantities));
        assertEquals("run 4: peak_von_mises 0.0 at amplitude " + INPUTS[4][0]
                + " has no logarithm per unit amplitude: both must be positive", e.getMessage());
    }

    /** Amplitude U(0.5, 1.5), duration U(0.25, 0.75), centre U(0.2, 0.8), xi_1..8 N(0, 1). */
    static double[][] inputs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][11];
        for (double[] row : rows) {
            row[0] = 0.5 + random.nextDouble();
            row[1] = 0.25 + 0.5 * random.nextDouble();
            row[2] = 0.2 + 0.6 * random.nextDouble();
            for (int k = 3; k < 11; k++) {
                double u = random.nextDouble();
                double v = random.nextDouble();
                row[k] = Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
            }
        }
        return rows;
    }

    /** (a h_1, a h_2, a^2 h_3): smooth in the centre and duration, weaker in the field, as the case's quantities. */
    private static double[] truth(double[] x) {
        double a = x[0];
        double duration = x[1];
        double centre = x[2];
        double h1 = Math.exp(0.4 * Math.sin(2 * Math.PI * centre) - 0.5 * duration + 0.1 * x[3] - 0.05 * x[4]);
        double h2 = Math.exp(0.3 * Math.cos(3 * centre) + 0.3 * duration * duration + 0.08 * x[3] * x[5] + 0.05 * x[6]);
        double h3 = h1 * (1 + 0.2 * centre * centre + 0.05 * Math.tanh(x[7]));
        return new double[] {a * h1, a * h2, a * a * h3};
    }

    static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double[] column(double[][] rows, int q) {
        return Arrays.stream(rows).mapToDouble(row -> row[q]).toArray();
    }

    private static double[][] rows(double[][] all, int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> all[i]).toArray(double[][]::new);
    }
}
