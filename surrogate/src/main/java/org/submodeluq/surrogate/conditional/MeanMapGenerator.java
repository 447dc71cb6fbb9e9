package org.submodeluq.surrogate.conditional;

import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.StandardNormals;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * Traces as the mean map predicts them for the inputs, mapped back exactly through the load's structure,
 * plus (kind mean-map-residual) a residual drawn from a PCA-Gaussian fitted on the mean map's
 * cross-fitted residuals at unit amplitude, scaled by the amplitude. Residuals from the fitting runs
 * themselves would be too small (the map fits them); cross-fitted ones have the spread of a new run's.
 */
public final class MeanMapGenerator implements ConditionalGenerator {

    private final Conditioning conditioning;
    private final CaseSpec trainedCase;
    private final LoadStructure structure;
    private final MeanMap map;
    private final PcaReduction residual;
    private final int[] featureShape;

    /**
     * @param residual the residual model, or null for the mean map alone
     */
    public MeanMapGenerator(Conditioning conditioning, CaseSpec trainedCase, LoadStructure structure, MeanMap map,
                            PcaReduction residual, int[] featureShape) {
        this.conditioning = conditioning;
        this.trainedCase = trainedCase;
        this.structure = structure;
        this.map = map;
        this.residual = residual;
        this.featureShape = featureShape.clone();
    }

    @Override
    public GeneratorKind kind() {
        return residual == null ? GeneratorKind.MEAN_MAP : GeneratorKind.MEAN_MAP_RESIDUAL;
    }

    @Override
    public int[] featureShape() {
        return featureShape.clone();
    }

    @Override
    public Conditioning conditioning() {
        return conditioning;
    }

    @Override
    public CaseSpec trainedCase() {
        return trainedCase;
    }

    @Override
    public double[][] sample(long seed, long first, int n, double[][] inputs) {
        double[][] traces = predict(inputs);
        if (residual != null) {
            double[][] noise = residual.decode(StandardNormals.rows(seed, first, n, residual.components()));
            for (int i = 0; i < n; i++) {
                double scale = structure.scale(inputs[i]);
                for (int j = 0; j < traces[i].length; j++) {
                    traces[i][j] += scale * noise[i][j];
                }
            }
        }
        return traces;
    }

    /** The mean map's traces for these inputs (one row of all inputs per run). */
    public double[][] predict(double[][] inputs) {
        double[][] normalised = map.predict(inputs);
        double[][] traces = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            traces[i] = structure.restore(inputs[i], normalised[i]);
        }
        return traces;
    }

    /** The same mean map without its residual: kind mean-map. */
    public MeanMapGenerator withoutResidual() {
        return new MeanMapGenerator(conditioning, trainedCase, structure, map, null, featureShape);
    }

    /** The load's structure the map works in. */
    public LoadStructure structure() {
        return structure;
    }

    /** The regression. */
    public MeanMap map() {
        return map;
    }

    /** The residual model, or null for kind mean-map. */
    public PcaReduction residual() {
        return residual;
    }
}
