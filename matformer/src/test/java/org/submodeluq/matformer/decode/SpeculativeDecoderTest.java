package org.submodeluq.matformer.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;

/** The KV cache changes no token, and speculative decoding is exactly the verifier's greedy decoding. */
class SpeculativeDecoderTest {

    /**
     * Untrained weights scaled up, so that the draft (the smallest granularity) and the verifier disagree
     * often and every path (acceptance, rejection, rollback of both caches, the bonus token) is taken.
     */
    private static MatLm disagreeing(NDManager manager) {
        LmShape shape = LmShape.uniform(2, 32, 2, 48, 64, LmShape.Positions.SINUSOIDAL);
        TransformerLm lm = TransformerLm.initialised(manager, shape, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        for (var entry : lm.parameters().entrySet()) {
            if (!entry.getKey().contains("gamma")) {
                entry.getValue().muli(5);
            }
        }
        return new MatLm(lm, MatLm.defaultWidths(64));
    }

    private static long[] prompt(UniformRandomProvider rng) {
        long[] prompt = new long[1 + rng.nextInt(6)];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = 'a' + rng.nextInt(8);
        }
        return prompt;
    }

    @Test
    void greedySpeculativeOutputEqualsPlainGreedyDecodingOnManyPrompts() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model = disagreeing(manager);
            Decoder verifier = new Decoder(model.transformer(), model.hidden(MixConfig.uniform(2, 3)));
            TransformerLm small = model.extract(MixConfig.uniform(2, 0), manager);
            Decoder draft = new Decoder(small, small.fullWidths());
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
            long drafted = 0;
            long accepted = 0;
            for (int trial = 0; trial < 12; trial++) {
                long[] prompt = prompt(rng);
                int count = 48 - prompt.length;
                long[] expected = verifier.greedy(prompt, count, false);
                assertArrayEquals(expected, verifier.greedy(prompt, count, true), "KV cache, prompt " + trial);
                for (int k : new int[] {1, 2, 4, 8}) {
                    SpeculativeDecoder.Result result = new SpeculativeDecoder(draft, verifier, k).greedy(prompt, count);
                    assertArrayEquals(expected, result.tokens(), "k = " + k + ", prompt " + trial);
                    drafted += result.drafted();
                    accepted += result.accepted();
                }
            }
            System.out.printf("acceptance over all prompts and k: %.3f%n", (double) accepted / drafted);
            assertTrue(accepted > 0.1 * drafted && accepted < 0.9 * drafted, "the draft must agree sometimes, not always: "
                    + accepted + " of " + drafted);
        }
    }

    @Test
    void aPromptThatDoesNotFitTheContextIsRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LmShape shape = LmShape.uniform(1, 16, 2, 8, 16, LmShape.Positions.LEARNED);
            TransformerLm lm = TransformerLm.initialised(manager, shape, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
            UserInputException error = assertThrows(UserInputException.class,
                    () -> new Decoder(lm, lm.fullWidths()).greedy(new long[] {1, 2, 3}, 6, true));
            assertEquals("a prompt of 3 bytes and 6 new tokens do not fit the model's context of 8", error.getMessage());
        }
    }
}
