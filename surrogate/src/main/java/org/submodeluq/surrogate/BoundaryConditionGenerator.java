package org.submodeluq.surrogate;

/**
 * A stochastic generator of samples shaped like its training data (boundary traces: nodes x 2 x
 * steps, flattened row-major). Sample i of a seed draws its randomness from its own stream
 * ({@link GeneratorStreams}), so a Monte Carlo campaign can draw any range of samples in
 * any order, on any thread, and get the same samples.
 */
public interface BoundaryConditionGenerator {

    /** What kind of generator this is. */
    GeneratorKind kind();

    /** The shape of one sample before flattening. */
    int[] featureShape();

    /**
     * Draws samples {@code first, ..., first + n - 1} of the sequence that {@code seed} defines.
     *
     * @return n rows of prod(featureShape) values
     */
    double[][] sample(long seed, long first, int n);

    /** Draws the first n samples of the sequence that {@code seed} defines. */
    default double[][] sample(int n, long seed) {
        return sample(seed, 0, n);
    }
}
