package org.submodeluq.matformer.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.submodeluq.core.UserInputException;

/**
 * The random views of a run that contrastive training matches: a window of consecutive tokens (the
 * same length for the batch, its start drawn per run, the tokens keeping their positions in the run),
 * every value multiplied by {@code exp(jitter g)} (one g per view) and Gaussian noise of standard
 * deviation {@code noise} added, in standardised units. Two views of one run share the run's shape
 * of response; the encoder learns to ignore what differs.
 *
 * @param shortest shortest window, as a fraction of the run's tokens
 * @param noise standard deviation of the added noise, in channel standard deviations
 * @param jitter standard deviation of the log amplitude factor
 */
public record Views(double shortest, double noise, double jitter) {

    /** Windows of at least half the run. */
    public static final double DEFAULT_SHORTEST = 0.5;
    /** A tenth of a channel's spread: far less than between runs. */
    public static final double DEFAULT_NOISE = 0.1;
    /** About 5 % in amplitude: runs of the training sets differ by more (the amplitude is an input). */
    public static final double DEFAULT_JITTER = 0.05;

    public Views {
        UserInputException.require(shortest > 0 && shortest <= 1, "shortest", shortest, "a fraction in (0, 1]");
        UserInputException.require(noise >= 0, "noise", noise, ">= 0");
        UserInputException.require(jitter >= 0, "jitter", jitter, ">= 0");
    }

    public static Views defaults() {
        return new Views(DEFAULT_SHORTEST, DEFAULT_NOISE, DEFAULT_JITTER);
    }

    /** A batch of views: tokens (B, L, width) and their positions (B, L). */
    public record Batch(NDArray tokens, NDArray positions) {
    }

    /**
     * One view of each run.
     *
     * @param runs each run's standardised tokens ({@link ChannelScaling#tokens}), T tokens of {@code width}
     * @param length tokens in each window, at most T
     */
    public Batch draw(float[][] runs, int tokens, int width, int length, UniformRandomProvider rng,
                      NDManager manager) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        float[] values = new float[runs.length * length * width];
        long[] positions = new long[runs.length * length];
        for (int i = 0; i < runs.length; i++) {
            int start = rng.nextInt(tokens - length + 1);
            double amplitude = Math.exp(jitter * gaussian.sample());
            for (int k = 0; k < length; k++) {
                positions[i * length + k] = start + k;
                for (int j = 0; j < width; j++) {
                    values[(i * length + k) * width + j] = (float) (amplitude * runs[i][(start + k) * width + j]
                            + noise * gaussian.sample());
                }
            }
        }
        return new Batch(manager.create(values, new Shape(runs.length, length, width)),
                manager.create(positions, new Shape(runs.length, length)));
    }

    /** The window length of a batch: uniform between the shortest window and the whole run. */
    public int length(int tokens, UniformRandomProvider rng) {
        int least = Math.max(1, (int) Math.ceil(shortest * tokens));
        return least + rng.nextInt(tokens - least + 1);
    }
}
