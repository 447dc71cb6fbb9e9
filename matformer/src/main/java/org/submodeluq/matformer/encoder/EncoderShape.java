package org.submodeluq.matformer.encoder;

import java.util.Arrays;
import org.submodeluq.core.UserInputException;

/**
 * The shape of a trace encoder: a run's traces (channels x steps) cut into {@code steps / patch} tokens
 * of {@code patch} consecutive steps of every channel, each linearly embedded (as ViT embeds image
 * patches), learned positions, pre-LayerNorm blocks of bidirectional attention and nested GELU
 * feed-forward networks, a final LayerNorm, the mean over tokens and a linear projection to the
 * embedding, normalised to unit length. The {@code DEFAULT_} constants are what
 * {@code matformer encode-train} trains unless told otherwise.
 *
 * @param channels input channels (2 per cut-boundary node)
 * @param steps time steps of a whole run
 * @param patch time steps per token; must divide steps
 * @param layers transformer blocks
 * @param dModel residual width
 * @param heads attention heads; must divide dModel
 * @param ffnWidths hidden width of each block's feed-forward network
 * @param embedding width of the output embedding
 */
public record EncoderShape(int channels, int steps, int patch, int layers, int dModel, int heads, int[] ffnWidths,
                           int embedding) {

    /** Steps per token: 20 tokens for the default case's 200 steps. */
    public static final int DEFAULT_PATCH = 10;
    /** Transformer blocks, as the decoder's default. */
    public static final int DEFAULT_LAYERS = 4;
    /** Residual width, as the decoder's default. */
    public static final int DEFAULT_D_MODEL = 64;
    /** Attention heads, 16 wide each at the default d_model. */
    public static final int DEFAULT_HEADS = 4;
    /** Largest feed-forward width, 4 d_model; granularities d_ff/8, /4, /2, 1 as the decoder's. */
    public static final int DEFAULT_FFN_WIDTH = 256;
    /** Embedding width; retrieval compares unit vectors of this width. */
    public static final int DEFAULT_EMBEDDING = 32;

    public EncoderShape {
        UserInputException.require(channels >= 1, "channels", channels, "an integer >= 1");
        UserInputException.require(patch >= 1 && steps % patch == 0, "patch", patch,
                "an integer >= 1 that divides the " + steps + " time steps");
        UserInputException.require(layers >= 1, "layers", layers, "an integer >= 1");
        UserInputException.require(dModel >= 1, "dModel", dModel, "an integer >= 1");
        UserInputException.require(heads >= 1 && dModel % heads == 0, "heads", heads,
                "an integer >= 1 that divides d_model = " + dModel);
        UserInputException.require(ffnWidths.length == layers && Arrays.stream(ffnWidths).allMatch(w -> w >= 1),
                "dFf", Arrays.toString(ffnWidths), "one width >= 1 per layer (" + layers + ")");
        UserInputException.require(embedding >= 1, "embedding", embedding, "an integer >= 1");
        ffnWidths = ffnWidths.clone();
    }

    /** Every block with the same feed-forward width. */
    public static EncoderShape uniform(int channels, int steps, int patch, int layers, int dModel, int heads,
                                       int ffnWidth, int embedding) {
        int[] widths = new int[layers];
        Arrays.fill(widths, ffnWidth);
        return new EncoderShape(channels, steps, patch, layers, dModel, heads, widths, embedding);
    }

    @Override
    public int[] ffnWidths() {
        return ffnWidths.clone();
    }

    /** Tokens of a whole run. */
    public int tokens() {
        return steps / patch;
    }

    /** Values in one token: every channel over {@link #patch} steps. */
    public int tokenWidth() {
        return channels * patch;
    }

    /** The same encoder with other feed-forward widths. */
    public EncoderShape withFfnWidths(int[] widths) {
        return new EncoderShape(channels, steps, patch, layers, dModel, heads, widths, embedding);
    }

    /** Trainable parameters. */
    public long parameterCount() {
        long count = (long) tokenWidth() * dModel + dModel + (long) tokens() * dModel;
        for (int width : ffnWidths) {
            count += 4L * dModel + 4L * dModel * dModel + 2L * dModel * width + width + dModel;
        }
        return count + 2L * dModel + (long) dModel * embedding;
    }

    /**
     * Floating-point operations (a multiply-add counts two) of embedding one whole run, matrix
     * products only: patch embedding, the four attention projections, scores and weighted values, the
     * feed-forward network at each block's width, and the projection.
     */
    public long flops() {
        long t = tokens();
        long flops = 2 * t * tokenWidth() * dModel;
        for (int width : ffnWidths) {
            flops += 2 * t * 4L * dModel * dModel + 2 * 2 * t * t * dModel + 2 * t * 2L * dModel * width;
        }
        return flops + 2L * dModel * embedding;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncoderShape that && channels == that.channels && steps == that.steps
                && patch == that.patch && layers == that.layers && dModel == that.dModel && heads == that.heads
                && Arrays.equals(ffnWidths, that.ffnWidths) && embedding == that.embedding;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ffnWidths) * 31 + channels * 17 + steps * 7 + dModel;
    }

    @Override
    public String toString() {
        return channels + " channels x " + steps + " steps in tokens of " + patch + " steps, " + layers + " layers, "
                + "d_model " + dModel + ", " + heads + " heads, FFN " + Arrays.toString(ffnWidths) + ", embedding "
                + embedding;
    }
}
