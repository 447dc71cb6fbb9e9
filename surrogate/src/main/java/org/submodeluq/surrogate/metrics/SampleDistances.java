package org.submodeluq.surrogate.metrics;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.submodeluq.core.random.KeyedStreams;

/** Distances between two sets of samples (rows), each a two-sample statistic with no tuning parameter. */
public final class SampleDistances {

    private SampleDistances() {
    }

    /**
     * Energy distance (Székely and Rizzo 2013), {@code 2 E|X - Y| - E|X - X'| - E|Y - Y'|} with the
     * Euclidean norm, between the two empirical distributions (V-statistics: the within-set means
     * include i = j). Never negative, zero only for identical samples; no kernel, no bandwidth. Its
     * floor for two samples of one distribution is about (E|X - X'|) (1/n + 1/m), which is what a
     * perfect generator scores.
     */
    public static double energy(double[][] x, double[][] y) {
        return 2 * meanDistance(x, y) - meanDistance(x, x) - meanDistance(y, y);
    }

    private static double meanDistance(double[][] a, double[][] b) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double squared = 0;
                for (int k = 0; k < a[i].length; k++) {
                    double difference = a[i][k] - b[j][k];
                    squared += difference * difference;
                }
                sum += Math.sqrt(squared);
                pairs++;
            }
        }
        return sum / pairs;
    }

    /**
     * Sliced Wasserstein-1: the 1D Wasserstein-1 distance between the projections of the two sets on
     * {@code directions} random unit vectors (seeded), averaged.
     */
    public static double slicedWasserstein1(double[][] x, double[][] y, int directions, long seed) {
        int d = x[0].length;
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(KeyedStreams.stream(seed, 0));
        double[] direction = new double[d];
        double total = 0;
        for (int l = 0; l < directions; l++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                direction[k] = gaussian.sample();
                norm += direction[k] * direction[k];
            }
            norm = Math.sqrt(norm);
            total += wasserstein1(project(x, direction, norm), project(y, direction, norm));
        }
        return total / directions;
    }

    private static double[] project(double[][] rows, double[] direction, double norm) {
        double[] projections = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            projections[i] = dot(rows[i], direction) / norm;
        }
        return projections;
    }

    /**
     * The dot product with four partial sums: a single running sum waits on each addition's latency,
     * and the metrics take dot products of traces with tens of thousands of values by the million.
     */
    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < a.length; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < a.length; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Wasserstein-1 between two empirical distributions on the line: the integral of |F^-1 - G^-1|. */
    public static double wasserstein1(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double distance = 0;
        double level = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            double nextX = (i + 1.0) / x.length;
            double nextY = (j + 1.0) / y.length;
            double next = Math.min(nextX, nextY);
            distance += (next - level) * Math.abs(x[i] - y[j]);
            level = next;
            if (nextX <= next) {
                i++;
            }
            if (nextY <= next) {
                j++;
            }
        }
        return distance;
    }

    /** Column means. */
    public static double[] mean(double[][] rows) {
        double[] mean = new double[rows[0].length];
        for (double[] row : rows) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += row[k] / rows.length;
            }
        }
        return mean;
    }
}
