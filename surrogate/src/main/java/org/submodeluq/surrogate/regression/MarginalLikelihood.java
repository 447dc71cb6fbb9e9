package org.submodeluq.surrogate.regression;

import java.util.Arrays;

/**
 * The log marginal likelihood of outputs y under a zero-mean Gaussian process with training covariance
 * K = s2 R + (noise + {@value #JITTER}) I, R_ik = exp(-0.5 sum_j (x_ij - x_kj)^2 / l_j^2), and its gradient
 * with respect to (log s2, log l_1, ..., log l_d, log noise) (Rasmussen and Williams 2006, eqs. 2.30 and 5.9):
 * <pre>
 *   log p(y) = -0.5 y^T a - sum_i log L_ii - n/2 log(2 pi),   K = L L^T,  a = K^-1 y
 *   d log p / d log t = 0.5 tr((a a^T - K^-1) dK / d log t)
 * </pre>
 * The squared input differences of every pair i &gt; k are kept per dimension, so that an evaluation is
 * one pass over the pairs, a Cholesky factorisation and, for the gradient, an inverse ({@link DenseCholesky},
 * bit for bit EJML's). Not thread-safe: it reuses its work matrices.
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
    /** K, factorised in place. */
    private final DenseCholesky cholesky;
    /** The lower triangle and diagonal of K^-1 of the latest gradient. */
    private final double[][] inverse;
    /** a = K^-1 y of the latest evaluation. */
    private final double[] alpha;
    /** s2 of the latest evaluation. */
    private double signalVariance;
    /** 1 / l_j^2 of the latest evaluation. */
    private final double[] inverseSquares;
    /** The noise variance of the latest evaluation. */
    private double noise;

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
        cholesky = new DenseCholesky(size);
        inverse = new double[size][size];
        alpha = new double[size];
        inverseSquares = new double[squaredDifferences.length];
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
        signalVariance = h.signalVariance();
        double[] lengthScales = h.lengthScales();
        for (int j = 0; j < inverseSquares.length; j++) {
            inverseSquares[j] = 1 / (lengthScales[j] * lengthScales[j]);
        }
        noise = h.noise();
        fillCovariance();
        if (!cholesky.factorise()) {
            return Double.NEGATIVE_INFINITY;
        }
        cholesky.solve(outputs, alpha);
        double value = -size * HALF_LOG_TWO_PI;
        for (int i = 0; i < size; i++) {
            value -= 0.5 * outputs[i] * alpha[i] + Math.log(cholesky.diagonal(i));
        }
        if (!(value > Double.NEGATIVE_INFINITY)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (a != null) {
            System.arraycopy(alpha, 0, a, 0, size);
        }
        if (logGradient != null) {
            gradient(logGradient);
        }
        return value;
    }

    private void fillCovariance() {
        // correlation holds sum_j d_j / l_j^2 first, then its exponential; the sum takes four dimensions per
        // pass, in order, to read and write it fewer times
        Arrays.fill(correlation, 0);
        int j = 0;
        for (; j + 3 < inverseSquares.length; j += 4) {
            double[] differences0 = squaredDifferences[j];
            double[] differences1 = squaredDifferences[j + 1];
            double[] differences2 = squaredDifferences[j + 2];
            double[] differences3 = squaredDifferences[j + 3];
            double weight0 = inverseSquares[j];
            double weight1 = inverseSquares[j + 1];
            double weight2 = inverseSquares[j + 2];
            double weight3 = inverseSquares[j + 3];
            for (int pair = 0; pair < correlation.length; pair++) {
                correlation[pair] = correlation[pair] + differences0[pair] * weight0 + differences1[pair] * weight1
                        + differences2[pair] * weight2 + differences3[pair] * weight3;
            }
        }
        for (; j < inverseSquares.length; j++) {
            double[] differences = squaredDifferences[j];
            double weight = inverseSquares[j];
            for (int pair = 0; pair < correlation.length; pair++) {
                correlation[pair] += differences[pair] * weight;
            }
        }
        // the lower triangle only: the factorisation reads no more
        double[][] c = cholesky.matrix();
        int pair = 0;
        for (int i = 0; i < size; i++) {
            double[] row = c[i];
            for (int k = 0; k < i; k++) {
                double r = Math.exp(-0.5 * correlation[pair]);
                correlation[pair++] = r;
                row[k] = signalVariance * r;
            }
            row[i] = signalVariance + noise + JITTER;
        }
    }

    /**
     * The gradient in log-parameter space at the latest {@link #evaluate}, which must have been finite:
     * 0.5 tr(W dK/dlog t) with W = a a^T - K^-1 symmetric, from its diagonal and the pairs i &gt; k. Apart
     * from the value because it costs twice as much (K^-1), and a line search needs it only at the points
     * it accepts.
     */
    void gradient(double[] logGradient) {
        cholesky.invertLower(inverse);
        double diagonal = 0;
        double offDiagonal = 0;
        int pair = 0;
        for (int i = 0; i < size; i++) {
            double[] inverseRow = inverse[i];
            for (int k = 0; k < i; k++) {
                double q = (alpha[i] * alpha[k] - inverseRow[k]) * signalVariance * correlation[pair];
                pairWeights[pair++] = q;
                offDiagonal += q;
            }
            diagonal += alpha[i] * alpha[i] - inverseRow[i];
        }
        logGradient[0] = 0.5 * signalVariance * diagonal + offDiagonal;
        // dK_ik/dlog l_j = s2 R_ik (x_ij - x_kj)^2 / l_j^2; each pair counts twice in the trace. Four
        // dimensions per pass over the pairs, each summed in pair order, so that the sums do not wait on
        // one another.
        int j = 0;
        for (; j + 3 < inverseSquares.length; j += 4) {
            double[] differences0 = squaredDifferences[j];
            double[] differences1 = squaredDifferences[j + 1];
            double[] differences2 = squaredDifferences[j + 2];
            double[] differences3 = squaredDifferences[j + 3];
            double sum0 = 0;
            double sum1 = 0;
            double sum2 = 0;
            double sum3 = 0;
            for (pair = 0; pair < pairWeights.length; pair++) {
                double q = pairWeights[pair];
                sum0 += q * differences0[pair];
                sum1 += q * differences1[pair];
                sum2 += q * differences2[pair];
                sum3 += q * differences3[pair];
            }
            logGradient[1 + j] = sum0 * inverseSquares[j];
            logGradient[2 + j] = sum1 * inverseSquares[j + 1];
            logGradient[3 + j] = sum2 * inverseSquares[j + 2];
            logGradient[4 + j] = sum3 * inverseSquares[j + 3];
        }
        for (; j < inverseSquares.length; j++) {
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
