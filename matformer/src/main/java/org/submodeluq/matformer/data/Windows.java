package org.submodeluq.matformer.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Windows of T consecutive bytes of a text and their next-byte targets. Training draws windows at
 * random starts, so each epoch sees new offsets; evaluation tiles the text with non-overlapping
 * windows, so a validation loss is the same number every time it is computed.
 */
public final class Windows {

    private final byte[] data;
    private final int context;

    /**
     * @param data the bytes; copied, so later changes to the caller's array do not reach the batches
     * @param context T, the tokens per window; the data must hold T + 1 bytes for one window and its targets
     */
    public Windows(byte[] data, int context) {
        if (context < 1) {
            throw new IllegalArgumentException("context " + context + " is not allowed: must be at least 1");
        }
        if (data.length < context + 1) {
            throw new IllegalArgumentException("data of " + data.length + " bytes is too short for a window of "
                    + context + " tokens: needs at least " + (context + 1) + " bytes");
        }
        this.data = data.clone();
        this.context = context;
    }

    /** {@code batchSize} windows at starts drawn uniformly from every start that leaves room for the targets. */
    public Batch sample(int batchSize, UniformRandomProvider rng) {
        requirePositive("batch size", batchSize);
        int[] starts = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            starts[b] = rng.nextInt(data.length - context);
        }
        return batch(starts);
    }

    /**
     * The windows starting at 0, T, 2T, ... that fit with their targets, floor((n - 1) / T) of them,
     * in batches of {@code batchSize}, at most {@code maxBatches} batches; the last batch may be
     * smaller.
     */
    public List<Batch> evaluation(int batchSize, int maxBatches) {
        requirePositive("batch size", batchSize);
        requirePositive("maximum number of batches", maxBatches);
        long windows = Math.min((data.length - 1) / context, (long) batchSize * maxBatches);
        List<Batch> batches = new ArrayList<>();
        for (long first = 0; first < windows; first += batchSize) {
            int[] starts = new int[(int) Math.min(batchSize, windows - first)];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = (int) (first + b) * context;
            }
            batches.add(batch(starts));
        }
        return batches;
    }

    private Batch batch(int[] starts) {
        long[][] inputs = new long[starts.length][context];
        long[][] targets = new long[starts.length][context];
        for (int b = 0; b < starts.length; b++) {
            for (int t = 0; t < context; t++) {
                inputs[b][t] = Byte.toUnsignedLong(data[starts[b] + t]);
                targets[b][t] = Byte.toUnsignedLong(data[starts[b] + t + 1]);
            }
        }
        return new Batch(inputs, targets);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " " + value + " is not allowed: must be at least 1");
        }
    }
}
