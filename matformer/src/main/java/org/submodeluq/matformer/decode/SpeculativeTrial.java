package org.submodeluq.matformer.decode;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;

/**
 * A MatFormer speculating for itself: a configuration extracted as a small plain model drafts, the
 * largest configuration verifies. A trial decodes one prompt both ways, greedy with the KV cache and
 * speculative, each timed after a warm-up run so that neither pays for JIT compilation, and checks
 * that they agree, as they must.
 */
public final class SpeculativeTrial {

    /**
     * One prompt decoded both ways.
     *
     * @param speculative the speculative decoding: its output, prompt included, and acceptance
     * @param identical whether its output equals the verifier's plain greedy output
     */
    public record Result(SpeculativeDecoder.Result speculative, boolean identical, double greedySeconds,
                         double speculativeSeconds) {

        /** Greedy time over speculative time. */
        public double speedUp() {
            return greedySeconds / speculativeSeconds;
        }
    }

    private final TransformerLm draftModel;
    private final Decoder draft;
    private final Decoder verifier;

    /** @param draftConfig the configuration that drafts; it is extracted into {@code manager} */
    public SpeculativeTrial(MatLm nested, MixConfig draftConfig, NDManager manager) {
        this.draftModel = nested.extract(draftConfig, manager);
        this.draft = new Decoder(draftModel, draftModel.fullWidths());
        this.verifier = Decoder.of(nested, nested.largest());
    }

    /** The draft configuration as a standalone model. */
    public TransformerLm draftModel() {
        return draftModel;
    }

    public Decoder draft() {
        return draft;
    }

    /** The largest configuration. */
    public Decoder verifier() {
        return verifier;
    }

    /** Decodes {@code count} tokens after {@code prompt}: greedily, and with {@code k} drafted per verifier pass. */
    public Result run(long[] prompt, int count, int k) {
        if (k < 1) {
            throw new UserInputException("k", "= " + k + " must be >= 1");
        }
        SpeculativeDecoder speculative = new SpeculativeDecoder(draft, verifier, k);
        verifier.greedy(prompt, count, true);
        speculative.greedy(prompt, count);
        long start = System.nanoTime();
        long[] plain = verifier.greedy(prompt, count, true);
        double greedySeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        SpeculativeDecoder.Result result = speculative.greedy(prompt, count);
        double speculativeSeconds = (System.nanoTime() - start) / 1e9;
        return new Result(result, Arrays.equals(plain, result.tokens()), greedySeconds, speculativeSeconds);
    }
}
