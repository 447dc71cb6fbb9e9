package org.submodeluq.matformer.decode;

import ai.djl.ndarray.NDScope;
import java.util.Arrays;
import org.submodeluq.matformer.model.KvCache;

/**
 * Greedy speculative decoding (Leviathan et al. 2023; Chen et al. 2023): a small draft model proposes
 * k tokens one by one, the large verifier scores all of them in one forward pass, and the longest
 * prefix on which the verifier's own greedy choice agrees is kept, followed by the verifier's token at
 * the first disagreement (or after the last draft). The output is exactly the verifier's greedy
 * decoding; the speed-up comes from verifying k tokens for the price of about one verifier step.
 */
public final class SpeculativeDecoder {

    /** What one decoding did: the sequence, and how many drafted tokens the verifier accepted. */
    public record Result(long[] tokens, long drafted, long accepted, long verifierPasses) {

        /** Share of drafted tokens accepted. */
        public double acceptanceRate() {
            return drafted == 0 ? 0 : (double) accepted / drafted;
        }
    }

    private final Decoder draft;
    private final Decoder verifier;
    private final int k;

    /** @param k tokens drafted per verifier pass */
    public SpeculativeDecoder(Decoder draft, Decoder verifier, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (draft.lm().shape().context() != verifier.lm().shape().context()) {
            throw new IllegalArgumentException("draft and verifier must share one context length, got "
                    + draft.lm().shape().context() + " and " + verifier.lm().shape().context());
        }
        this.draft = draft;
        this.verifier = verifier;
        this.k = k;
    }

    /** The prompt followed by {@code count} tokens, equal to the verifier's greedy decoding. */
    public Result greedy(long[] prompt, int count) {
        verifier.requireFits(prompt, count);
        long[] sequence = Arrays.copyOf(prompt, prompt.length + count);
        long drafted = 0;
        long accepted = 0;
        long passes = 0;
        try (KvCache draftCache = draft.lm().newCache();
             KvCache verifierCache = verifier.lm().newCache()) {
            feed(draft, Arrays.copyOf(prompt, prompt.length - 1), draftCache);
            feed(verifier, Arrays.copyOf(prompt, prompt.length - 1), verifierCache);
            int length = prompt.length;
            while (length < sequence.length) {
                int n = length;
                int proposals = Math.min(k, sequence.length - n);
                long[] block = new long[proposals + 1];
                block[0] = sequence[n - 1];
                for (int i = 1; i <= proposals; i++) {
                    try (NDScope scope = new NDScope()) {
                        block[i] = Decoder.argMax(Decoder.last(draft.logits(new long[] {block[i - 1]}, draftCache)), 0);
                    }
                }
                long[] choices = new long[proposals + 1];
                try (NDScope scope = new NDScope()) {
                    float[] logits = verifier.logits(block, verifierCache).toFloatArray();
                    for (int i = 0; i <= proposals; i++) {
                        choices[i] = Decoder.argMax(logits, i);
                    }
                }
                passes++;
                int agreed = 0;
                while (agreed < proposals && block[agreed + 1] == choices[agreed]) {
                    agreed++;
                }
                drafted += proposals;
                accepted += agreed;
                for (int i = 1; i <= agreed; i++) {
                    sequence[length++] = block[i];
                }
                if (length < sequence.length) {
                    sequence[length++] = choices[agreed];
                }
                verifierCache.truncate(n + agreed);
                if (agreed == proposals) {
                    feed(draft, new long[] {block[proposals]}, draftCache);
                }
                draftCache.truncate(n + agreed);
            }
        }
        return new Result(sequence, drafted, accepted, passes);
    }

    private static void feed(Decoder decoder, long[] tokens, KvCache cache) {
        if (tokens.length > 0) {
            try (NDScope scope = new NDScope()) {
                decoder.logits(tokens, cache);
            }
        }
    }
}
