package org.submodeluq.fem.solver;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;

/**
 * {@code A = L L^T} of a sparse symmetric positive definite matrix whose rows and columns are
 * already in elimination order (EJML's up-looking factorisation, Davis 2006, ch. 4). Immutable once
 * built, so that one factor serves any number of solves on any number of threads.
 */
final class SparseCholesky {

    private final SupernodalFactor factor;
    private final int nonZeros;

    SparseCholesky(DMatrixSparseCSC matrix) {
        CholeskyUpLooking_DSCC cholesky = new CholeskyUpLooking_DSCC();
        if (!cholesky.decompose(matrix)) {
            throw new IllegalStateException("the effective matrix K + M / (beta dt^2) is not positive definite");
        }
        this.nonZeros = cholesky.getL().nz_length;
        this.factor = new SupernodalFactor(cholesky.getL());
    }

    SupernodalFactor supernodes() {
        return factor;
    }

    /** Scratch the solve needs, one array per thread. */
    double[] newScratch() {
        return new double[factor.scratchLength()];
    }

    /** Overwrites {@code b} with {@code A^-1 b}: one forward and one backward triangular solve. */
    void solveInPlace(double[] b, double[] scratch) {
        factor.solveInPlace(b, scratch);
    }

    /** Entries of L, a measure of the ordering's fill. */
    int factorNonZeros() {
        return nonZeros;
    }

    /** Number of supernodes of L. */
    int supernodeCount() {
        return factor.supernodeCount();
    }
}
