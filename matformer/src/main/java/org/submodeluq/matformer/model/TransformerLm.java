package org.submodeluq.matformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.submodeluq.core.UserInputException;

/**
 * A decoder-only byte-level transformer held as named NDArrays and written as a function of them, so
 * that one forward pass can use only the first {@code m_l} hidden neurons of layer l's feed-forward
 * network (rows of W1, columns of W2 in the paper's notation; here columns of {@code w1}, rows of
 * {@code w2}). A nested MatFormer and the plain models extracted from it run this same code, which is
 * why their logits agree.
 *
 * <p>Parameters, float32: {@code embedding} (256, d); {@code positions} (context, d) when learned;
 * per layer l {@code l.ln1.gamma}, {@code l.ln1.beta}, {@code l.wqkv} (d, 3d: the query, key and value
 * projections side by side, so that one product makes all three), {@code l.wo} (d, d), {@code l.ln2.gamma}, {@code l.ln2.beta}, {@code l.w1} (d, w_l), {@code l.b1}
 * (w_l), {@code l.w2} (w_l, d), {@code l.b2} (d); {@code final.gamma}, {@code final.beta}, {@code head}
 * (d, 256), {@code head.bias} (256).
 */
public final class TransformerLm {

    private static final float EPSILON = 1e-5f;
    private static final float MASKED = -1e9f;

    private final LmShape shape;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final NDArray sinusoids;
    private final NDArray attentionScale;
    private final NDArray causalMask;

    private TransformerLm(LmShape shape, NDManager manager, Map<String, NDArray> parameters) {
        this.shape = shape;
        this.manager = manager;
        this.parameters = parameters;
        this.sinusoids = shape.positions() == LmShape.Positions.SINUSOIDAL ? owned(sinusoids(manager, shape)) : null;
        this.attentionScale = owned(manager.create((float) (1 / Math.sqrt(shape.dModel() / shape.heads()))));
        this.causalMask = owned(causalMask(manager, shape.context()));
    }

    /**
     * A copy in memory libtorch allocates itself. An array made from Java data wraps a Java direct
     * buffer; when autograd saves such an array for the backward pass (a constant factor of a product
     * does) and the garbage collector frees the buffer first, the gradient reads freed memory. This is
     * also why constants are never passed as Java numbers into differentiated products: DJL wraps
     * each in such a buffer.
     */
    private static NDArray owned(NDArray array) {
        NDArray copy = array.duplicate();
        array.close();
        return copy;
    }

    /**
     * A model with GPT-2's initialisation: weights N(0, 0.02), the two projections into the residual
     * stream scaled by 1 / sqrt(2 layers), LayerNorm gains 1, biases 0; drawn from {@code rng} in the
     * order of {@link #shapes}, so one seed gives one model.
     */
    public static TransformerLm initialised(NDManager manager, LmShape shape, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        double residual = 0.02 / Math.sqrt(2.0 * shape.layers());
        for (Map.Entry<String, Shape> entry : shapes(shape).entrySet()) {
            String name = entry.getKey();
            float[] values = new float[(int) entry.getValue().size()];
            if (name.endsWith("gamma")) {
                Arrays.fill(values, 1f);
            } else if (!name.endsWith("beta") && !name.endsWith("b1") && !name.endsWith("b2")
                    && !name.endsWith("bias")) {
                double std = name.endsWith(".wo") || name.endsWith(".w2") ? residual : 0.02;
                for (int k = 0; k < values.length; k++) {
                    values[k] = (float) (std * gaussian.sample());
                }
            }
            parameters.put(name, manager.create(values, entry.getValue()));
        }
        return of(manager, shape, parameters);
    }

    /**
     * A model with the given parameters, which must have exactly the names and shapes {@link #shapes}
     * lists; each is copied into libtorch's own memory ({@link #owned}).
     */
    public static TransformerLm of(NDManager manager, LmShape shape, Map<String, NDArray> parameters) {
        Map<String, Shape> expected = shapes(shape);
        if (!expected.keySet().equals(parameters.keySet())) {
            throw new UserInputException("model parameters " + parameters.keySet() + " do not match a model of shape "
                    + shape);
        }
        Map<String, NDArray> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> entry : expected.entrySet()) {
            NDArray array = parameters.get(entry.getKey());
            if (!array.getShape().equals(entry.getValue())) {
                throw new UserInputException("parameter " + entry.getKey() + " has shape " + array.getShape() + "; a model "
                        + "of shape " + shape + " needs " + entry.getValue());
            }
            NDArray parameter = owned(array);
            parameter.setRequiresGradient(true);
            ordered.put(entry.getKey(), parameter);
        }
        return new TransformerLm(shape, manager, ordered);
    }

    /** Names and shapes of the parameters of a model of {@code shape}, in a fixed order. */
    public static Map<String, Shape> shapes(LmShape shape) {
        int d = shape.dModel();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("embedding", new Shape(LmShape.VOCABULARY, d));
        if (shape.positions() == LmShape.Positions.LEARNED) {
            shapes.put("positions", new Shape(shape.context(), d));
        }
        for (int l = 0; l < shape.layers(); l++) {
            int w = shape.ffnWidths()[l];
            shapes.put(l + ".ln1.gamma", new Shape(d));
            shapes.put(l + ".ln1.beta", new Shape(d));
            shapes.put(l + ".wqkv", new Shape(d, 3L * d));
            shapes.put(l + ".wo", new Shape(d, d));
            shapes.put(l + ".ln2.gamma", new Shape(d));
            shapes.put(l + ".ln2.beta", new Shape(d));
            shapes.put(l + ".w1", new Shape(d, w));
            shapes.put(l + ".b1", new Shape(w));
            shapes.put(l + ".w2", new Shape(w, d));
            shapes.put(l + ".b2", new Shape(d));
        }
        shapes.put("final.gamma", new Shape(d));
        shapes.put("final.beta", new Shape(d));
        shapes.put("head", new Shape(d, LmShape.VOCABULARY));
        shapes.put("head.bias", new Shape(LmShape.VOCABULARY));
        return shapes;
    }

    public LmShape shape() {
        return shape;
    }

    public NDManager manager() {
        return manager;
    }

    /** The parameters by name, in the order of {@link #shapes}. */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The parameters in the order of {@link #shapes}. */
    public List<NDArray> parameterList() {
        return new ArrayList<>(parameters.values());
    }

    /**
     * Logits of the next byte after each position.
     *
     * @param tokens (B, T) int64 bytes
     * @param hidden the feed-forward width each layer uses, at most its own
     * @param cache keys and values of the positions before these (and it receives theirs); null for none
     * @return (B, T, 256)
     */
    public NDArray forward(NDArray tokens, int[] hidden, KvCache cache) {
        requireHidden(hidden);
        int offset = cache == null ? 0 : cache.length();
        int length = (int) tokens.getShape().get(1);
        if (offset + length > shape.context()) {
            throw new UserInputException("a sequence of " + (offset + length) + " tokens is longer than the model's "
                    + "context of " + shape.context());
        }
        NDArray x = tokens.getNDArrayInternal().embedding(tokens, p("embedding"), SparseFormat.DENSE).get(0);
        NDArray table = sinusoids != null ? sinusoids : p("positions");
        x = x.add(table.get(new NDIndex("{}:{}", offset, offset + length)));
        for (int l = 0; l < shape.layers(); l++) {
            NDArray normed = norm(x, l + ".ln1");
            x = x.add(attention(normed, l, offset, cache));
            x = x.add(feedForward(norm(x, l + ".ln2"), l, hidden[l]));
        }
        return norm(x, "final").matMul(p("head")).add(p("head.bias"));
    }

    /** An empty KV cache for one sequence of this model, as long as its context. */
    public KvCache newCache() {
        return new KvCache(manager, shape.layers(), shape.context());
    }

    /** The full width of every layer. */
    public int[] fullWidths() {
        return shape.ffnWidths();
    }

    private void requireHidden(int[] hidden) {
        if (hidden.length != shape.layers()) {
            throw new UserInputException("a configuration of " + hidden.length + " layer widths for a model of "
                    + shape.layers() + " layers");
        }
        for (int l = 0; l < hidden.length; l++) {
            if (hidden[l] < 1 || hidden[l] > shape.ffnWidths()[l]) {
                throw new UserInputException("layer " + l + " cannot use " + hidden[l] + " hidden neurons: it has "
                        + shape.ffnWidths()[l]);
            }
        }
    }

    private NDArray attention(NDArray x, int layer, int offset, KvCache cache) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        int heads = shape.heads();
        int headWidth = shape.dModel() / heads;
        NDList qkv = x.matMul(p(layer + ".wqkv")).reshape(batch, length, 3L * heads, headWidth).transpose(0, 2, 1, 3)
                .split(3, 1); // 3 x (B, heads, T, d_head)
        NDArray q = qkv.get(0);
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);
        if (cache != null) {
            NDArray[] keysValues = cache.append(layer, k, v);
            k = keysValues[0];
            v = keysValues[1];
        }
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(attentionScale);
        if (length > 1) {
            long keys = k.getShape().get(2);
            scores = scores.add(causalMask.get(new NDIndex().addSliceDim(offset, offset + length).addSliceDim(0, keys)));
        }
        NDArray weights = scores.softmax(-1);
        NDArray merged = weights.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, shape.dModel());
        return merged.matMul(p(layer + ".wo"));
    }

    /**
     * 0 where query i may see key j (j <= i), a large negative number elsewhere, (context, context); the
     * queries at positions offset to offset + t - 1 use rows offset to offset + t - 1. One query, the
     * newest position, sees every key and needs no mask.
     */
    private static NDArray causalMask(NDManager manager, int context) {
        float[] mask = new float[context * context];
        for (int i = 0; i < context; i++) {
            for (int j = i + 1; j < context; j++) {
                mask[i * context + j] = MASKED;
            }
        }
        return manager.create(mask, new Shape(context, context));
    }

    /** GELU(x W1[:, :m] + b1[:m]) W2[:m, :] + b2: the first m hidden neurons only. */
    private NDArray feedForward(NDArray x, int layer, int m) {
        NDArray w1 = p(layer + ".w1");
        NDArray b1 = p(layer + ".b1");
        NDArray w2 = p(layer + ".w2");
        if (m < shape.ffnWidths()[layer]) {
            w1 = w1.get(new NDIndex(":, :{}", m));
            b1 = b1.get(new NDIndex(":{}", m));
            w2 = w2.get(new NDIndex(":{}, :", m));
        }
        return Activation.gelu(x.matMul(w1).add(b1)).matMul(w2).add(p(layer + ".b2"));
    }

    private NDArray norm(NDArray x, String prefix) {
        return LayerNorm.layerNorm(x, new Shape(shape.dModel()), p(prefix + ".gamma"), p(prefix + ".beta"), EPSILON)
                .get(0);
    }

    private NDArray p(String name) {
        return parameters.get(name);
    }

    private static NDArray sinusoids(NDManager manager, LmShape shape) {
        int d = shape.dModel();
        float[] table = new float[shape.context() * d];
        for (int position = 0; position < shape.context(); position++) {
            for (int i = 0; i < d; i += 2) {
                double angle = position / StrictMath.pow(10000, (double) i / d);
                table[position * d + i] = (float) StrictMath.sin(angle);
                if (i + 1 < d) {
                    table[position * d + i + 1] = (float) StrictMath.cos(angle);
                }
            }
        }
        return manager.create(table, new Shape(shape.context(), d)).toType(DataType.FLOAT32, false);
    }
}
