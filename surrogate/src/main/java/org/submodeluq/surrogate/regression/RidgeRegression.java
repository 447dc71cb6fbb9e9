package org.submodeluq.surrogate.regression;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Multi-output linear ridge regression with an unpenalised intercept: y(f) = intercept + f B, where B
 * minimises ||Yc - Fc B||^2 + alpha ||B||^2 on the centred training features and targets, the prototype's
 * ridge_fit (docs/mean-map-study/maps.py). Features are used as given: scaling them is the caller's choice,
 * and it changes what the penalty favours.
 */
public final class RidgeRegression {

    private final double[] intercept;
    /** B, p x d. */
    private final DMatrixRMaj coefficients;
    private final double alpha;

    /**
     * A stored fit.
     *
     * @param intercept d values
     * @param coefficients B as p rows of d
     * @param alpha the penalty it was fitted with, for the record
     */
    public RidgeRegression(double[] intercept, double[][] coefficients, double alpha) {
        this(intercept.clone(), coefficientMatrix(coefficients, intercept.length), alpha);
    }

    RidgeRegression(double[] intercept, DMatrixRMaj coefficients, double alpha) {
        this.intercept = intercept;
        this.coefficients = coefficients;
        this.alpha = alpha;
    }

    /**
     * Fits with penalty alpha.
     *
     * @param features F, n x p
     * @param targets Y, n x d
     */
    public static RidgeRegression fit(double[][] features, double[][] targets, double alpha) {
        requirePenalty(alpha);
        return new RidgePath(matrix("features", features), matrix("targets", targets, features.length)).at(alpha);
    }

    /** Fits with the penalty that {@link RidgeCrossValidation} picks from its default grid over {@code folds}. */
    public static RidgeRegression fitCrossValidated(double[][] features, double[][] targets, Folds folds) {
        return fit(features, targets, RidgeCrossValidation.of(features, targets, folds).bestAlpha());
    }

    /** The predicted targets, n x d, of features n x p. */
    public double[][] predict(double[][] features) {
        DMatrixRMaj predicted = predict(matrix("features", features));
        double[][] rows = new double[predicted.numRows][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(predicted.data, i * predicted.numCols, (i + 1) * predicted.numCols);
        }
        return rows;
    }

    DMatrixRMaj predict(DMatrixRMaj features) {
        if (features.numCols != coefficients.numRows) {
            throw new IllegalArgumentException(features.numCols + " features for a fit on " + coefficients.numRows);
        }
        DMatrixRMaj predicted = CommonOps_DDRM.mult(features, coefficients, null);
        for (int i = 0; i < predicted.numRows; i++) {
            for (int t = 0; t < intercept.length; t++) {
                predicted.unsafe_set(i, t, predicted.unsafe_get(i, t) + intercept[t]);
            }
        }
        return predicted;
    }

    /** The prediction at zero features, d values. */
    public double[] intercept() {
        return intercept.clone();
    }

    /** B, p rows of d. */
    public double[][] coefficients() {
        double[][] rows = new double[coefficients.numRows][coefficients.numCols];
        for (int j = 0; j < rows.length; j++) {
            System.arraycopy(coefficients.data, j * coefficients.numCols, rows[j], 0, coefficients.numCols);
        }
        return rows;
    }

    /** The penalty. */
    public double alpha() {
        return alpha;
    }

    private static DMatrixRMaj coefficientMatrix(double[][] coefficients, int outputs) {
        DMatrixRMaj matrix = matrix("coefficients", coefficients);
        if (matrix.numCols != outputs) {
            throw new IllegalArgumentException("coefficients of " + matrix.numCols + " outputs for an intercept of "
                    + outputs);
        }
        return matrix;
    }

    static void requirePenalty(double alpha) {
        if (!(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("ridge penalty " + alpha
                    + " is not allowed: must be positive and finite");
        }
    }

    /** A rectangular matrix of at least one row and column. */
    static DMatrixRMaj matrix(String name, double[][] rows) {
        return matrix(name, rows, rows.length);
    }

    /** A rectangular matrix of {@code count} rows, at least one, and at least one column. */
    static DMatrixRMaj matrix(String name, double[][] rows, int count) {
        if (rows.length != count || count == 0) {
            throw new IllegalArgumentException(name + " have " + rows.length + " rows: need " + count + ", at least 1");
        }
        for (double[] row : rows) {
            if (row.length != rows[0].length || row.length == 0) {
                throw new IllegalArgumentException(name + " have rows of " + rows[0].length + " and " + row.length
                        + " columns: need the same number in each, at least 1");
            }
        }
        return new DMatrixRMaj(rows);
    }
}
