package org.submodeluq.surrogate.regression;

import java.util.Arrays;

/**
 * In-place Cholesky factorisation K = L L^T of a dense symmetric positive-definite matrix, with its solve
 * and its inverse, for {@link MarginalLikelihood}. Every entry is computed by the same operations in the
 * same order as by EJML 0.46's {@code CholeskyDecompositionInner_DDRM} (lower) and {@code
 * LinearSolverChol_DDRM} ({@code solve}, {@code invert}), so the results are bit for bit EJML's, with which
 * the likelihood was checked against scikit-learn. It is several times faster for n of a few hundred: where
 * EJML forms each entry as an inner product, one chain of dependent additions (reading L by columns in the
 * inverse), this forms a row or column of entries at once, subtracting multiples of rows of L, of L^T (kept
 * above the diagonal for this) or of K^-1, four terms per pass, which HotSpot compiles to vector
 * instructions. The rows are separate arrays because HotSpot 17 vectorises such a pass only when its arrays
 * are indexed alike.
 *
 * <p>Not thread-safe: the factor is one matrix that the caller fills and this class overwrites.
 */
final class DenseCholesky {

    private final int size;
    /** K's lower triangle and diagonal on input; L there, and L^T above, after {@link #factorise()}. */
    private final double[][] factor;
    /** The partial sums of the row or column in progress. */
    private final double[] sums;

    DenseCholesky(int size) {
        this.size = size;
        factor = new double[size][size];
        sums = new double[size];
    }

    /** The rows to write K's lower triangle and diagonal into before {@link #factorise()}. */
    double[][] matrix() {
        return factor;
    }

    /** L_ii of the latest factorisation. */
    double diagonal(int i) {
        return factor[i][i];
    }

    /**
     * Overwrites K by L (lower) and L^T (upper), a column of L at a time: L_ii = sqrt(K_ii - sum_{k&lt;i}
     * L_ik^2) and L_ji = (K_ji - sum_{k&lt;i} L_ik L_jk) (1 / L_ii) for j &gt; i, with k ascending.
     *
     * @return false where a pivot is not positive, K not being numerically positive definite
     */
    boolean factorise() {
        int n = size;
        double[][] t = factor;
        double[] column = sums;
        for (int i = 0; i < n; i++) {
            double[] rowI = t[i];
            for (int j = i; j < n; j++) {
                column[j] = t[j][i];
            }
            int k = 0;
            for (; k + 3 < i; k += 4) {
                subtract(column, rowI[k], t[k], rowI[k + 1], t[k + 1], rowI[k + 2], t[k + 2], rowI[k + 3], t[k + 3],
                        i, n);
            }
            for (; k < i; k++) {
                subtract(column, rowI[k], t[k], i, n);
            }
            if (!(column[i] > 0)) {
                return false;
            }
            double diagonal = Math.sqrt(column[i]);
            double reciprocal = 1.0 / diagonal;
            rowI[i] = diagonal;
            for (int j = i + 1; j < n; j++) {
                t[j][i] = rowI[j] = column[j] * reciprocal;
            }
        }
        return true;
    }

    /** x = K^-1 b by forward substitution with L, then back substitution with L^T. */
    void solve(double[] b, double[] x) {
        int n = size;
        for (int i = 0; i < n; i++) {
            double[] rowI = factor[i];
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= rowI[k] * x[k];
            }
            x[i] = sum / rowI[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] rowI = factor[i];
            double sum = x[i];
            for (int k = i + 1; k < n; k++) {
                sum -= rowI[k] * x[k];
            }
            x[i] = sum / rowI[i];
        }
    }

    /**
     * The lower triangle and diagonal of K^-1 = L^-T L^-1 into n rows, whose upper triangles are left as
     * they were: first M = L^-1, then from the last row up, inverse_ij = (M_ij - sum_{k&gt;i} L_ki
     * inverse_kj) / L_ii for j &lt;= i, with k ascending.
     */
    void invertLower(double[][] inverse) {
        invertFactor(inverse);
        multiplyByInverseTranspose(inverse);
    }

    /** M_ij = ([i = j] - sum_{k=i-1..j} L_ik M_kj) / L_ii, k descending, into the lower triangle of a. */
    private void invertFactor(double[][] a) {
        int n = size;
        double[] row = sums;
        for (int i = 0; i < n; i++) {
            double[] l = factor[i];
            Arrays.fill(row, 0, i, 0);
            row[i] = 1;
            int k = i - 1;
            for (; k >= 3; k -= 4) {
                double[] m0 = a[k];
                double[] m1 = a[k - 1];
                double[] m2 = a[k - 2];
                double[] m3 = a[k - 3];
                subtract(row, l[k], m0, l[k - 1], m1, l[k - 2], m2, l[k - 3], m3, 0, k - 2);
                // M_kj = 0 above the diagonal: the last three j take only the first three, two, one terms
                row[k - 2] = row[k - 2] - l[k] * m0[k - 2] - l[k - 1] * m1[k - 2] - l[k - 2] * m2[k - 2];
                row[k - 1] = row[k - 1] - l[k] * m0[k - 1] - l[k - 1] * m1[k - 1];
                row[k] -= l[k] * m0[k];
            }
            for (; k >= 0; k--) {
                subtract(row, l[k], a[k], 0, k + 1);
            }
            double[] rowI = a[i];
            double diagonal = l[i];
            for (int j = 0; j <= i; j++) {
                rowI[j] = row[j] / diagonal;
            }
        }
    }

    /** Overwrites M in the lower triangle of a by that of L^-T M, from the last row up. */
    private void multiplyByInverseTranspose(double[][] a) {
        int n = size;
        double[] row = sums;
        for (int i = n - 1; i >= 0; i--) {
            double[] lTransposed = factor[i];
            double[] rowI = a[i];
            System.arraycopy(rowI, 0, row, 0, i + 1);
            int k = i + 1;
            for (; k + 3 < n; k += 4) {
                subtract(row, lTransposed[k], a[k], lTransposed[k + 1], a[k + 1], lTransposed[k + 2], a[k + 2],
                        lTransposed[k + 3], a[k + 3], 0, i + 1);
            }
            for (; k < n; k++) {
                subtract(row, lTransposed[k], a[k], 0, i + 1);
            }
            double diagonal = lTransposed[i];
            for (int j = 0; j <= i; j++) {
                rowI[j] = row[j] / diagonal;
            }
        }
    }

    /** y_j -= a x_j for j in [from, to). */
    private static void subtract(double[] y, double a, double[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            y[j] -= a * x[j];
        }
    }

    /** y_j -= a0 x0_j, then a1 x1_j, a2 x2_j and a3 x3_j, for j in [from, to): four terms in one pass. */
    private static void subtract(double[] y, double a0, double[] x0, double a1, double[] x1, double a2,
                                 double[] x2, double a3, double[] x3, int from, int to) {
        for (int j = from; j < to; j++) {
            y[j] = y[j] - a0 * x0[j] - a1 * x1[j] - a2 * x2[j] - a3 * x3[j];
        }
    }
}
