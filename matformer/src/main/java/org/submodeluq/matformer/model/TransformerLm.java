package org.submodeluq.matformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.submodeluq.core.UserInputException;

/**
 * A decoder-only byte-level transformer held as named NDArrays and written as a function of them, so
 * that one forward pass can use only the first {@code m_l} hidden neurons of layer l's feed-forward
 * network (rows of W1, columns of W2 in the paper's notation; here columns of {@code w1}, rows of
 * {@code w2}). A nested MatFormer and the plain models extracted from it run this same code, which is
 * why their logits agree.
 *
 * <p>Parameters, float32: {@code embedding} (256, d); {@code positions} (context, d) when learned;
 * per layer l those {@link NestedBlocks} lists ({@code l.ln1.gamma} ... {@code l.b2}, the causal
 * blocks); {@code final.gamma}, {@code final.beta}, {@code head}
 * (d, 256), {@code head.bias} (256).
 */
public final class TransformerLm {

    private final LmShape shape;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final NDArray sinusoids;
    private final NestedBlocks blocks;

    private TransformerLm(LmShape shape, NDManager manager, Map<String, NDArray> parameters) {
        this.shape = shape;
        this.manager = manager;
        this.parameters = parameters;
        this.sinusoids = shape.positions() == LmShape.Positions.SINUSOIDAL
                ? NestedBlocks.owned(sinusoids(manager, shape)) : null;
        this.blocks = new NestedBlocks(manager, parameters, shape.dModel(), shape.heads(), shape.ffnWidths(),
                shape.context());
    }

    /**
     * A model with GPT-2's initialisation ({@link NestedBlocks#initialised}), drawn in the order of
     * {@link #shapes}, so one seed gives one model.
     */
    public static TransformerLm initialised(NDManager manager, LmShape shape, UniformRandomProvider rng) {
        return of(manager, shape, NestedBlocks.initialised(manager, shapes(shape), shape.layers(), rng));
    }

    /**
     * A model with the given parameters, which must have exactly the names and shapes {@link #shapes}
     * lists; each is copied into libtorch's own memory ({@link NestedBlocks#owned}).
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
            NDArray parameter = NestedBlocks.owned(array);
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
        NestedBlocks.putShapes(shapes, d, shape.ffnWidths());
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
        blocks.requireHidden(hidden);
        int offset = cache == null ? 0 : cache.length();
        int length = (int) tokens.getShape().get(1);
        if (offset + length > shape.context()) {
            throw new UserInputException("a sequence of " + (offset + length) + " tokens is longer than the model's "
                    + "context of " + shape.context());
        }
        NDArray x = tokens.getNDArrayInternal().embedding(tokens, p("embedding"), SparseFormat.DENSE).get(0);
        NDArray table = sinusoids != null ? sinusoids : p("positions");
        x = x.add(table.get(new NDIndex("{}:{}", offset, offset + length)));
        x = blocks.forward(x, hidden, offset, cache, true);
        return blocks.norm(x, "final").matMul(p("head")).add(p("head.bias"));
    }

    /** An empty KV cache for one sequence of this model, as long as its context. */
    public KvCache newCache() {
        return new KvCache(manager, shape.layers(), shape.context());
    }

    /** The full width of every layer. */
    public int[] fullWidths() {
        return shape.ffnWidths();
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
