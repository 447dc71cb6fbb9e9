package org.submodeluq.matformer.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.NestedBlocks;

/**
 * A MatFormer encoder of boundary traces ({@link EncoderShape}): the decoder's {@link NestedBlocks}
 * with bidirectional attention, so one set of weights holds every granularity (each a uniform width
 * in every block) and {@link #extract} cuts one out as a plain encoder that gives the same embeddings.
 *
 * <p>Parameters, float32: {@code patch} (channels patch, d), {@code patch.bias} (d), {@code positions}
 * (tokens, d), the blocks' ({@code l.ln1.gamma} ... {@code l.b2}), {@code final.gamma},
 * {@code final.beta} (d), {@code projection} (d, embedding).
 */
public final class TraceEncoder {

    /** Runs embedded per forward pass by {@link #embed}. */
    private static final int EMBEDDING_BATCH = 64;

    private final EncoderShape shape;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final int[] granularityWidths;
    private final ChannelScaling scaling;
    private final NestedBlocks blocks;

    private TraceEncoder(EncoderShape shape, NDManager manager, Map<String, NDArray> parameters,
                         int[] granularityWidths, ChannelScaling scaling) {
        this.shape = shape;
        this.manager = manager;
        this.parameters = parameters;
        this.granularityWidths = granularityWidths.clone();
        this.scaling = scaling;
        this.blocks = new NestedBlocks(manager, parameters, shape.dModel(), shape.heads(), shape.ffnWidths(), 0);
    }

    /** An encoder with the decoder's initialisation ({@link NestedBlocks#initialised}); one seed gives one model. */
    public static TraceEncoder initialised(NDManager manager, EncoderShape shape, int[] granularityWidths,
                                           ChannelScaling scaling, UniformRandomProvider rng) {
        return of(manager, shape, granularityWidths, scaling,
                NestedBlocks.initialised(manager, shapes(shape), shape.layers(), rng));
    }

    /**
     * An encoder with the given parameters, which must have exactly the names and shapes {@link #shapes}
     * lists, each copied into libtorch's own memory.
     *
     * @param granularityWidths the nested widths, increasing to the full width of every block
     */
    public static TraceEncoder of(NDManager manager, EncoderShape shape, int[] granularityWidths,
                                  ChannelScaling scaling, Map<String, NDArray> parameters) {
        int full = shape.ffnWidths()[0];
        if (Arrays.stream(shape.ffnWidths()).anyMatch(w -> w != full)) {
            throw new UserInputException("a MatFormer encoder needs the same feed-forward width in every layer, got "
                    + Arrays.toString(shape.ffnWidths()));
        }
        MatLm.requireNested(granularityWidths, full);
        if (scaling.channels() != shape.channels()) {
            throw new UserInputException("a channel scaling of " + scaling.channels() + " channels for an encoder of "
                    + shape.channels());
        }
        Map<String, Shape> expected = shapes(shape);
        if (!expected.keySet().equals(parameters.keySet())) {
            throw new UserInputException("encoder parameters " + parameters.keySet() + " do not match an encoder of "
                    + "shape " + shape);
        }
        Map<String, NDArray> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> entry : expected.entrySet()) {
            NDArray array = parameters.get(entry.getKey());
            if (!array.getShape().equals(entry.getValue())) {
                throw new UserInputException("parameter " + entry.getKey() + " has shape " + array.getShape()
                        + "; an encoder of shape " + shape + " needs " + entry.getValue());
            }
            NDArray parameter = NestedBlocks.owned(array);
            parameter.setRequiresGradient(true);
            ordered.put(entry.getKey(), parameter);
        }
        return new TraceEncoder(shape, manager, ordered, granularityWidths, scaling);
    }

    /** Names and shapes of the parameters of an encoder of {@code shape}, in a fixed order. */
    public static Map<String, Shape> shapes(EncoderShape shape) {
        int d = shape.dModel();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("patch", new Shape(shape.tokenWidth(), d));
        shapes.put("patch.bias", new Shape(d));
        shapes.put("positions", new Shape(shape.tokens(), d));
        NestedBlocks.putShapes(shapes, d, shape.ffnWidths());
        shapes.put("final.gamma", new Shape(d));
        shapes.put("final.beta", new Shape(d));
        shapes.put("projection", new Shape(d, shape.embedding()));
        return shapes;
    }

    public EncoderShape shape() {
        return shape;
    }

    public NDManager manager() {
        return manager;
    }

    public ChannelScaling scaling() {
        return scaling;
    }

    /** The nested hidden widths, smallest first (one for a plain encoder). */
    public int[] granularityWidths() {
        return granularityWidths.clone();
    }

    public int granularities() {
        return granularityWidths.length;
    }

    /** The parameters by name, in the order of {@link #shapes}. */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The parameters in the order of {@link #shapes}. */
    public List<NDArray> parameterList() {
        return new ArrayList<>(parameters.values());
    }

    /** Each block's width at granularity {@code granularity}, after checking this encoder has it. */
    public int[] hidden(int granularity) {
        if (granularity < 0 || granularity >= granularityWidths.length) {
            throw new UserInputException("granularity " + granularity + " does not exist; this encoder has "
                    + "granularities 0 to " + (granularityWidths.length - 1) + " (hidden widths "
                    + Arrays.toString(granularityWidths) + ")");
        }
        int[] hidden = new int[shape.layers()];
        Arrays.fill(hidden, granularityWidths[granularity]);
        return hidden;
    }

    /** Parameters of the plain encoder {@link #extract} cuts at {@code granularity}. */
    public long parameterCount(int granularity) {
        return shape.withFfnWidths(hidden(granularity)).parameterCount();
    }

    /** Floating-point operations of embedding one run at {@code granularity} ({@link EncoderShape#flops}). */
    public long flops(int granularity) {
        return shape.withFfnWidths(hidden(granularity)).flops();
    }

    /**
     * Unit-length embeddings.
     *
     * @param tokens (B, T, channels patch) standardised tokens ({@link ChannelScaling#tokens})
     * @param positions (B, T) int64: the index of each token in its run, T at most {@link EncoderShape#tokens}
     * @param hidden the feed-forward width each block uses
     * @return (B, embedding)
     */
    public NDArray forward(NDArray tokens, NDArray positions, int[] hidden) {
        blocks.requireHidden(hidden);
        NDArray x = tokens.matMul(p("patch")).add(p("patch.bias"));
        x = x.add(positions.getNDArrayInternal().embedding(positions, p("positions"), SparseFormat.DENSE).get(0));
        x = blocks.forward(x, hidden, 0, null, false);                        // (B, T, d)
        NDArray pooled = blocks.norm(x, "final").mean(new int[] {1});          // (B, d)
        NDArray z = pooled.matMul(p("projection"));                            // (B, embedding)
        return z.div(z.norm(new int[] {-1}, true));
    }

    /** The unit embeddings of every run of {@code set}, whole, at {@code granularity}: one row per run. */
    public float[][] embed(TraceSet set, int granularity) {
        requireShape(set);
        int[] hidden = hidden(granularity);
        int t = shape.tokens();
        float[][] embeddings = new float[set.size()][];
        for (int first = 0; first < set.size(); first += EMBEDDING_BATCH) {
            int count = Math.min(EMBEDDING_BATCH, set.size() - first);
            float[] tokens = new float[count * t * shape.tokenWidth()];
            long[] positions = new long[count * t];
            for (int i = 0; i < count; i++) {
                System.arraycopy(scaling.tokens(set.runs()[first + i], shape.steps(), shape.patch()), 0, tokens,
                        i * t * shape.tokenWidth(), t * shape.tokenWidth());
                for (int k = 0; k < t; k++) {
                    positions[i * t + k] = k;
                }
            }
            try (NDScope scope = new NDScope()) {
                NDArray z = forward(manager.create(tokens, new Shape(count, t, shape.tokenWidth())),
                        manager.create(positions, new Shape(count, t)), hidden);
                float[] flat = z.toFloatArray();
                for (int i = 0; i < count; i++) {
                    embeddings[first + i] = Arrays.copyOfRange(flat, i * shape.embedding(),
                            (i + 1) * shape.embedding());
                }
            }
        }
        return embeddings;
    }

    /** Requires runs of the channels and steps this encoder was built for. */
    public void requireShape(TraceSet set) {
        if (set.channels() != shape.channels() || set.steps() != shape.steps()) {
            throw new UserInputException("traces of " + set.channels() + " channels x " + set.steps() + " steps; this "
                    + "encoder reads " + shape.channels() + " x " + shape.steps() + " (" + shape.channels() / 2
                    + " cut-boundary nodes)");
        }
    }

    /**
     * The plain encoder of {@code granularity}: each block's feed-forward weights cut to its width,
     * every other weight copied. It holds no reference to this encoder's arrays.
     */
    public TraceEncoder extract(int granularity, NDManager target) {
        int[] hidden = hidden(granularity);
        Map<String, NDArray> cut = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
            cut.put(entry.getKey(), NestedBlocks.extracted(entry.getKey(), entry.getValue(), hidden, target));
        }
        return of(target, shape.withFfnWidths(hidden), new int[] {hidden[0]}, scaling, cut);
    }

    private NDArray p(String name) {
        return parameters.get(name);
    }
}
