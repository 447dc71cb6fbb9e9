package org.submodeluq.montecarlo;

import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorKind;

/**
 * A generator with a known push-forward: one fixed set of traces scaled by a ~ U(0.5, 1.5). The
 * submodel is linear and a > 0, so each sample's peak centre displacement is a times the fixed
 * traces', and its mean is exactly theirs.
 */
final class ScaledTraces implements BoundaryConditionGenerator {

    private final double[] base;
    private final int[] shape;
    private final long failAtSample;
    private final boolean fatal;

    /** @param failAtSample the first sample index whose draw throws, to simulate a crash; -1 for never */
    ScaledTraces(BoundaryTraces base, long failAtSample) {
        this(base, failAtSample, false);
    }

    /** @param fatal whether the crash is an {@link Error} (as out of memory would be) rather than an exception */
    ScaledTraces(BoundaryTraces base, long failAtSample, boolean fatal) {
        double[][][] nested = base.toArray();
        this.shape = new int[] {nested.length, 2, nested[0][0].length};
        this.base = new double[shape[0] * 2 * shape[2]];
        int k = 0;
        for (double[][] node : nested) {
            for (double[] component : node) {
                for (double value : component) {
                    this.base[k++] = value;
                }
            }
        }
        this.failAtSample = failAtSample;
        this.fatal = fatal;
    }

    static double scale(long seed, long index) {
        return 0.5 + KeyedStreams.stream(seed, index).nextDouble();
    }

    @Override
    public GeneratorKind kind() {
        return GeneratorKind.EMPIRICAL;
    }

    @Override
    public int[] featureShape() {
        return shape.clone();
    }

    @Override
    public double[][] sample(long seed, long first, int n) {
        if (failAtSample >= 0 && first + n > failAtSample) {
            String message = "simulated crash at sample " + failAtSample;
            if (fatal) {
                throw new AssertionError(message);
            }
            throw new IllegalStateException(message);
        }
        double[][] rows = new double[n][base.length];
        for (int i = 0; i < n; i++) {
            double a = scale(seed, first + i);
            for (int k = 0; k < base.length; k++) {
                rows[i][k] = a * base[k];
            }
        }
        return rows;
    }
}
