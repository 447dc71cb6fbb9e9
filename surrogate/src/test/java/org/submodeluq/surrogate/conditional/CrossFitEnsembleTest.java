package org.submodeluq.surrogate.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reweighting that gives cheap samples the pairs' proportions of the folds. */
class CrossFitEnsembleTest {

    /** n_k of three folds of unequal size: 3, 1 and 2 of 6 pairs. */
    private static final int[] FOLD_SIZES = {3, 1, 2};

    @Test
    void reweightedValuesAverageToThePairsMixOfTheFoldMeans() {
        // samples 10..16 fall in folds 1, 2, 0, 1, 2, 0, 1: M_0, M_1, M_2 = 2, 3, 2 of 7
        long[] samples = {10, 11, 12, 13, 14, 15, 16};
        double[] values = {1, 2, 3, 4, 5, 6, 7};
        double[] weighted = CrossFitEnsemble.reweighted(values, samples, FOLD_SIZES);
        double[] foldMeans = {(3 + 6) / 2.0, (1 + 4 + 7) / 3.0, (2 + 5) / 2.0};
        double expected = 3 / 6.0 * foldMeans[0] + 1 / 6.0 * foldMeans[1] + 2 / 6.0 * foldMeans[2];
        assertEquals(49 / 12.0, expected, 1e-15);
        assertEquals(expected, Arrays.stream(weighted).average().orElseThrow(), 1e-12 * expected);
        assertEquals(1 * (1 / 6.0) / (3 / 7.0), weighted[0], 1e-15, "fold 1: n_1 / n = 1/6, M_1 / M = 3/7");
        assertEquals(3 * (3 / 6.0) / (2 / 7.0), weighted[2], 1e-15, "fold 0: n_0 / n = 3/6, M_0 / M = 2/7");
    }

    @Test
    void aSampleIndexNotItsPositionFixesItsFold() {
        long[] samples = {10, 11, 12, 13, 14, 15, 16};
        double[] values = {1, 2, 3, 4, 5, 6, 7};
        long[] reversedSamples = {16, 15, 14, 13, 12, 11, 10};
        double[] reversedValues = {7, 6, 5, 4, 3, 2, 1};
        double[] weighted = CrossFitEnsemble.reweighted(values, samples, FOLD_SIZES);
        double[] reversed = CrossFitEnsemble.reweighted(reversedValues, reversedSamples, FOLD_SIZES);
        for (int j = 0; j < weighted.length; j++) {
            assertEquals(weighted[j], reversed[weighted.length - 1 - j], 0, "sample " + samples[j]);
        }
    }

    @Test
    void evenlySpreadSamplesOfEqualFoldsKeepTheirValues() {
        double[] values = {0.5, -2, 3.25, 8, 1e-3, 7};
        long[] samples = {0, 1, 2, 3, 4, 5};
        assertArrayEquals(values, CrossFitEnsemble.reweighted(values, samples, new int[] {4, 4, 4}), 1e-15);
    }

    @Test
    void aFoldWithPairsButNoCheapSampleIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossFitEnsemble.reweighted(new double[] {1, 2}, new long[] {0, 3}, FOLD_SIZES));
        assertEquals("fold 1 has 1 of the pairs but none of the cheap samples", e.getMessage());
    }
}
