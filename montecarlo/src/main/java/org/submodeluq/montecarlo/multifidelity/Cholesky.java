package org.submodeluq.montecarlo.multifidelity;

import java.util.stream.IntStream;

/** Solves the small symmetric positive definite systems of control-variate weights (k is 1 to 3). */
final class Cholesky {

    /** Pivots below this fraction of their diagonal entry mean the surrogates are collinear. */
    private static final double COLLINEAR = 1e-12;

    private Cholesky() {
    }

    /**
     * Solves {@code A x = b}, with {@code x_i = 0} wherever {@code A_ii = 0}: a surrogate constant on all its
     * values (an exceedance indicator beyond its range) gets no weight instead of breaking the system.
     *
     * @throws IllegalArgumentException if the remaining surrogates are collinear
     */
    static double[] solveSkippingZeroDiagonal(double[][] a, double[] b) {
        int[] active = IntStream.range(0, b.length).filter(i -> a[i][i] > 0).toArray();
        int m = active.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[active[i]][active[j]];
                for (int p = 0; p < j; p++) {
                    sum -= l[i][p] * l[j][p];
                }
                if (i == j) {
                    if (sum <= COLLINEAR * a[active[i]][active[i]]) {
                        throw new IllegalArgumentException("surrogate " + (active[i] + 1)
                                + " is (almost) a linear combination of the surrogates before it: drop it");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = b[active[i]];
            for (int p = 0; p < i; p++) {
                sum -= l[i][p] * w[p];
            }
            w[i] = sum / l[i][i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double sum = w[i];
            for (int p = i + 1; p < m; p++) {
                sum -= l[p][i] * w[p];
            }
            w[i] = sum / l[i][i];
        }
        double[] x = new double[b.length];
        for (int i = 0; i < m; i++) {
            x[active[i]] = w[i];
        }
        return x;
    }
}
