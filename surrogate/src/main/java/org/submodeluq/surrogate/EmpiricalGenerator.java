package org.submodeluq.surrogate;

import org.submodeluq.surrogate.data.SampleMatrix;

/** Draws training samples uniformly with replacement: no generalisation, the sanity reference. */
public final class EmpiricalGenerator implements BoundaryConditionGenerator {

    private final SampleMatrix train;

    public EmpiricalGenerator(SampleMatrix train) {
        this.train = train;
    }

    /** The samples it draws from. */
    public SampleMatrix train() {
        return train;
    }

    @Override
    public GeneratorKind kind() {
        return GeneratorKind.EMPIRICAL;
    }

    @Override
    public int[] featureShape() {
        return train.featureShape();
    }

    @Override
    public double[][] sample(long seed, long first, int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = train.rows()[GeneratorStreams.of(seed, first + i).nextInt(train.size())].clone();
        }
        return rows;
    }
}
