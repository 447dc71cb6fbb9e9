package org.submodeluq.surrogate.reduction;

import java.util.Arrays;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.submodeluq.core.UserInputException;
import org.submodeluq.surrogate.data.SampleMatrix;

/**
 * Standardisation then principal components, fitted on training samples: a sample x maps to whitened
 * coefficients {@code z_j = ((x - mean) / scale) . v_j / sigma_j}, where v_j are the leading right
 * singular vectors of the standardised training matrix and sigma_j the standard deviations of the
 * coefficients along them. Decoding maps z back to a sample in the span of the kept components.
 *
 * <p>The per-feature scale is floored at {@value #SCALE_FLOOR} times the largest feature standard
 * deviation: before the wave arrives, thousands of trace entries vary by 1e-46 (numerical precursors of
 * the implicit scheme), and dividing by that would put held-out values hundreds of sigmas out.
 */
public final class PcaReduction {

    /** Share of the standardised variance kept by default: the boundary traces' smooth part, not their noise. */
    public static final double DEFAULT_ENERGY = 0.999;

    /** Floor of a feature's scale, relative to the largest feature standard deviation. */
    public static final double SCALE_FLOOR = 1e-3;

    private final double[] mean;
    private final double[] scale;
    private final double[][] components;
    private final double[] sigma;
    private final double retainedEnergy;

    public PcaReduction(double[] mean, double[] scale, double[][] components, double[] sigma, double retainedEnergy) {
        this.mean = mean;
        this.scale = scale;
        this.components = components;
        this.sigma = sigma;
        this.retainedEnergy = retainedEnergy;
    }

    /**
     * Fits the reduction.
     *
     * @param energy keep the fewest components whose share of the standardised variance reaches this
     *     fraction ({@link #DEFAULT_ENERGY} by default); ignored when {@code fixedCount > 0}
     * @param fixedCount keep exactly this many components, or 0
     */
    public static PcaReduction fit(SampleMatrix train, double energy, int fixedCount) {
        int n = train.size();
        int d = train.features();
        if (n < 2) {
            throw new UserInputException("PCA needs at least 2 training samples, not " + n);
        }
        if (fixedCount < 0) {
            throw new UserInputException("components", "= " + fixedCount + " is not allowed: must be >= 0 (0: by energy)");
        }
        if (!(energy > 0 && energy <= 1)) {
            throw new UserInputException("energy", "= " + energy + " is not allowed: must be in (0, 1]");
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : train.rows()) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : train.rows()) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (n - 1);
            }
        }
        double largest = 0;
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]);
            largest = Math.max(largest, std[j]);
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            scale[j] = largest > 0 ? Math.max(std[j], SCALE_FLOOR * largest) : 1;
        }
        return fit(train.rows(), mean, scale, energy, fixedCount);
    }

    /**
     * Fits the leading {@code count} components of samples as they are, without standardisation: for
     * residuals, whose size relative to each other is the information (a feature that is everywhere
     * tiny must stay tiny).
     */
    public static PcaReduction fitUnscaled(double[][] rows, int count) {
        if (rows.length < 2) {
            throw new UserInputException("PCA needs at least 2 samples, not " + rows.length);
        }
        UserInputException.require(count > 0, "components", count, "a count > 0");
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / rows.length;
            }
        }
        double[] scale = new double[d];
        Arrays.fill(scale, 1);
        return fit(rows, mean, scale, 1, count);
    }

    private static PcaReduction fit(double[][] rows, double[] mean, double[] scale, double energy, int fixedCount) {
        int n = rows.length;
        int d = mean.length;
        DMatrixRMaj standardised = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                standardised.unsafe_set(i, j, (rows[i][j] - mean[j]) / scale[j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
        if (!svd.decompose(standardised)) {
            throw new IllegalStateException("the SVD of the training matrix did not converge");
        }
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(null, false, w, vt, true);
        int rank = Math.min(w.numRows, w.numCols);
        double total = 0;
        for (int j = 0; j < rank; j++) {
            total += w.get(j, j) * w.get(j, j);
        }
        if (!(total > 0)) {
            throw new UserInputException("the training samples are all equal: nothing varies, nothing to learn");
        }
        int nonZero = 0;
        while (nonZero < rank && w.get(nonZero, nonZero) > 1e-12 * w.get(0, 0)) {
            nonZero++;
        }
        rank = nonZero;
        UserInputException.require(fixedCount <= rank, "components", fixedCount, "at most " + rank + ", the number of "
                + "directions in which the training samples vary");
        int keep = fixedCount > 0 ? fixedCount : 0;
        double cumulative = 0;
        for (int j = 0; j < rank && fixedCount <= 0; j++) {
            cumulative += w.get(j, j) * w.get(j, j);
            keep = j + 1;
            if (cumulative >= energy * total) {
                break;
            }
        }
        double kept = 0;
        double[][] components = new double[keep][d];
        double[] sigma = new double[keep];
        for (int k = 0; k < keep; k++) {
            for (int j = 0; j < d; j++) {
                components[k][j] = vt.get(k, j);
            }
            sigma[k] = w.get(k, k) / Math.sqrt(n - 1);
            kept += w.get(k, k) * w.get(k, k);
        }
        return new PcaReduction(mean, scale, components, sigma, kept / total);
    }

    /** Number of components kept. */
    public int components() {
        return components.length;
    }

    /** Share of the standardised training variance the kept components hold. */
    public double retainedEnergy() {
        return retainedEnergy;
    }

    /** Whitened coefficients of samples: unit variance along each component on the training set. */
    public double[][] encode(double[][] rows) {
        int d = mean.length;
        double[][] z = new double[rows.length][components.length];
        double[] standardised = new double[d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                standardised[j] = (rows[i][j] - mean[j]) / scale[j];
            }
            for (int k = 0; k < components.length; k++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += standardised[j] * components[k][j];
                }
                z[i][k] = dot / sigma[k];
            }
        }
        return z;
    }

    /**
     * Samples from whitened coefficients. Four samples share each pass over a component, which is then read
     * from memory a quarter as often; each sample's sums run in the same order as alone.
     */
    public double[][] decode(double[][] z) {
        int d = mean.length;
        double[][] rows = new double[z.length][d];
        int i = 0;
        for (; i + 3 < z.length; i += 4) {
            double[] r0 = rows[i];
            double[] r1 = rows[i + 1];
            double[] r2 = rows[i + 2];
            double[] r3 = rows[i + 3];
            for (int k = 0; k < components.length; k++) {
                double c0 = z[i][k] * sigma[k];
                double c1 = z[i + 1][k] * sigma[k];
                double c2 = z[i + 2][k] * sigma[k];
                double c3 = z[i + 3][k] * sigma[k];
                double[] v = components[k];
                for (int j = 0; j < d; j++) {
                    r0[j] += c0 * v[j];
                    r1[j] += c1 * v[j];
                    r2[j] += c2 * v[j];
                    r3[j] += c3 * v[j];
                }
            }
        }
        for (; i < z.length; i++) {
            double[] row = rows[i];
            for (int k = 0; k < components.length; k++) {
                double c = z[i][k] * sigma[k];
                double[] v = components[k];
                for (int j = 0; j < d; j++) {
                    row[j] += c * v[j];
                }
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = mean[j] + scale[j] * row[j];
            }
        }
        return rows;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    /** Kept components as rows (k x d), orthonormal. */
    public double[][] componentRows() {
        double[][] copy = new double[components.length][];
        for (int k = 0; k < copy.length; k++) {
            copy[k] = components[k].clone();
        }
        return copy;
    }

    /** Standard deviation of the training coefficients along each kept component. */
    public double[] sigma() {
        return sigma.clone();
    }

    /** Writes the reduction into {@code group}: mean, scale, components, sigma (attribute retained_energy). */
    public void write(WritableGroup group) {
        group.putDataset("mean", mean);
        group.putDataset("scale", scale);
        group.putDataset("components", components);
        group.putDataset("sigma", sigma).putAttribute("retained_energy", retainedEnergy);
    }

    /** The reduction {@link #write} wrote into {@code group}. */
    public static PcaReduction read(Group group) {
        return new PcaReduction((double[]) group.getDatasetByPath("mean").getData(),
                (double[]) group.getDatasetByPath("scale").getData(),
                (double[][]) group.getDatasetByPath("components").getData(),
                (double[]) group.getDatasetByPath("sigma").getData(),
                ((Number) group.getDatasetByPath("sigma").getAttribute("retained_energy").getData()).doubleValue());
    }
}
