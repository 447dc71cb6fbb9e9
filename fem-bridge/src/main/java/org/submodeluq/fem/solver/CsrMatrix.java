package org.submodeluq.fem.solver;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Compressed-row sparse matrix for the products of the time loop, cut out of a symmetric matrix by
 * a list of rows and a renumbering of columns.
 */
final class CsrMatrix {

    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;

    private CsrMatrix(int[] rowStart, int[] columns, double[] values) {
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /**
     * The block of a symmetric matrix with rows {@code rows} (in that order) and the columns whose
     * {@code columnIndex} is non-negative, renumbered to it; structural zeros (the x-y blocks of a
     * mass matrix) are dropped.
     *
     * @param symmetric the matrix's structure; its column j is read as row j
     * @param values the values on that structure
     */
    static CsrMatrix block(DMatrixSparseCSC symmetric, int[] rows, int[] columnIndex, double[] values) {
        int[] start = new int[rows.length + 1];
        for (int r = 0; r < rows.length; r++) {
            start[r + 1] = start[r];
            for (int k = symmetric.col_idx[rows[r]]; k < symmetric.col_idx[rows[r] + 1]; k++) {
                if (columnIndex[symmetric.nz_rows[k]] >= 0 && values[k] != 0) {
                    start[r + 1]++;
                }
            }
        }
        int[] columns = new int[start[rows.length]];
        double[] blockValues = new double[columns.length];
        int q = 0;
        for (int row : rows) {
            for (int k = symmetric.col_idx[row]; k < symmetric.col_idx[row + 1]; k++) {
                int column = columnIndex[symmetric.nz_rows[k]];
                if (column >= 0 && values[k] != 0) {
                    columns[q] = column;
                    blockValues[q++] = values[k];
                }
            }
        }
        return new CsrMatrix(start, columns, blockValues);
    }

    /**
     * {@code y = A x} for {@code width} vectors stored interleaved (entry i of vector c at
     * {@code x[i * width + c]}); each vector's sums run in the same order whatever the width.
     */
    void multiply(double[] x, double[] y, int width) {
        for (int r = 0; r < rowStart.length - 1; r++) {
            if (width == 1) {
                y[r] = rowTimes(r, x);
            } else {
                int yr = r * width;
                Arrays.fill(y, yr, yr + width, 0);
                accumulate(r, x, y, yr, width);
            }
        }
    }

    /** {@code y -= A x}, interleaved as in {@link #multiply}. */
    void multiplySubtract(double[] x, double[] y, int width, double[] sums) {
        for (int r = 0; r < rowStart.length - 1; r++) {
            if (width == 1) {
                y[r] -= rowTimes(r, x);
            } else {
                Arrays.fill(sums, 0, width, 0);
                accumulate(r, x, sums, 0, width);
                int yr = r * width;
                for (int c = 0; c < width; c++) {
                    y[yr + c] -= sums[c];
                }
            }
        }
    }

    /** Row r of A times one vector, summed in a register. */
    private double rowTimes(int r, double[] x) {
        double sum = 0;
        for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
            sum += values[k] * x[columns[k]];
        }
        return sum;
    }

    /** {@code sums[offset + c] += (A x_c)_r} for each vector c of a block. */
    private void accumulate(int r, double[] x, double[] sums, int offset, int width) {
        for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
            double a = values[k];
            int xk = columns[k] * width;
            for (int c = 0; c < width; c++) {
                sums[offset + c] += a * x[xk + c];
            }
        }
    }
}
