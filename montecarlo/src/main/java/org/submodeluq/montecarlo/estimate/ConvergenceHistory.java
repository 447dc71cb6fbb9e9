package org.submodeluq.montecarlo.estimate;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * The running mean and its normal-interval half-width at geometrically spaced sample counts: what a
 * convergence plot draws, to show that the estimate settled. {@code n} is strictly increasing and ends
 * at the full sample count. The arrays are copied in and out, and equality compares their contents.
 */
public record ConvergenceHistory(long[] n, double[] mean, double[] halfWidth) {

    /** Grid points per decade of sample count. */
    public static final int POINTS_PER_DECADE = 10;

    /** Checks the three arrays line up and takes copies. */
    public ConvergenceHistory {
        if (mean.length != n.length || halfWidth.length != n.length) {
            throw new IllegalArgumentException("convergence history arrays differ in length: n " + n.length
                    + ", mean " + mean.length + ", halfWidth " + halfWidth.length);
        }
        n = n.clone();
        mean = mean.clone();
        halfWidth = halfWidth.clone();
    }

    /**
     * The history of {@code x} in one streaming pass, at counts {@code round(start · 10^(k/10))},
     * {@code start} = 10 (2 below 10 samples), duplicates dropped, plus {@code x.length} itself.
     */
    public static ConvergenceHistory of(double[] x, double level) {
        if (x.length < 2) {
            throw new IllegalArgumentException("a convergence history needs at least 2 samples, got " + x.length);
        }
        long[] grid = grid(x.length);
        double[] mean = new double[grid.length];
        double[] halfWidth = new double[grid.length];
        RunningMoments moments = new RunningMoments();
        int point = 0;
        for (double value : x) {
            moments.add(value);
            if (moments.count() == grid[point]) {
                mean[point] = moments.mean();
                halfWidth[point] = moments.normalInterval(level).halfWidth();
                point++;
            }
        }
        return new ConvergenceHistory(grid, mean, halfWidth);
    }

    private static long[] grid(int samples) {
        long start = samples < 10 ? 2 : 10;
        LongStream inside = LongStream.iterate(0, k -> k + 1)
                .map(k -> Math.round(start * Math.pow(10, (double) k / POINTS_PER_DECADE)))
                .takeWhile(count -> count < samples)
                .distinct();
        return LongStream.concat(inside, LongStream.of(samples)).toArray();
    }

    @Override
    public long[] n() {
        return n.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] halfWidth() {
        return halfWidth.clone();
    }

    /** The number of grid points. */
    public int size() {
        return n.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConvergenceHistory that && Arrays.equals(n, that.n)
                && Arrays.equals(mean, that.mean) && Arrays.equals(halfWidth, that.halfWidth);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(n) + Arrays.hashCode(mean)) + Arrays.hashCode(halfWidth);
    }

    @Override
    public String toString() {
        return "ConvergenceHistory[n=" + Arrays.toString(n) + ", mean=" + Arrays.toString(mean)
                + ", halfWidth=" + Arrays.toString(halfWidth) + "]";
    }
}
