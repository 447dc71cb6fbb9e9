package org.submodeluq.matformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.submodeluq.core.UserInputException;

/**
 * A MatFormer language model: a transformer whose feed-forward networks hold g nested widths
 * {@code m_1 < ... < m_g = d_ff}, granularity i using the first m_i hidden neurons. One forward pass takes a
 * granularity per layer ({@link MixConfig}); {@link #extract} cuts any configuration out as a plain,
 * smaller model that gives the same logits.
 */
public final class MatLm {

    private final TransformerLm lm;
    private final int[] widths;

    /**
     * @param lm a transformer with the same feed-forward width d_ff in every layer
     * @param widths the nested hidden widths, increasing, the last equal to d_ff
     */
    public MatLm(TransformerLm lm, int[] widths) {
        int full = lm.shape().ffnWidths()[0];
        if (Arrays.stream(lm.shape().ffnWidths()).anyMatch(w -> w != full)) {
            throw new UserInputException("a MatFormer needs the same feed-forward width in every layer, got "
                    + Arrays.toString(lm.shape().ffnWidths()));
        }
        requireNested(widths, full);
        this.lm = lm;
        this.widths = widths.clone();
    }

    /** Requires granularity widths that increase from >= 1 to the full width {@code full}. */
    public static void requireNested(int[] widths, int full) {
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] < 1 || (i > 0 && widths[i] <= widths[i - 1])) {
                throw new UserInputException("granularity widths must increase from >= 1, got " + Arrays.toString(widths));
            }
        }
        if (widths.length == 0 || widths[widths.length - 1] != full) {
            throw new UserInputException("the largest granularity must be the full width " + full + ", got "
                    + Arrays.toString(widths));
        }
    }

    /** The paper's default: g = 4 widths d_ff / 8, d_ff / 4, d_ff / 2, d_ff. */
    public static int[] defaultWidths(int ffnWidth) {
        if (ffnWidth % 8 != 0) {
            throw new UserInputException("d_ff = " + ffnWidth + " must be a multiple of 8 for the default granularities");
        }
        return new int[] {ffnWidth / 8, ffnWidth / 4, ffnWidth / 2, ffnWidth};
    }

    public TransformerLm transformer() {
        return lm;
    }

    /** The nested hidden widths, smallest first. */
    public int[] widths() {
        return widths.clone();
    }

    public int granularities() {
        return widths.length;
    }

    public int layers() {
        return lm.shape().layers();
    }

    /** The largest granularity in every layer: the whole model. */
    public MixConfig largest() {
        return MixConfig.uniform(layers(), granularities() - 1);
    }

    /** The hidden width each layer uses under {@code config}, after checking it fits this model. */
    public int[] hidden(MixConfig config) {
        int[] granularity = config.granularities();
        if (granularity.length != layers()) {
            throw new UserInputException("configuration " + config + " has " + granularity.length + " layers; the model "
                    + "has " + layers());
        }
        int[] hidden = new int[granularity.length];
        for (int l = 0; l < granularity.length; l++) {
            if (granularity[l] < 0 || granularity[l] >= widths.length) {
                throw new UserInputException("configuration " + config + ": granularity " + granularity[l] + " does not "
                        + "exist; this model has granularities 0 to " + (widths.length - 1) + " (hidden widths "
                        + Arrays.toString(widths) + ")");
            }
            hidden[l] = widths[granularity[l]];
        }
        return hidden;
    }

    /** Logits (B, T, 256) of {@code tokens} (B, T) under {@code config}. */
    public NDArray logits(NDArray tokens, MixConfig config) {
        return lm.forward(tokens, hidden(config), null);
    }

    /** Parameters of the model {@code config} extracts. */
    public long parameterCount(MixConfig config) {
        return lm.shape().withFfnWidths(hidden(config)).parameterCount();
    }

    /**
     * The plain transformer of {@code config}: each layer's feed-forward weights cut to its width, every
     * other weight copied. It holds no reference to this model's arrays.
     */
    public TransformerLm extract(MixConfig config, NDManager manager) {
        int[] hidden = hidden(config);
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> entry : lm.parameters().entrySet()) {
            parameters.put(entry.getKey(), NestedBlocks.extracted(entry.getKey(), entry.getValue(), hidden, manager));
        }
        return TransformerLm.of(manager, lm.shape().withFfnWidths(hidden), parameters);
    }
}
