package org.submodeluq.montecarlo.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PerInputFidelityTest {

    @Test
    void aTenPercentOverestimateIsPerfectlyCorrelatedWithATenPercentBiasAndError() {
        double[][] full = {{1, 2, 3}, {2, 1, 5}, {3, 4, 4}, {4, 3, 2}};
        double[][] generated = new double[full.length][3];
        for (int i = 0; i < full.length; i++) {
            for (int q = 0; q < 3; q++) {
                generated[i][q] = 1.1 * full[i][q];
            }
        }
        PerInputFidelity fidelity = PerInputFidelity.compare("scaled", generated, full);
        assertArrayEquals(new double[] {1, 1, 1}, fidelity.correlation(), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, fidelity.meanBias(), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, fidelity.relativeRmsError(), 1e-12);
    }

    @Test
    void pairsInReverseOrderCorrelateNegativelyWithNoBias() {
        double[][] full = {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}};
        double[][] generated = {{3, 3, 3}, {2, 2, 2}, {1, 1, 1}};
        PerInputFidelity fidelity = PerInputFidelity.compare("reversed", generated, full);
        assertArrayEquals(new double[] {-1, -1, -1}, fidelity.correlation(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, fidelity.meanBias(), 1e-12);
        // sqrt((4 + 0 + 4) / 3) / sqrt((1 + 4 + 9) / 3)
        assertArrayEquals(new double[] {Math.sqrt(8.0 / 14), Math.sqrt(8.0 / 14), Math.sqrt(8.0 / 14)},
                fidelity.relativeRmsError(), 1e-12);
    }
}
