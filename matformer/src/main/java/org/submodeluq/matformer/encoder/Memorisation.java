package org.submodeluq.matformer.encoder;

import java.util.Arrays;

/**
 * A generator's memorisation check: how far each generated trace is from its nearest training run, in
 * the encoder's embedding space, against how far real runs the generator never saw (held out) are from
 * theirs. A generator that copies its training runs puts its samples much nearer than held-out runs
 * lie; one that generalises puts them about as near.
 *
 * @param trainingRuns each training run's distance to its nearest other training run
 * @param heldOut each held-out real run's distance to its nearest training run
 * @param generated each generated trace's distance to its nearest training run
 */
public record Memorisation(double[] trainingRuns, double[] heldOut, double[] generated) {

    /** Quantile levels {@link #quantiles} reports. */
    public static final double[] LEVELS = {0, 0.05, 0.5, 0.95};

    /** The distances ({@link Neighbours#distance}) of unit embeddings. */
    public static Memorisation of(float[][] training, float[][] heldOut, float[][] generated) {
        double[] own = new double[training.length];
        for (int i = 0; i < training.length; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < training.length; j++) {
                if (j != i) {
                    nearest = Math.min(nearest, Neighbours.distance(training[i], training[j]));
                }
            }
            own[i] = nearest;
        }
        return new Memorisation(own, nearest(training, heldOut), nearest(training, generated));
    }

    private static double[] nearest(float[][] training, float[][] queries) {
        double[] distances = new double[queries.length];
        for (int q = 0; q < queries.length; q++) {
            distances[q] = Neighbours.distance(training[Neighbours.nearest(training, queries[q], 1, null)[0]],
                    queries[q]);
        }
        return distances;
    }

    /**
     * The {@link #LEVELS} quantiles of {@code distances}, interpolated linearly between order statistics
     * (Hyndman and Fan's type 7, R's default); NaN for no data.
     */
    public static double[] quantiles(double[] distances) {
        double[] sorted = distances.clone();
        Arrays.sort(sorted);
        double[] quantiles = new double[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            if (sorted.length == 0) {
                quantiles[i] = Double.NaN;
                continue;
            }
            double h = (sorted.length - 1) * LEVELS[i];
            int below = (int) Math.floor(h);
            int above = Math.min(below + 1, sorted.length - 1);
            quantiles[i] = sorted[below] + (h - below) * (sorted[above] - sorted[below]);
        }
        return quantiles;
    }

    /**
     * The share of generated traces nearer their nearest training run than the 5 % quantile of the
     * held-out runs' distances: about 0.05 for a generator that samples like new real runs, near 1 for
     * one that copies.
     */
    public double shareCloserThanHeldOut() {
        double threshold = quantiles(heldOut)[1];
        return (double) Arrays.stream(generated).filter(d -> d < threshold).count() / generated.length;
    }
}
