package org.submodeluq.surrogate.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.submodeluq.core.UserInputException;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * How a generator's samples compare with held-out ones, on as many generated samples as there are
 * held-out ones:
 * <ul>
 *   <li>energy distance between whitened principal-component coefficients (the training set's PCA);</li>
 *   <li>sliced Wasserstein-1 (100 directions) between the samples divided by the held-out set's RMS;</li>
 *   <li>relative errors of the per-feature mean and standard deviation vectors (Euclidean norms) and
 *       of the covariance (Frobenius), the last computed exactly from Gram matrices without ever
 *       forming a d x d covariance, on the first {@value #COVARIANCE_ROWS} rows of each set.</li>
 * </ul>
 */
public record GeneratorMetrics(double energyDistance, double slicedWasserstein1, double meanError,
                               double stdError, double covarianceError) {

    /** Random directions of the sliced Wasserstein distance. */
    public static final int DIRECTIONS = 100;

    /**
     * Rows of each sample set the covariance error uses at most: its Gram-matrix form costs n^2 d,
     * minutes for thousands of held-out traces; both sets are in random order, so the first rows are
     * a random subset.
     */
    public static final int COVARIANCE_ROWS = 500;

    /** Compares {@code generator}'s samples with {@code heldOut}. */
    public static GeneratorMetrics evaluate(BoundaryConditionGenerator generator, PcaReduction reduction,
                                            double[][] heldOut, long seed) {
        return compare(generator.sample(heldOut.length, seed), heldOut, reduction, seed);
    }

    /** Compares two sets of samples. */
    public static GeneratorMetrics compare(double[][] generated, double[][] heldOut, PcaReduction reduction,
                                           long seed) {
        if (heldOut.length < 2) {
            throw new UserInputException("the test split holds " + heldOut.length + " sample(s); metrics need at least 2");
        }
        double rms = 0;
        for (double[] row : heldOut) {
            for (double value : row) {
                rms += value * value;
            }
        }
        rms = Math.sqrt(rms / ((double) heldOut.length * heldOut[0].length));
        double scale = rms > 0 ? 1 / rms : 1;
        double[] meanG = SampleDistances.mean(generated);
        double[] meanH = SampleDistances.mean(heldOut);
        double[] stdG = std(generated, meanG);
        double[] stdH = std(heldOut, meanH);
        return new GeneratorMetrics(
                SampleDistances.energy(reduction.encode(generated), reduction.encode(heldOut)),
                SampleDistances.slicedWasserstein1(scaled(generated, scale), scaled(heldOut, scale), DIRECTIONS,
                        seed ^ 0x5DEECE66DL),
                relative(meanG, meanH), relative(stdG, stdH), covarianceError(generated, meanG, heldOut, meanH));
    }

    /** The metrics by name, as manifests store them. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("energy_distance_pca", energyDistance);
        map.put("sliced_wasserstein1", slicedWasserstein1);
        map.put("mean_relative_error", meanError);
        map.put("std_relative_error", stdError);
        map.put("covariance_relative_error", covarianceError);
        return map;
    }

    private static double[][] scaled(double[][] rows, double factor) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] *= factor;
            }
        }
        return out;
    }

    private static double[] std(double[][] rows, double[] mean) {
        double[] std = new double[mean.length];
        for (double[] row : rows) {
            for (int k = 0; k < mean.length; k++) {
                std[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / (rows.length - 1);
            }
        }
        for (int k = 0; k < std.length; k++) {
            std[k] = Math.sqrt(std[k]);
        }
        return std;
    }

    private static double relative(double[] estimate, double[] reference) {
        double difference = 0;
        double norm = 0;
        for (int k = 0; k < reference.length; k++) {
            difference += (estimate[k] - reference[k]) * (estimate[k] - reference[k]);
            norm += reference[k] * reference[k];
        }
        return Math.sqrt(difference / norm);
    }

    /**
     * ||C_a - C_b||_F / ||C_b||_F with C = X^T X / (n - 1) for centred X: since
     * tr(C_a C_b) = ||X_a X_b^T||_F^2 / ((n_a - 1)(n_b - 1)), only n x n products are needed.
     */
    static double covarianceError(double[][] a, double[] meanA, double[][] b, double[] meanB) {
        double[][] xa = centred(Arrays.copyOf(a, Math.min(a.length, COVARIANCE_ROWS)), meanA);
        double[][] xb = centred(Arrays.copyOf(b, Math.min(b.length, COVARIANCE_ROWS)), meanB);
        double aa = selfGramNorm(xa) / Math.pow(xa.length - 1, 2);
        double bb = selfGramNorm(xb) / Math.pow(xb.length - 1, 2);
        double ab = gramNorm(xa, xb) / ((xa.length - 1.0) * (xb.length - 1.0));
        return Math.sqrt(Math.max(0, aa + bb - 2 * ab) / bb);
    }

    private static double[][] centred(double[][] rows, double[] mean) {
        double[][] out = new double[rows.length][mean.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < mean.length; k++) {
                out[i][k] = rows[i][k] - mean[k];
            }
        }
        return out;
    }

    /** ||X Y^T||_F^2. */
    private static double gramNorm(double[][] x, double[][] y) {
        double sum = 0;
        for (double[] xi : x) {
            for (double[] yj : y) {
                double dot = SampleDistances.dot(xi, yj);
                sum += dot * dot;
            }
        }
        return sum;
    }

    /** {@code gramNorm(x, x)} from the upper triangle of the symmetric Gram matrix, in half the products. */
    private static double selfGramNorm(double[][] x) {
        double diagonal = 0;
        double offDiagonal = 0;
        for (int i = 0; i < x.length; i++) {
            double dot = SampleDistances.dot(x[i], x[i]);
            diagonal += dot * dot;
            for (int j = i + 1; j < x.length; j++) {
                dot = SampleDistances.dot(x[i], x[j]);
                offDiagonal += dot * dot;
            }
        }
        return diagonal + 2 * offDiagonal;
    }
}
