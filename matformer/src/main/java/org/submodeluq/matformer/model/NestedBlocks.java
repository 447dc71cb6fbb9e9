package org.submodeluq.matformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.submodeluq.core.UserInputException;

/**
 * The stack of pre-LayerNorm transformer blocks that the decoder ({@link TransformerLm}) and the
 * encoder ({@link org.submodeluq.matformer.encoder.TraceEncoder}) share: block l maps the residual
 * stream x to {@code x + Attn(LN1(x))}, then to {@code x + FFN_m(LN2(x))} with
 * {@code FFN_m(x) = GELU(x W1[:, :m] + b1[:m]) W2[:m, :] + b2}, the first m hidden neurons only, so that
 * one set of weights holds every MatFormer granularity. Attention is causal for the decoder,
 * bidirectional for the encoder.
 *
 * <p>Parameters of block l, float32, read by name from the owner's map: {@code l.ln1.gamma},
 * {@code l.ln1.beta}, {@code l.wqkv} (d, 3d: the query, key and value projections side by side, so that
 * one product makes all three), {@code l.wo} (d, d), {@code l.ln2.gamma}, {@code l.ln2.beta}, {@code l.w1}
 * (d, w_l), {@code l.b1} (w_l), {@code l.w2} (w_l, d), {@code l.b2} (d).
 */
public final class NestedBlocks {

    private static final float EPSILON = 1e-5f;
    private static final float MASKED = -1e9f;

    private final Map<String, NDArray> parameters;
    private final int dModel;
    private final int heads;
    private final int[] ffnWidths;
    private final NDArray attentionScale;
    private final NDArray causalMask;

    /**
     * @param parameters the owner's parameters by name, holding at least those of every block
     * @param causalContext the most positions causal attention sees (the decoder's context), 0 for a
     *     stack that only attends both ways
     */
    public NestedBlocks(NDManager manager, Map<String, NDArray> parameters, int dModel, int heads, int[] ffnWidths,
                        int causalContext) {
        this.parameters = parameters;
        this.dModel = dModel;
        this.heads = heads;
        this.ffnWidths = ffnWidths.clone();
        this.attentionScale = owned(manager.create((float) (1 / Math.sqrt(dModel / heads))));
        this.causalMask = causalContext > 0 ? owned(causalMask(manager, causalContext)) : null;
    }

    /** Adds the names and shapes of the blocks' parameters, in a fixed order, to {@code shapes}. */
    public static void putShapes(Map<String, Shape> shapes, int dModel, int[] ffnWidths) {
        int d = dModel;
        for (int l = 0; l < ffnWidths.length; l++) {
            int w = ffnWidths[l];
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
    }

    /**
     * GPT-2's initialisation of parameters named as here: weights N(0, 0.02), the two projections into
     * the residual stream ({@code wo}, {@code w2}) scaled by 1 / sqrt(2 layers), LayerNorm gains 1,
     * biases ({@code beta}, {@code b1}, {@code b2}, {@code *bias}) 0; drawn from {@code rng} in the order
     * of {@code shapes}, so one seed gives one model.
     */
    public static Map<String, NDArray> initialised(NDManager manager, Map<String, Shape> shapes, int layers,
                                                   UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        double residual = 0.02 / Math.sqrt(2.0 * layers);
        for (Map.Entry<String, Shape> entry : shapes.entrySet()) {
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
        return parameters;
    }

    /**
     * A copy in memory libtorch allocates itself. An array made from Java data wraps a Java direct
     * buffer; when autograd saves such an array for the backward pass (a constant factor of a product
     * does) and the garbage collector frees the buffer first, the gradient reads freed memory. This is
     * also why constants are never passed as Java numbers into differentiated products: DJL wraps
     * each in such a buffer.
     */
    public static NDArray owned(NDArray array) {
        NDArray copy = array.duplicate();
        array.close();
        return copy;
    }

    /**
     * The copy of {@code value}, parameter {@code name}, that a plain model whose block l uses
     * {@code hidden[l]} neurons holds: feed-forward weights cut to that width, any other parameter whole.
     */
    public static NDArray extracted(String name, NDArray value, int[] hidden, NDManager manager) {
        int dot = name.indexOf('.');
        String suffix = dot < 0 ? "" : name.substring(dot + 1);
        NDArray cut = value;
        if (suffix.equals("w1") || suffix.equals("b1") || suffix.equals("w2")) {
            int m = hidden[Integer.parseInt(name.substring(0, dot))];
            cut = switch (suffix) {
                case "w1" -> value.get(new NDIndex(":, :{}", m));
                case "b1" -> value.get(new NDIndex(":{}", m));
                default -> value.get(new NDIndex(":{}, :", m));
            };
        }
        NDArray copy = manager.create(cut.toFloatArray(), cut.getShape());
        if (cut != value) {
            cut.close();
        }
        return copy;
    }

    /** Requires one width per block, each between 1 and the block's own. */
    public void requireHidden(int[] hidden) {
        if (hidden.length != ffnWidths.length) {
            throw new UserInputException("a configuration of " + hidden.length + " layer widths for a model of "
                    + ffnWidths.length + " layers");
        }
        for (int l = 0; l < hidden.length; l++) {
            if (hidden[l] < 1 || hidden[l] > ffnWidths[l]) {
                throw new UserInputException("layer " + l + " cannot use " + hidden[l] + " hidden neurons: it has "
                        + ffnWidths[l]);
            }
        }
    }

    /**
     * The residual stream after every block.
     *
     * @param x (B, T, d) the stream before the first block
     * @param hidden the feed-forward width each block uses, at most its own
     * @param offset the position of the first of these T positions (earlier ones are in the cache)
     * @param cache keys and values of the positions before these (and it receives theirs); null for none
     * @param causal whether position i attends only to positions up to i
     * @return (B, T, d)
     */
    public NDArray forward(NDArray x, int[] hidden, int offset, KvCache cache, boolean causal) {
        for (int l = 0; l < ffnWidths.length; l++) {
            NDArray normed = norm(x, l + ".ln1");
            x = x.add(attention(normed, l, offset, cache, causal));
            x = x.add(feedForward(norm(x, l + ".ln2"), l, hidden[l]));
        }
        return x;
    }

    /** LayerNorm over the last axis with the gain and bias {@code prefix.gamma}, {@code prefix.beta}. */
    public NDArray norm(NDArray x, String prefix) {
        return LayerNorm.layerNorm(x, new Shape(dModel), p(prefix + ".gamma"), p(prefix + ".beta"), EPSILON).get(0);
    }

    private NDArray attention(NDArray x, int layer, int offset, KvCache cache, boolean causal) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        int headWidth = dModel / heads;
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
        if (causal && length > 1) {
            long keys = k.getShape().get(2);
            scores = scores.add(causalMask.get(new NDIndex().addSliceDim(offset, offset + length)
                    .addSliceDim(0, keys)));
        }
        NDArray weights = scores.softmax(-1);
        NDArray merged = weights.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, dModel);
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
        if (m < ffnWidths[layer]) {
            w1 = w1.get(new NDIndex(":, :{}", m));
            b1 = b1.get(new NDIndex(":{}", m));
            w2 = w2.get(new NDIndex(":{}, :", m));
        }
        return Activation.gelu(x.matMul(w1).add(b1)).matMul(w2).add(p(layer + ".b2"));
    }

    private NDArray p(String name) {
        return parameters.get(name);
    }
}
