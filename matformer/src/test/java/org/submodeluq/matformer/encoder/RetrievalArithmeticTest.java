package org.submodeluq.matformer.encoder;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** InfoNCE, recall, search, re-ranking and the memorisation check against hand and plain-Java references. */
class RetrievalArithmeticTest {

    @Test
    void infoNceOfMatchedOrthogonalViewsIsLogOfOnePlusExpMinusTen() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // s = [[10, 0], [0, 10]] at tau = 0.1: each row and column loses log(1 + e^-10)
            float[] identity = {1, 0, 0, 1};
            double loss = InfoNce.loss(manager.create(identity, new Shape(2, 2)),
                    manager.create(identity, new Shape(2, 2)), 0.1).getFloat();
            assertEquals(Math.log1p(Math.exp(-10)), loss, 1e-6, "float32: an ulp of 10 is 9.5e-7");
        }
    }

    @Test
    void infoNceMatchesAPlainJavaLoop() {
        double[][] u = {{0.6, 0.8}, {1, 0}, {0, -1}};
        double[][] v = {{0.8, 0.6}, {-0.6, 0.8}, {0.28, -0.96}};
        double tau = 0.5;
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double rows = 0;
            double columns = 0;
            for (int j = 0; j < 3; j++) {
                rows += Math.exp(dot(u[i], v[j]) / tau);
                columns += Math.exp(dot(u[j], v[i]) / tau);
            }
            expected += -(dot(u[i], v[i]) / tau - Math.log(rows)) - (dot(u[i], v[i]) / tau - Math.log(columns));
        }
        expected /= 2 * 3;
        try (NDManager manager = NDManager.newBaseManager()) {
            double loss = InfoNce.loss(manager.create(flat(u), new Shape(3, 2)),
                    manager.create(flat(v), new Shape(3, 2)), tau).getFloat();
            assertEquals(expected, loss, 1e-6);
        }
    }

    @Test
    void recallCountsTheSharedRunsOfEachList() {
        int[][] reference = {{1, 2, 3, 4}, {5, 6, 7, 8}};
        int[][] found = {{4, 3, 9, 10}, {8, 7, 6, 5}};
        assertEquals((2 / 4.0 + 4 / 4.0) / 2, Neighbours.recall(found, reference), 0);
    }

    @Test
    void searchRanksByCosineBreaksTiesByIndexAndReRanksOnlyCandidates() {
        float[][] index = {{1, 0}, {0.8f, 0.6f}, {0, 1}, {0.8f, 0.6f}, {-1, 0}};
        float[][] fine = {{0, 1}, {1, 0}, {0.6f, 0.8f}, {0.6f, -0.8f}, {0.96f, 0.28f}};
        float[] query = {1, 0};
        assertAll(() -> assertArrayEquals(new int[] {0, 1, 3}, Neighbours.nearest(index, query, 3, null)),
                () -> assertArrayEquals(new int[] {2, 0}, Neighbours.nearest(index, new float[] {0, 1}, 2,
                        new int[] {0, 2, 4})),
                // coarse: 0, 1, 3 (of 3 candidates); fine re-ranks them by similarity to (1, 0): 1, 3, 0
                () -> assertArrayEquals(new int[] {1, 3}, new AdaptiveRetrieval(3).nearest(index, query, fine,
                        new float[] {1, 0}, 2)),
                // squared distances to (1, 1): 1, 0.2, 1, 0.2, 5; ties to the lower index
                () -> assertArrayEquals(new int[] {1, 3, 0}, Neighbours.nearestInEuclid(index, new float[] {1, 1}, 3)),
                () -> assertEquals(Math.sqrt(2), Neighbours.distance(new float[] {1, 0}, new float[] {0, 1}), 1e-12));
    }

    @Test
    void quantilesAreRsTypeSeven() {
        // R 4.3: quantile(1:10, c(0, 0.05, 0.5, 0.95)) = 1, 1.45, 5.5, 9.55
        double[] quantiles = Memorisation.quantiles(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
        assertArrayEquals(new double[] {1, 1.45, 5.5, 9.55}, quantiles, 1e-12);
    }

    @Test
    void aGeneratorThatCopiesItsTrainingRunsIsFlagged() {
        float[][] training = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
        float[][] heldOut = {{0.8f, 0.6f}, {-0.6f, 0.8f}};
        float[][] copies = {{0, 1}, {-1, 0}, {1, 0}};
        Memorisation check = Memorisation.of(training, heldOut, copies);
        assertAll(() -> assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2), Math.sqrt(2), Math.sqrt(2)},
                        check.trainingRuns(), 1e-12),
                () -> assertArrayEquals(new double[] {Math.sqrt(2 - 2 * 0.8), Math.sqrt(2 - 2 * 0.8)},
                        check.heldOut(), 1e-6),
                () -> assertArrayEquals(new double[] {0, 0, 0}, check.generated(), 1e-6),
                () -> assertEquals(1.0, check.shareCloserThanHeldOut()));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1];
    }

    private static float[] flat(double[][] rows) {
        float[] flat = new float[rows.length * 2];
        for (int i = 0; i < rows.length; i++) {
            flat[2 * i] = (float) rows[i][0];
            flat[2 * i + 1] = (float) rows[i][1];
        }
        return flat;
    }
}
