package org.submodeluq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A multilayer perceptron {@code x -> LeakyReLU(x W_0 + b_0) -> ... -> h W_L + b_L} (linear output,
 * no normalisation, as WGAN-GP critics need), held as plain NDArrays so that its input gradient can
 * be written out as NDArray operations and differentiated again by autograd.
 *
 * <p>Shapes: input (B, widths[0]), W_i (widths[i], widths[i+1]), b_i (1, widths[i+1]), output
 * (B, widths[L+1]). LeakyReLU has slope alpha = {@value #SLOPE} (as the float the engine's kernel
 * takes), and its derivative mask in {@link #inputGradient} uses the very same value.
 */
public final class Mlp {

    /** Negative slope of the LeakyReLU. */
    public static final float SLOPE = 0.2f;

    private final int[] widths;
    private final Scalars scalars;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> biases = new ArrayList<>();

    private Mlp(int[] widths, NDManager manager, DataType type) {
        this.widths = widths.clone();
        this.scalars = new Scalars(manager, type);
    }

    /**
     * A network with He-normal weights (variance 2 / fan-in; 1 / fan-in for the linear output layer)
     * and zero biases, drawn from {@code rng} so that the same seed gives the same bits on any engine.
     */
    public static Mlp initialised(NDManager manager, int[] widths, DataType type, UniformRandomProvider rng) {
        Mlp mlp = new Mlp(widths, manager, type);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i + 1 < widths.length; i++) {
            boolean last = i + 2 == widths.length;
            double std = Math.sqrt((last ? 1.0 : 2.0) / widths[i]);
            double[] w = new double[widths[i] * widths[i + 1]];
            for (int k = 0; k < w.length; k++) {
                w[k] = std * gaussian.sample();
            }
            mlp.add(manager, w, new double[widths[i + 1]], type, true);
        }
        return mlp;
    }

    /**
     * A network with the given parameters, in the order of {@link #export}: weight i row-major
     * (widths[i] x widths[i+1]), then bias i, layer by layer.
     *
     * @param trainable whether autograd tracks the parameters (not for averaged or sampling networks)
     */
    public static Mlp of(NDManager manager, int[] widths, List<double[]> parameters, DataType type,
                         boolean trainable) {
        Mlp mlp = new Mlp(widths, manager, type);
        for (int i = 0; i + 1 < widths.length; i++) {
            if (parameters.get(2 * i).length != widths[i] * widths[i + 1]
                    || parameters.get(2 * i + 1).length != widths[i + 1]) {
                throw new IllegalArgumentException("layer " + i + " parameters do not fit widths "
                        + java.util.Arrays.toString(widths));
            }
            mlp.add(manager, parameters.get(2 * i), parameters.get(2 * i + 1), type, trainable);
        }
        return mlp;
    }

    private void add(NDManager manager, double[] w, double[] b, DataType type, boolean trainable) {
        int layer = weights.size();
        NDArray weight = manager.create(w, new Shape(widths[layer], widths[layer + 1])).toType(type, false);
        NDArray bias = manager.create(b, new Shape(1, widths[layer + 1])).toType(type, false);
        weight.setRequiresGradient(trainable);
        bias.setRequiresGradient(trainable);
        weights.add(weight);
        biases.add(bias);
    }

    public int[] widths() {
        return widths.clone();
    }

    /** Broadcasting constants in the network's precision. */
    public Scalars scalars() {
        return scalars;
    }

    /** Weights then biases, layer by layer: the order optimisers and files use. */
    public List<NDArray> parameters() {
        List<NDArray> parameters = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            parameters.add(weights.get(i));
            parameters.add(biases.get(i));
        }
        return parameters;
    }

    /** The output and the pre-activations of the hidden layers, which the input gradient needs. */
    public record Pass(NDArray output, List<NDArray> preActivations) {
    }

    /** {@code f(x)}. */
    public NDArray forward(NDArray x) {
        return pass(x).output();
    }

    /** {@code f(x)} with the hidden layers' pre-activations kept. */
    public Pass pass(NDArray x) {
        List<NDArray> pre = new ArrayList<>();
        NDArray h = x;
        for (int i = 0; i < weights.size(); i++) {
            NDArray z = h.matMul(weights.get(i)).add(biases.get(i));
            if (i + 1 == weights.size()) {
                return new Pass(z, pre);
            }
            pre.add(z);
            h = Activation.leakyRelu(z, SLOPE);
        }
        throw new IllegalStateException("a network needs at least one layer");
    }

    /**
     * The gradient of a scalar-output network's output with respect to its input, one row per sample,
     * written out as NDArray operations on the weights so that autograd can differentiate it in turn:
     * {@code g = 1 W_L^T}, then through each hidden layer i downwards {@code g = (g * f'(z_i)) W_i^T},
     * with {@code f'(z) = 1} for z > 0 and alpha otherwise.
     */
    public NDArray inputGradient(Pass pass) {
        int last = weights.size() - 1;
        NDArray g = pass.output().onesLike().matMul(weights.get(last).transpose());
        NDArray zero = scalars.of(0);
        NDArray rise = scalars.of(1 - (double) SLOPE);
        NDArray slope = scalars.of(SLOPE);
        for (int i = last - 1; i >= 0; i--) {
            NDArray z = pass.preActivations().get(i);
            NDArray derivative = z.gt(zero).toType(scalars.type(), false).mul(rise).add(slope);
            g = g.mul(derivative).matMul(weights.get(i).transpose());
        }
        return g;
    }

    /** Parameters as plain arrays (weights then biases, layer by layer). */
    public List<double[]> export() {
        return parameters().stream().map(p -> p.toType(DataType.FLOAT64, false).toDoubleArray()).toList();
    }

    /** Overwrites the parameters with {@code values} (same order as {@link #export}). */
    public void load(List<double[]> values) {
        List<NDArray> parameters = parameters();
        for (int p = 0; p < parameters.size(); p++) {
            set(parameters.get(p), values.get(p));
        }
    }

    /** Copies values into an array in place, in the array's own precision. */
    static void set(NDArray target, double[] values) {
        if (target.getDataType() == DataType.FLOAT64) {
            target.set(values);
        } else {
            float[] narrowed = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                narrowed[i] = (float) values[i];
            }
            target.set(narrowed);
        }
    }
}
