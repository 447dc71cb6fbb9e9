package org.submodeluq.cases.report;

import org.submodeluq.montecarlo.estimate.Quantiles;
import org.submodeluq.montecarlo.estimate.RunningMoments;

/**
 * A Gaussian kernel density estimate with Silverman's rule-of-thumb bandwidth,
 * h = 0.9 min(s, IQR / 1.34) n^(-1/5) (Silverman 1986, eq. 3.31): smooth enough to overlay a few dozen
 * reference runs on thousands of Monte Carlo samples, where histograms of either size would disagree
 * by their binning alone.
 */
final class KernelDensity {

    private KernelDensity() {
    }

    /** Silverman's bandwidth of {@code x}; for samples without spread, a thousandth of their magnitude (or 1e-12). */
    static double bandwidth(double[] x) {
        double std = Math.sqrt(RunningMoments.of(x).variance());
        double[] quartiles = Quantiles.exact(x, 0.25, 0.75);
        double spread = Math.min(std, (quartiles[1] - quartiles[0]) / 1.34);
        if (!(spread > 0)) {
            spread = std > 0 ? std : Math.max(1e-3 * Math.abs(RunningMoments.of(x).mean()), 1e-12);
        }
        return 0.9 * spread * Math.pow(x.length, -0.2);
    }

    /** The estimate of {@code x}'s density at each point of {@code grid}. */
    static double[] at(double[] x, double[] grid) {
        double h = bandwidth(x);
        double norm = 1 / (x.length * h * Math.sqrt(2 * Math.PI));
        double[] density = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double sum = 0;
            for (double xi : x) {
                double u = (grid[g] - xi) / h;
                sum += Math.exp(-0.5 * u * u);
            }
            density[g] = norm * sum;
        }
        return density;
    }
}
