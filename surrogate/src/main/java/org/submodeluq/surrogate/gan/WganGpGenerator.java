package org.submodeluq.surrogate.gan;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.submodeluq.nn.Mlp;
import org.submodeluq.surrogate.StandardNormals;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * A trained WGAN-GP generator: Gaussian noise through the generator network gives whitened
 * principal-component coefficients, which the reduction maps back to samples. Holds its weights as
 * plain arrays and builds the network on each call, so it owns no native memory between calls.
 */
public final class WganGpGenerator implements BoundaryConditionGenerator {

    private final PcaReduction reduction;
    private final int[] featureShape;
    private final int[] widths;
    private final List<double[]> parameters;
    private final Device device;

    /**
     * @param widths the generator network's layer widths, latent first
     * @param parameters its weights then biases, layer by layer
     */
    public WganGpGenerator(PcaReduction reduction, int[] featureShape, int[] widths, List<double[]> parameters,
                           Device device) {
        this.reduction = reduction;
        this.featureShape = featureShape.clone();
        this.widths = widths.clone();
        this.parameters = List.copyOf(parameters);
        this.device = device;
    }

    /** The generator network's layer widths, latent first. */
    public int[] widths() {
        return widths.clone();
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

    @Override
    public double[][] sample(long seed, long first, int n) {
        return reduction.decode(coefficients(StandardNormals.rows(seed, first, n, widths[0])));
    }

    /** Whitened principal-component coefficients, one row per row of latent noise. */
    private double[][] coefficients(double[][] latent) {
        int n = latent.length;
        double[] noise = new double[n * widths[0]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(latent[i], 0, noise, i * widths[0], widths[0]);
        }
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Mlp network = Mlp.of(manager, widths, parameters, DataType.FLOAT64, false);
            NDArray output = network.forward(manager.create(noise, new Shape(n, widths[0])));
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
