package org.submodeluq.surrogate.conditional;

import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.gan.WganGpGenerator;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * The conditional WGAN-GP as a generator of traces: the network draws unit-amplitude traces given the
 * standardised conditioning inputs, and the amplitude, when conditioned, multiplies them exactly. The
 * duration stays a network input: dividing out a reference pulse, as the mean map does, would amplify
 * a network's sample noise by the pulse's condition number (up to 4e3 on the default case).
 */
public final class ConditionalGanGenerator implements ConditionalGenerator {

    private final Conditioning conditioning;
    private final CaseSpec trainedCase;
    private final LoadStructure structure;
    private final InputFeatures features;
    private final PcaReduction reduction;
    private final WganGpGenerator network;

    /**
     * @param structure the load's structure; only its amplitude factor is used
     * @param features the network's condition inputs
     * @param reduction the principal components the network generates coefficients of
     * @param network the trained generator network, conditioned on {@code features}
     */
    public ConditionalGanGenerator(Conditioning conditioning, CaseSpec trainedCase, LoadStructure structure,
                                   InputFeatures features, PcaReduction reduction, WganGpGenerator network) {
        this.conditioning = conditioning;
        this.trainedCase = trainedCase;
        this.structure = structure;
        this.features = features;
        this.reduction = reduction;
        this.network = network;
    }

    @Override
    public GeneratorKind kind() {
        return GeneratorKind.CONDITIONAL_WGAN_GP;
    }

    @Override
    public int[] featureShape() {
        return network.featureShape();
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
        double[][] traces = network.sample(seed, first, n, features.apply(inputs));
        for (int i = 0; i < n; i++) {
            double scale = structure.scale(inputs[i]);
            for (int j = 0; j < traces[i].length; j++) {
                traces[i][j] *= scale;
            }
        }
        return traces;
    }

    /** The load's structure (amplitude factor only). */
    public LoadStructure structure() {
        return structure;
    }

    /** The network's condition inputs. */
    public InputFeatures features() {
        return features;
    }

    /** The components the network generates coefficients of. */
    public PcaReduction reduction() {
        return reduction;
    }

    /** The network. */
    public WganGpGenerator network() {
        return network;
    }
}
