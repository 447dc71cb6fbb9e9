package org.submodeluq.surrogate.reduction;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.submodeluq.surrogate.data.SampleMatrix;

class PcaReductionTest {

    /** 300 samples of 40 features that live in a 3-dimensional affine subspace, plus 30 near-constant features. */
    private static SampleMatrix lowRank() {
        Random random = new Random(8);
        double[][] basis = new double[3][40];
        for (double[] row : basis) {
            for (int j = 0; j < 40; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] rows = new double[300][70];
        for (double[] row : rows) {
            double[] c = {3 * random.nextGaussian(), random.nextGaussian(), 0.5 * random.nextGaussian()};
            for (int j = 0; j < 40; j++) {
                row[j] = 7 + c[0] * basis[0][j] + c[1] * basis[1][j] + c[2] * basis[2][j];
            }
            for (int j = 40; j < 70; j++) {
                row[j] = 1e-40 * random.nextGaussian();
            }
        }
        return new SampleMatrix(rows, new int[] {70});
    }

    @Test
    void findsTheRankAndReconstructsSamplesOfTheSpan() {
        SampleMatrix data = lowRank();
        PcaReduction reduction = PcaReduction.fit(data, 0.999, 0);
        double[][] z = reduction.encode(data.rows());
        double[][] back = reduction.decode(z);
        double worst = 0;
        for (int i = 0; i < back.length; i++) {
            for (int j = 0; j < 40; j++) {
                worst = Math.max(worst, Math.abs(back[i][j] - data.rows()[i][j]));
            }
        }
        double[] variance = new double[3];
        for (double[] row : z) {
            for (int k = 0; k < 3; k++) {
                variance[k] += row[k] * row[k] / (z.length - 1);
            }
        }
        double reconstruction = worst;
        assertAll(
                () -> assertEquals(3, reduction.components()),
                () -> assertTrue(reconstruction < 1e-10, "reconstruction error " + reconstruction),
                () -> assertArrayEquals(new double[] {1, 1, 1}, variance, 1e-10, "whitened coefficients"),
                () -> assertTrue(reduction.retainedEnergy() > 1 - 1e-12));
    }

    @Test
    void floorsTheScaleOfNearlyConstantFeatures() {
        PcaReduction reduction = PcaReduction.fit(lowRank(), 0.999, 0);
        double largest = 0;
        for (int j = 0; j < 40; j++) {
            largest = Math.max(largest, reduction.scale()[j]);
        }
        assertEquals(PcaReduction.SCALE_FLOOR * largest, reduction.scale()[55], 1e-12 * largest,
                "a feature varying by 1e-40 gets the floor, not its own scale");
    }

    @Test
    void samplesDecodedInFoursHaveTheBitsOfSamplesDecodedAlone() {
        PcaReduction reduction = PcaReduction.fit(lowRank(), 0.999, 0);
        Random random = new Random(3);
        double[][] z = new double[7][reduction.components()];
        for (double[] row : z) {
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextGaussian();
            }
        }
        double[][] together = reduction.decode(z);
        for (int i = 0; i < z.length; i++) {
            double[] alone = reduction.decode(new double[][] {z[i]})[0];
            for (int j = 0; j < alone.length; j++) {
                assertEquals(Double.doubleToRawLongBits(alone[j]), Double.doubleToRawLongBits(together[i][j]),
                        "sample " + i + ", feature " + j);
            }
        }
    }
}
