package org.submodeluq.matformer.encoder;

import org.submodeluq.core.UserInputException;

/**
 * Standardisation of each trace channel by its mean and standard deviation over the training runs and
 * steps, so that the y displacement of a node far from the load counts as much as that of a node near
 * it; and the cut of a standardised run into the encoder's tokens.
 *
 * @param mean per channel
 * @param scale per channel: the standard deviation, or 1 where a channel never moves
 */
public record ChannelScaling(double[] mean, double[] scale) {

    public ChannelScaling {
        if (mean.length != scale.length) {
            throw new UserInputException("channel scaling: " + mean.length + " means for " + scale.length + " scales");
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /** The scaling of the runs in {@code set}. */
    public static ChannelScaling of(TraceSet set) {
        int channels = set.channels();
        int steps = set.steps();
        double[] mean = new double[channels];
        double[] scale = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double squares = 0;
            for (double[] run : set.runs()) {
                for (int s = 0; s < steps; s++) {
                    sum += run[c * steps + s];
                }
            }
            mean[c] = sum / ((double) set.size() * steps);
            for (double[] run : set.runs()) {
                for (int s = 0; s < steps; s++) {
                    double deviation = run[c * steps + s] - mean[c];
                    squares += deviation * deviation;
                }
            }
            double std = Math.sqrt(squares / ((double) set.size() * steps));
            scale[c] = std > 0 ? std : 1;
        }
        return new ChannelScaling(mean, scale);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    public int channels() {
        return mean.length;
    }

    /**
     * Run {@code run} (row-major channel, step) standardised and cut into tokens: token t holds steps
     * t patch .. (t + 1) patch - 1 of every channel, value (t, c, s) at {@code (t channels + c) patch + s}.
     */
    public float[] tokens(double[] run, int steps, int patch) {
        int channels = mean.length;
        float[] tokens = new float[channels * steps];
        for (int c = 0; c < channels; c++) {
            for (int step = 0; step < steps; step++) {
                int t = step / patch;
                tokens[(t * channels + c) * patch + step % patch] = (float) ((run[c * steps + step] - mean[c])
                        / scale[c]);
            }
        }
        return tokens;
    }
}
