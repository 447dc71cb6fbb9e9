package org.submodeluq.matformer.encoder;

import org.submodeluq.core.UserInputException;

/**
 * Runs' boundary traces as the encoder reads them: run i is {@code runs[i]}, row-major (channel, step)
 * with channel 2 node + component, the order of a training set's {@code /traces} and of a generator's
 * samples, so either is handed over without copying.
 *
 * @param channels displacement components on the cut boundary (2 per node)
 * @param steps time steps per run
 * @param runs one row of channels x steps values per run
 */
public record TraceSet(int channels, int steps, double[][] runs) {

    public TraceSet {
        UserInputException.require(channels >= 1, "channels", channels, "an integer >= 1");
        UserInputException.require(steps >= 1, "steps", steps, "an integer >= 1");
        if (runs.length == 0) {
            throw new UserInputException("traces: no runs (an empty set of " + channels + " x " + steps
                    + " traces): the encoder needs at least one");
        }
        for (int i = 0; i < runs.length; i++) {
            if (runs[i].length != channels * steps) {
                throw new UserInputException("traces: run " + i + " has " + runs[i].length + " values; "
                        + channels + " channels x " + steps + " steps need " + channels * steps);
            }
        }
    }

    public int size() {
        return runs.length;
    }

    /** The runs at {@code indices}, in that order. */
    public TraceSet select(int[] indices) {
        double[][] chosen = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            chosen[i] = runs[indices[i]];
        }
        return new TraceSet(channels, steps, chosen);
    }
}
