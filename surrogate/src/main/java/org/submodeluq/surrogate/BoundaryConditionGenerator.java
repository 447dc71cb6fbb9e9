package org.submodeluq.surrogate;

/**
 * A stochastic generator of samples shaped like its training data (boundary traces: nodes x 2 x
 * steps, flattened row-major). Sampling is reproducible: the same n and seed give the same samples.
 */
public interface BoundaryConditionGenerator {

    /** What kind of generator this is. */
    GeneratorKind kind();

    /** The shape of one sample before flattening. */
    int[] featureShape();

    /**
     * Draws samples.
     *
     * @return n rows of prod(featureShape) values
     */
    double[][] sample(int n, long seed);
}
