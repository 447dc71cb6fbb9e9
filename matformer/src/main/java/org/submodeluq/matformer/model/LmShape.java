package org.submodeluq.matformer.model;

import java.util.Arrays;
import org.submodeluq.core.Named;
import org.submodeluq.core.UserInputException;

/**
 * The shape of a decoder-only byte-level language model (vocabulary 256): pre-LayerNorm blocks of
 * causal multi-head attention and a GELU feed-forward network whose hidden width may differ from
 * layer to layer (an extracted Mix'n'Match model has one width per layer). The {@code DEFAULT_}
 * constants are the model {@code matformer train} trains unless told otherwise.
 *
 * @param layers transformer blocks
 * @param dModel residual width
 * @param heads attention heads; must divide dModel
 * @param context longest sequence the positions cover
 * @param ffnWidths hidden width of each layer's feed-forward network
 * @param positions learned or sinusoidal position encodings
 */
public record LmShape(int layers, int dModel, int heads, int context, int[] ffnWidths, Positions positions) {

    /** Bytes. */
    public static final int VOCABULARY = 256;

    /** Transformer blocks. */
    public static final int DEFAULT_LAYERS = 4;
    /** Residual width. */
    public static final int DEFAULT_D_MODEL = 64;
    /** Attention heads, 16 wide each at the default d_model. */
    public static final int DEFAULT_HEADS = 4;
    /** Longest sequence, in bytes. */
    public static final int DEFAULT_CONTEXT = 64;
    /** Feed-forward width, 4 d_model as in GPT-2; a multiple of 8 for the default granularities. */
    public static final int DEFAULT_FFN_WIDTH = 256;
    /** Position encoding, as {@link Positions#of} reads it. */
    public static final String DEFAULT_POSITIONS = "learned";

    /** How token positions enter the residual stream. */
    public enum Positions implements Named {
        LEARNED("learned"), SINUSOIDAL("sinusoidal");

        private final String text;

        Positions(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        /** The encoding named {@code text}, as options and model files spell it. */
        public static Positions of(String text) {
            try {
                return Named.parse(Positions.class, text, "position encoding");
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
    }

    public LmShape {
        UserInputException.require(layers >= 1, "layers", layers, "an integer >= 1");
        UserInputException.require(dModel >= 1, "dModel", dModel, "an integer >= 1");
        UserInputException.require(heads >= 1 && dModel % heads == 0, "heads", heads,
                "an integer >= 1 that divides d_model = " + dModel);
        UserInputException.require(context >= 2, "context", context, "an integer >= 2");
        UserInputException.require(ffnWidths.length == layers && Arrays.stream(ffnWidths).allMatch(w -> w >= 1),
                "dFf", Arrays.toString(ffnWidths), "one width >= 1 per layer (" + layers + ")");
        ffnWidths = ffnWidths.clone();
    }

    /** The default model: {@link #DEFAULT_LAYERS} layers and the other {@code DEFAULT_} values. */
    public static LmShape defaults() {
        return uniform(DEFAULT_LAYERS, DEFAULT_D_MODEL, DEFAULT_HEADS, DEFAULT_CONTEXT, DEFAULT_FFN_WIDTH,
                Positions.of(DEFAULT_POSITIONS));
    }

    /** Every layer with the same feed-forward width. */
    public static LmShape uniform(int layers, int dModel, int heads, int context, int ffnWidth, Positions positions) {
        int[] widths = new int[layers];
        Arrays.fill(widths, ffnWidth);
        return new LmShape(layers, dModel, heads, context, widths, positions);
    }

    @Override
    public int[] ffnWidths() {
        return ffnWidths.clone();
    }

    /** The same model with other feed-forward widths. */
    public LmShape withFfnWidths(int[] widths) {
        return new LmShape(layers, dModel, heads, context, widths, positions);
    }

    /** Trainable parameters of a model of this shape. */
    public long parameterCount() {
        long count = (long) VOCABULARY * dModel + (positions == Positions.LEARNED ? (long) context * dModel : 0);
        for (int width : ffnWidths) {
            count += 4L * dModel + 4L * dModel * dModel + 2L * dModel * width + width + dModel;
        }
        return count + 2L * dModel + (long) dModel * VOCABULARY + VOCABULARY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LmShape that && layers == that.layers && dModel == that.dModel && heads == that.heads
                && context == that.context && Arrays.equals(ffnWidths, that.ffnWidths) && positions == that.positions;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ffnWidths) * 31 + layers * 7 + dModel;
    }

    @Override
    public String toString() {
        return layers + " layers, d_model " + dModel + ", " + heads + " heads, context " + context + ", FFN "
                + Arrays.toString(ffnWidths) + ", " + positions.name().toLowerCase() + " positions";
    }
}
