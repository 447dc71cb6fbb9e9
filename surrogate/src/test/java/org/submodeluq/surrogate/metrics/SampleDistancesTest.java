package org.submodeluq.surrogate.metrics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleDistancesTest {

    @Test
    void energyDistanceIsZeroForIdenticalSamplesAndGrowsWithAShift() {
        double[][] x = {{0, 0}, {1, 0}, {0, 2}};
        double[][] shifted = {{3, 0}, {4, 0}, {3, 2}};
        // by hand for one point each: 2 |a - b| - 0 - 0
        assertAll(
                () -> assertEquals(0, SampleDistances.energy(x, x), 1e-15),
                () -> assertEquals(2 * 5.0, SampleDistances.energy(new double[][] {{0, 0}}, new double[][] {{3, 4}}),
                        1e-15),
                () -> assertTrue(SampleDistances.energy(x, shifted) > 1));
    }

    @Test
    void wassersteinOneOnTheLineIsTheAreaBetweenQuantileFunctions() {
        // equal sizes: the mean absolute difference of sorted values
        assertEquals((1 + 1 + 2) / 3.0, SampleDistances.wasserstein1(new double[] {3, 1, 2},
                new double[] {5, 2, 3}), 1e-15);
        // {0} against {0, 1}: half the mass moves by 1
        assertEquals(0.5, SampleDistances.wasserstein1(new double[] {0}, new double[] {0, 1}), 1e-15);
    }

    @Test
    void covarianceErrorFromGramMatricesEqualsTheExplicitOne() {
        Random random = new Random(2);
        double[][] a = new double[20][6];
        double[][] b = new double[15][6];
        for (double[] row : a) {
            for (int k = 0; k < 6; k++) {
                row[k] = random.nextGaussian() * (k + 1);
            }
        }
        for (double[] row : b) {
            for (int k = 0; k < 6; k++) {
                row[k] = random.nextGaussian() * 2;
            }
        }
        double[][] ca = covariance(a);
        double[][] cb = covariance(b);
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                difference += (ca[i][j] - cb[i][j]) * (ca[i][j] - cb[i][j]);
                norm += cb[i][j] * cb[i][j];
            }
        }
        assertEquals(Math.sqrt(difference / norm), GeneratorMetrics.covarianceError(a, SampleDistances.mean(a), b,
                SampleDistances.mean(b)), 1e-12);
    }

    private static double[][] covariance(double[][] rows) {
        double[] mean = SampleDistances.mean(rows);
        double[][] c = new double[mean.length][mean.length];
        for (double[] row : rows) {
            for (int i = 0; i < mean.length; i++) {
                for (int j = 0; j < mean.length; j++) {
                    c[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (rows.length - 1);
                }
            }
        }
        return c;
    }
}
