package org.submodeluq.fem.solver;

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

    int[] rowStart() {
        return rowStart;
    }

    int[] columns() {
        return columns;
    }

    double[] values() {
        return values;
    }

    /** {@code y = A x}. */
    void multiply(double[] x, double[] y) {
        for (int r = 0; r < rowStart.length - 1; r++) {
            double sum = 0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                sum += values[k] * x[columns[k]];
            }
            y[r] = sum;
        }
    }

    /** {@code y -= A x}. */
    void multiplySubtract(double[] x, double[] y) {
        for (int r = 0; r < rowStart.length - 1; r++) {
            double sum = 0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                sum += values[k] * x[columns[k]];
            }
            y[r] -= sum;
        }
    }
}
