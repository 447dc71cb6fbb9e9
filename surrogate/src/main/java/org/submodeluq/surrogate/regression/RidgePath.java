package org.submodeluq.surrogate.regression;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The ridge fits of one training set for every penalty, from one SVD of its centred features Fc = U S V^T:
 * B(alpha) = V diag(s / (s^2 + alpha)) U^T Yc, so that a new penalty costs a p x r x d product only.
 */
final class RidgePath {

    private final double[] featureMean;
    private final double[] targetMean;
    /** V, p x r. */
    private final DMatrixRMaj rightVectors;
    private final double[] singularValues;
    /** U^T Yc, r x d. */
    private final DMatrixRMaj projectedTargets;

    /**
     * @param features n x p
     * @param targets n x d
     */
    RidgePath(DMatrixRMaj features, DMatrixRMaj targets) {
        featureMean = columnMeans(features);
        targetMean = columnMeans(targets);
        DMatrixRMaj centredFeatures = centred(features, featureMean);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(features.numRows, features.numCols, true, true, true);
        if (!svd.decompose(centredFeatures)) {
            throw new IllegalArgumentException("the SVD of the centred " + features.numRows + " x "
                    + features.numCols + " features failed: are they all finite?");
        }
        rightVectors = svd.getV(null, false);
        singularValues = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        projectedTargets = CommonOps_DDRM.mult(svd.getU(null, true), centred(targets, targetMean), null);
    }

    /** The fit of penalty alpha &gt; 0, with intercept mean(Y) - mean(F) B. */
    RidgeRegression at(double alpha) {
        DMatrixRMaj shrunk = projectedTargets.copy();
        for (int k = 0; k < singularValues.length; k++) {
            double s = singularValues[k];
            CommonOps_DDRM.scaleRow(s / (s * s + alpha), shrunk, k);
        }
        DMatrixRMaj coefficients = CommonOps_DDRM.mult(rightVectors, shrunk, null);
        double[] intercept = targetMean.clone();
        for (int j = 0; j < featureMean.length; j++) {
            for (int t = 0; t < intercept.length; t++) {
                intercept[t] -= featureMean[j] * coefficients.unsafe_get(j, t);
            }
        }
        return new RidgeRegression(intercept, coefficients, alpha);
    }

    private static double[] columnMeans(DMatrixRMaj matrix) {
        double[] means = new double[matrix.numCols];
        for (int i = 0; i < matrix.numRows; i++) {
            for (int j = 0; j < matrix.numCols; j++) {
                means[j] += matrix.unsafe_get(i, j);
            }
        }
        for (int j = 0; j < means.length; j++) {
            means[j] /= matrix.numRows;
        }
        return means;
    }

    private static DMatrixRMaj centred(DMatrixRMaj matrix, double[] means) {
        DMatrixRMaj centred = matrix.copy();
        for (int i = 0; i < matrix.numRows; i++) {
            for (int j = 0; j < matrix.numCols; j++) {
                centred.unsafe_set(i, j, matrix.unsafe_get(i, j) - means[j]);
            }
        }
        return centred;
    }
}
