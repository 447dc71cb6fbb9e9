package org.submodeluq.surrogate.gan;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.submodeluq.core.UserInputException;
import org.submodeluq.nn.Mlp;
import org.submodeluq.surrogate.StandardNormals;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * A trained WGAN-GP generator: Gaussian noise z, followed by the m condition features c of a conditional
 * generator, through the generator network gives whitened principal-component coefficients, which the
 * reduction maps back to samples. Sample i of a seed takes its noise from stream i whatever its
 * conditions, so the same seed and conditions give the same samples in any order. Holds its weights as
 * plain arrays and builds the network on each call, so it owns no native memory between calls.
 */
public final class WganGpGenerator implements BoundaryConditionGenerator {

    private final PcaReduction reduction;
    private final int[] featureShape;
    private final int[] widths;
    private final int conditionWidth;
    private final List<double[]> parameters;
    private final Device device;

    /**
     * @param widths the generator network's layer widths, input (latent + conditionWidth) first
     * @param conditionWidth m, the trailing inputs that take the conditions; 0 for an unconditional generator
     * @param parameters its weights then biases, layer by layer
     */
    public WganGpGenerator(PcaReduction reduction, int[] featureShape, int[] widths, int conditionWidth,
                           List<double[]> parameters, Device device) {
        if (conditionWidth < 0 || conditionWidth >= widths[0]) {
            throw new IllegalArgumentException("condition width " + conditionWidth + " leaves no latent input of "
                    + widths[0]);
        }
        this.reduction = reduction;
        this.featureShape = featureShape.clone();
        this.widths = widths.clone();
        this.conditionWidth = conditionWidth;
        this.parameters = List.copyOf(parameters);
        this.device = device;
    }

    /** The generator network's layer widths, input (latent + conditionWidth) first. */
    public int[] widths() {
        return widths.clone();
    }

    /** m, the number of condition features each sample needs; 0 for an unconditional generator. */
    public int conditionWidth() {
        return conditionWidth;
    }

    /** Weights then biases, layer by layer. */
    public List<double[]> parameters() {
        return parameters;
    }

    @Override
    public GeneratorKind kind() {
        return GeneratorKind.WGAN_GP;
    }

    @Override
    public int[] featureShape() {
        return featureShape.clone();
    }

    /**
     * Samples of an unconditional generator.
     *
     * @throws UserInputException when the generator needs conditions
     */
    @Override
    public double[][] sample(long seed, long first, int n) {
        if (conditionWidth != 0) {
            throw new UserInputException("this WGAN-GP generator is conditioned on " + conditionWidth
                    + " features: each sample needs its conditions");
        }
        return sample(seed, first, n, new double[n][0]);
    }

    /**
     * Draws samples {@code first, ..., first + n - 1} of the sequence that {@code seed} defines, sample
     * {@code first + i} at conditions row i.
     *
     * @param conditions n rows of {@link #conditionWidth()} features, scaled as in training
     * @return n rows of prod(featureShape) values
     */
    public double[][] sample(long seed, long first, int n, double[][] conditions) {
        if (conditions.length != n) {
            throw new IllegalArgumentException(n + " samples but " + conditions.length + " condition rows");
        }
        double[][] latent = StandardNormals.rows(seed, first, n, widths[0] - conditionWidth);
        double[][] inputs = new double[n][];
        for (int i = 0; i < n; i++) {
            if (conditions[i].length != conditionWidth) {
                throw new IllegalArgumentException("condition row " + i + " has " + conditions[i].length
                        + " features; the generator takes " + conditionWidth);
            }
            inputs[i] = ConditionedSamples.joined(latent[i], conditions[i]);
        }
        return reduction.decode(coefficients(inputs));
    }

    /** Whitened principal-component coefficients, one row per row of network input [z, c]. */
    private double[][] coefficients(double[][] inputs) {
        int n = inputs.length;
        double[] flatInputs = new double[n * widths[0]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inputs[i], 0, flatInputs, i * widths[0], widths[0]);
        }
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Mlp network = Mlp.of(manager, widths, parameters, DataType.FLOAT64, false);
            NDArray output = network.forward(manager.create(flatInputs, new Shape(n, widths[0])));
            double[] flat = output.toDoubleArray();
            int k = widths[widths.length - 1];
            double[][] z = new double[n][k];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * k, z[i], 0, k);
            }
            return z;
        }
    }
}
