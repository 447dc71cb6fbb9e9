package org.submodeluq.surrogate;

import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * The linear baseline: principal-component coefficients drawn independent and Gaussian with the
 * training variances (whitened coefficients standard normal), mapped back to samples. Exact for Gaussian
 * data up to the discarded components; blind to anything a covariance does not capture.
 */
public final class PcaGaussianGenerator implements BoundaryConditionGenerator {

    private final PcaReduction reduction;
    private final int[] featureShape;

    public PcaGaussianGenerator(PcaReduction reduction, int[] featureShape) {
        this.reduction = reduction;
        this.featureShape = featureShape.clone();
    }

    @Override
    public GeneratorKind kind() {
        return GeneratorKind.PCA_GAUSSIAN;
    }

    @Override
    public int[] featureShape() {
        return featureShape.clone();
    }

    @Override
    public double[][] sample(long seed, long first, int n) {
        return reduction.decode(StandardNormals.rows(seed, first, n, reduction.components()));
    }
}
