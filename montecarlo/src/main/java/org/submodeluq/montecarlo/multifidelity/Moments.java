package org.submodeluq.montecarlo.multifidelity;

/** Sample means and covariances (divisor n - 1) by two passes. */
final class Moments {

    private Moments() {
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** The unbiased sample covariance of two equally long arrays. */
    static double covariance(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length - 1);
    }
}
