package org.submodeluq.surrogate.regression;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * The log marginal likelihood of outputs y under a zero-mean Gaussian process with training covariance
 * K = s2 R + (noise + {@value #JITTER}) I, R_ik = exp(-0.5 sum_j (x_ij - x_kj)^2 / l_j^2), and its gradient
 * with respect to (log s2, log l_1, ..., log l_d, log noise) (Rasmussen and Williams 2006, eqs. 2.30 and 5.9):
 * <pre>
 *   log p(y) = -0.5 y^T a - sum_i log L_ii - n/2 log(2 pi),   K = L L^T,  a = K^-1 y
 *   d log p / d log t = 0.5 tr((a a^T - K^-1) dK / d log t)
 * </pre>
 * The squared input differences of every pair i &gt; k are kept per dimension, so that an evaluation is
 * one pass over the pairs, a Cholesky factorisation and, for the gradient, an inverse. Not thread-safe:
 * it reuses its work matrices.
 */
final class MarginalLikelihood {

    /**
     * Added to the covariance's diagonal besides the noise: scikit-learn's GaussianProcessRegressor default
     * alpha, which the prototype used, so the two models (and likelihoods) are the same.
     */
    static final double JITTER = 1e-10;

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final int size;
    private final double[] outputs;
    /** (x_ij - x_kj)^2 per dimension j, over the pairs i &gt; k in row order. */
    private final double[][] squaredDifferences;
    /** R_ik of the latest evaluation, per pair. */
    private final double[] correlation;
    /** W_ik dK_ik/dlog s2 = (a_i a_k - K^-1_ik) s2 R_ik of the latest gradient, per pair. */
    private final double[] pairWeights;
    private final DMatrixRMaj covariance;
    private final DMatrixRMaj inverse;
    private final DMatrixRMaj weights;
    private final CholeskyDecompositionInner_DDRM cholesky = new CholeskyDecompositionInner_DDRM(true);
    private final LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(cholesky);

    /** @param outputs y, already normalised by the caller */
    MarginalLikelihood(double[][] inputs, double[] outputs) {
        size = inputs.length;
        int pairs = size * (size - 1) / 2;
        this.outputs = outputs.clone();
        squaredDifferences = new double[inputs[0].length][pairs];
        for (int j = 0; j < squaredDifferences.length; j++) {
            double[] differences = squaredDifferences[j];
            int pair = 0;
            for (int i = 1; i < size; i++) {
                for (int k = 0; k < i; k++) {
                    double difference = inputs[i][j] - inputs[k][j];
                    differences[pair++] = difference * difference;
                }
            }
        }
        correlation = new double[pairs];
        pairWeights = new double[pairs];
        covariance = new DMatrixRMaj(size, size);
        inverse = new DMatrixRMaj(size, size);
        weights = new DMatrixRMaj(size, 1);
    }

    /** Parameters (log s2, log l_j, log noise). */
    int parameters() {
        return squaredDifferences.length + 2;
    }

    /**
     * The log marginal likelihood at {@code h}, or -infinity where K is not numerically positive definite
     * (as scikit-learn).
     *
     * @param a receives K^-1 y when not null (undefined when the result is -infinity)
     * @param logGradient receives the gradient in log-parameter space when not null
     */
    double evaluate(Hyperparameters h, double[] a, double[] logGradient) {
        double signalVariance = h.signalVariance();
        double[] inverseSquares = h.lengthScales();
        for (int j = 0; j < inverseSquares.length; j++) {
            inverseSquares[j] = 1 / (inverseSquares[j] * inverseSquares[j]);
        }
        fillCovariance(signalVariance, inverseSquares, h.noise());
        if (!solver.setA(covariance)) {
            return Double.NEGATIVE_INFINITY;
        }
        DMatrixRMaj y = DMatrixRMaj.wrap(size, 1, outputs);
        solver.solve(y, weights);
        double[] alpha = weights.data;
        double[] lower = cholesky.getT().data;
        double value = -size * HALF_LOG_TWO_PI;
        for (int i = 0; i < size; i++) {
            value -= 0.5 * outputs[i] * alpha[i] + Math.log(lower[i * size + i]);
        }
        if (!(value > Double.NEGATIVE_INFINITY)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (a != null) {
            System.arraycopy(alpha, 0, a, 0, size);
        }
        if (logGradient != null) {
            gradient(signalVariance, inverseSquares, h.noise(), alpha, logGradient);
        }
        return value;
    }

    private void fillCovariance(double signalVariance, double[] inverseSquares, double noise) {
        // correlation holds sum_j d_j / l_j^2 first, then its exponential
        Arrays.fill(correlation, 0);
        for (int j = 0; j < inverseSquares.length; j++) {
            double[] differences = squaredDifferences[j];
            double weight = inverseSquares[j];
            for (int pair = 0; pair < correlation.length; pair++) {
                correlation[pair] += differences[pair] * weight;
            }
        }
        double[] c = covariance.data;
        int pair = 0;
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < i; k++) {
                double r = Math.exp(-0.5 * correlation[pair]);
                correlation[pair++] = r;
                c[i * size + k] = signalVariance * r;
                c[k * size + i] = signalVariance * r;
            }
            c[i * size + i] = signalVariance + noise + JITTER;
        }
    }

    /** 0.5 tr(W dK/dlog t) with W = a a^T - K^-1 symmetric, from its diagonal and the pairs i &gt; k. */
    private void gradient(double signalVariance, double[] inverseSquares, double noise, double[] alpha,
                          double[] logGradient) {
        solver.invert(inverse);
        double[] kInverse = inverse.data;
        double diagonal = 0;
        double offDiagonal = 0;
        int pair = 0;
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < i; k++) {
                double q = (alpha[i] * alpha[k] - kInverse[i * size + k]) * signalVariance * correlation[pair];
                pairWeights[pair++] = q;
                offDiagonal += q;
            }
            diagonal += alpha[i] * alpha[i] - kInverse[i * size + i];
        }
        logGradient[0] = 0.5 * signalVariance * diagonal + offDiagonal;
        for (int j = 0; j < inverseSquares.length; j++) {
            // dK_ik/dlog l_j = s2 R_ik (x_ij - x_kj)^2 / l_j^2; each pair counts twice in the trace
            double[] differences = squaredDifferences[j];
            double sum = 0;
            for (pair = 0; pair < pairWeights.length; pair++) {
                sum += pairWeights[pair] * differences[pair];
            }
            logGradient[1 + j] = sum * inverseSquares[j];
        }
        logGradient[inverseSquares.length + 1] = 0.5 * noise * diagonal;
    }
}
