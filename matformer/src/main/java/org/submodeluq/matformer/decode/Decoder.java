package org.submodeluq.matformer.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.model.KvCache;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;

/**
 * Autoregressive decoding of one sequence with one model (a whole transformer, or a Mix'n'Match
 * configuration of a nested one): greedy or with temperature, with a KV cache so that each new token
 * costs one position, or without one (the whole prefix again each token) for comparison.
 */
public final class Decoder {

    private final TransformerLm lm;
    private final int[] hidden;

    /** @param hidden the feed-forward width each layer uses */
    public Decoder(TransformerLm lm, int[] hidden) {
        this.lm = lm;
        this.hidden = hidden.clone();
    }

    /** Configuration {@code config} of a nested model. */
    public static Decoder of(MatLm nested, MixConfig config) {
        return new Decoder(nested.transformer(), nested.hidden(config));
    }

    TransformerLm lm() {
        return lm;
    }

    int[] hidden() {
        return hidden.clone();
    }

    /** The prompt followed by {@code count} greedy tokens. */
    public long[] greedy(long[] prompt, int count, boolean cached) {
        return generate(prompt, count, cached, 0, null);
    }

    /**
     * The prompt followed by {@code count} tokens drawn from softmax(logits / temperature).
     *
     * @param temperature > 0; smaller is greedier
     */
    public long[] sample(long[] prompt, int count, double temperature, UniformRandomProvider rng) {
        if (!(temperature > 0)) {
            throw new UserInputException("temperature", "= " + temperature + " is not allowed: must be > 0");
        }
        return generate(prompt, count, true, temperature, rng);
    }

    private long[] generate(long[] prompt, int count, boolean cached, double temperature, UniformRandomProvider rng) {
        requireFits(prompt, count);
        long[] sequence = Arrays.copyOf(prompt, prompt.length + count);
        try (KvCache cache = cached ? lm.newCache() : null) {
            int length = prompt.length;
            long[] fresh = prompt;
            while (length < sequence.length) {
                long next;
                try (NDScope scope = new NDScope()) {
                    long[] input = cached ? fresh : Arrays.copyOf(sequence, length);
                    float[] logits = last(logits(input, cache));
                    next = temperature > 0 ? draw(logits, temperature, rng) : argMax(logits, 0);
                }
                sequence[length++] = next;
                fresh = new long[] {next};
            }
        }
        return sequence;
    }

    /** Logits (1, t, 256) of {@code tokens} after what the cache holds. */
    NDArray logits(long[] tokens, KvCache cache) {
        NDArray input = lm.manager().create(tokens, new Shape(1, tokens.length));
        return lm.forward(input, hidden, cache);
    }

    void requireFits(long[] prompt, int count) {
        if (prompt.length == 0) {
            throw new UserInputException("the prompt is empty: give at least one byte");
        }
        if (count < 0 || prompt.length + count > lm.shape().context()) {
            throw new UserInputException("a prompt of " + prompt.length + " bytes and " + count + " new tokens do not fit "
                    + "the model's context of " + lm.shape().context());
        }
    }

    /** The logits of the last position of (1, t, 256) logits, read in one call. */
    static float[] last(NDArray logits) {
        float[] all = logits.toFloatArray();
        return Arrays.copyOfRange(all, all.length - LmShape.VOCABULARY, all.length);
    }

    /** The most likely byte at position {@code row} of logits read as (t, 256) floats; the first of ties. */
    static long argMax(float[] logits, int row) {
        int from = row * LmShape.VOCABULARY;
        int best = from;
        for (int i = from + 1; i < from + LmShape.VOCABULARY; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best - from;
    }

    private static long draw(float[] logits, double temperature, UniformRandomProvider rng) {
        double top = Double.NEGATIVE_INFINITY;
        for (float value : logits) {
            top = Math.max(top, value);
        }
        double[] weights = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            weights[i] = StrictMath.exp((logits[i] - top) / temperature);
            total += weights[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
