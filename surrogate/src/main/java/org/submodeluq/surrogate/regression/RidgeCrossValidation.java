package org.submodeluq.surrogate.regression;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * K-fold cross-validation of the ridge penalty, the prototype's ridge_cv_alpha: for each alpha, the squared
 * error of every fold's held-out targets predicted by a {@link RidgeRegression} fitted on the fold's other
 * points, summed over folds and divided by the targets' sum of squares about their mean.
 *
 * <p>Targets wider than they are tall (16800 trace entries on a few hundred runs) are first compressed
 * without loss: from the QR factorisation Y^T = Q R, Y = R^T Q^T with orthonormal columns in Q. Every fit
 * and residual is linear in Y row by row, so the residuals of Y are those of R^T (n x n) times Q^T, with the
 * same norms. The folds and penalties then cost O(n^2 p) each instead of O(n p d).
 */
public final class RidgeCrossValidation {

    private final double[] alphas;
    private final double[] relativeErrors;

    private RidgeCrossValidation(double[] alphas, double[] relativeErrors) {
        this.alphas = alphas;
        this.relativeErrors = relativeErrors;
    }

    /** The prototype's grid, NumPy's logspace(-6, 3, 19): 1e-6 to 1e3 in half decades. */
    public static double[] defaultAlphas() {
        return IntStream.range(0, 19).mapToDouble(i -> Math.pow(10, -6 + 0.5 * i)).toArray();
    }

    /** Over {@link #defaultAlphas()}. */
    public static RidgeCrossValidation of(double[][] features, double[][] targets, Folds folds) {
        return of(features, targets, defaultAlphas(), folds);
    }

    /**
     * @param features F, n x p
     * @param targets Y, n x d
     * @param alphas penalties to try, each positive
     * @param folds a partition of the n points
     */
    public static RidgeCrossValidation of(double[][] features, double[][] targets, double[] alphas, Folds folds) {
        if (alphas.length == 0) {
            throw new IllegalArgumentException("no ridge penalty to cross-validate");
        }
        for (double alpha : alphas) {
            RidgeRegression.requirePenalty(alpha);
        }
        DMatrixRMaj f = RidgeRegression.matrix("features", features);
        DMatrixRMaj y = compressed(RidgeRegression.matrix("targets", targets, features.length));
        if (folds.size() != f.numRows) {
            throw new IllegalArgumentException("folds of " + folds.size() + " points for " + f.numRows);
        }
        double[] errors = new double[alphas.length];
        for (int fold = 0; fold < folds.count(); fold++) {
            int[] fitting = folds.fitting(fold);
            int[] heldOut = folds.heldOut(fold);
            RidgePath path = new RidgePath(rows(f, fitting), rows(y, fitting));
            DMatrixRMaj heldOutFeatures = rows(f, heldOut);
            DMatrixRMaj heldOutTargets = rows(y, heldOut);
            for (int a = 0; a < alphas.length; a++) {
                DMatrixRMaj residual = path.at(alphas[a]).predict(heldOutFeatures);
                CommonOps_DDRM.subtractEquals(residual, heldOutTargets);
                for (double r : residual.data) {
                    errors[a] += r * r;
                }
            }
        }
        double total = sumOfSquaresAboutMean(y);
        for (int a = 0; a < alphas.length; a++) {
            errors[a] /= total;
        }
        return new RidgeCrossValidation(alphas.clone(), errors);
    }

    /** The penalties tried. */
    public double[] alphas() {
        return alphas.clone();
    }

    /** Per penalty, the cross-validated squared error over the sum of squares about the mean. */
    public double[] relativeErrors() {
        return relativeErrors.clone();
    }

    /** The penalty of the smallest error, the first of equals. */
    public double bestAlpha() {
        int best = 0;
        for (int a = 1; a < alphas.length; a++) {
            if (relativeErrors[a] < relativeErrors[best]) {
                best = a;
            }
        }
        return alphas[best];
    }

    /** R^T of Y^T = Q R where d &gt; n, else Y itself. */
    private static DMatrixRMaj compressed(DMatrixRMaj targets) {
        if (targets.numCols <= targets.numRows) {
            return targets;
        }
        DMatrixRMaj transposed = CommonOps_DDRM.transpose(targets, null);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(transposed.numRows, transposed.numCols);
        if (!qr.decompose(transposed)) {
            throw new IllegalArgumentException("the QR factorisation of the targets failed: are they all finite?");
        }
        return CommonOps_DDRM.transpose(qr.getR(null, true), null);
    }

    private static DMatrixRMaj rows(DMatrixRMaj matrix, int[] indices) {
        DMatrixRMaj selected = new DMatrixRMaj(indices.length, matrix.numCols);
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(matrix.data, indices[i] * matrix.numCols, selected.data, i * matrix.numCols,
                    matrix.numCols);
        }
        return selected;
    }

    private static double sumOfSquaresAboutMean(DMatrixRMaj y) {
        double sum = 0;
        for (int j = 0; j < y.numCols; j++) {
            double mean = 0;
            for (int i = 0; i < y.numRows; i++) {
                mean += y.unsafe_get(i, j) / y.numRows;
            }
            for (int i = 0; i < y.numRows; i++) {
                sum += (y.unsafe_get(i, j) - mean) * (y.unsafe_get(i, j) - mean);
            }
        }
        return sum;
    }
}
