package org.submodeluq.fem.solver;

import org.ejml.data.DMatrixSparseCSC;

/**
 * Stiffness and consistent mass of a P1 plane-elasticity model over all degrees of freedom
 * (boundary conditions not applied), with the same sparsity structure.
 *
 * @param stiffness K
 * @param mass M
 */
public record SystemMatrices(DMatrixSparseCSC stiffness, DMatrixSparseCSC mass) {

    /** Number of degrees of freedom, twice the number of nodes. */
    public int dofCount() {
        return stiffness.numCols;
    }

    /** The quadratic form {@code x^T A y} of a matrix of this system. */
    public static double bilinear(DMatrixSparseCSC matrix, double[] x, double[] y) {
        double sum = 0;
        for (int col = 0; col < matrix.numCols; col++) {
            double partial = 0;
            for (int k = matrix.col_idx[col]; k < matrix.col_idx[col + 1]; k++) {
                partial += matrix.nz_values[k] * x[matrix.nz_rows[k]];
            }
            sum += partial * y[col];
        }
        return sum;
    }

    /** Kinetic plus strain energy, {@code (v^T M v + u^T K u) / 2}. */
    public double energy(double[] displacement, double[] velocity) {
        return 0.5 * (bilinear(mass, velocity, velocity) + bilinear(stiffness, displacement, displacement));
    }
}
