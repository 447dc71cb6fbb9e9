package org.submodeluq.cases.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.simple.RandomSource;
import org.submodeluq.matformer.data.ByteCorpus;
import org.submodeluq.matformer.data.ByteText;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.decode.Decoder;
import org.submodeluq.matformer.decode.SpeculativeDecoder;
import org.submodeluq.matformer.decode.SpeculativeTrial;
import org.submodeluq.matformer.model.KvCache;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;
import org.submodeluq.matformer.train.MatTrainer;
import org.submodeluq.matformer.train.TrainOptions;
import org.submodeluq.matformer.train.TrainedModel;
import org.submodeluq.matformer.train.TrainingListener;

/**
 * MatFormer speeds: training tokens per second (joint over every granularity vs one plain model of the
 * largest width, same batches), decoding tokens per second with and without the KV cache, and greedy
 * speculative decoding (smallest granularity drafting for the largest) against plain greedy decoding.
 */
public final class MatformerBench {

    /** Decodings timed per prompt and way of decoding; the fastest counts. */
    static final int REPEATS = 3;

    private MatformerBench() {
    }

    /**
     * A MatFormer of {@code matformer train}'s default shape (g = 4) trained on the demo corpus with the default
     * recipe, so that the decoding timings see a model whose draft is sometimes right, sometimes wrong, as with a
     * real one.
     */
    public static MatLm demoModel(NDManager manager, ByteCorpus corpus, int steps) {
        LmShape shape = LmShape.defaults();
        MatLm model = new MatLm(TransformerLm.initialised(manager, shape, RandomSource.XO_RO_SHI_RO_128_PP.create(0L)),
                MatLm.defaultWidths(shape.ffnWidths()[0]));
        new MatTrainer(model, new Windows(corpus.train(), shape.context()), new Windows(corpus.heldOut(),
                shape.context()).evaluation(TrainedModel.EVALUATION_WINDOWS, 4), TrainOptions.defaults(steps, 0), null)
                .train(TrainingListener.SILENT);
        return model;
    }

    /**
     * Every figure of {@code model}: training (batches of 32 from {@code corpus}), decoding, and
     * speculative decoding (k = 2, 4, 8, over five prompts of 8 bytes from the held-out text), with a
     * sentence on the model.
     */
    public static MatformerFigures measure(MatLm model, ByteCorpus corpus, int trainingSteps, PrintWriter log) {
        int context = model.transformer().shape().context();
        log.println("MatFormer: timing training steps...");
        log.flush();
        List<MatformerFigures.Training> training = trainingSteps == 0 ? List.of()
                : training(model, new Windows(corpus.train(), context), 32, trainingSteps);
        String held = new String(corpus.heldOut(), StandardCharsets.UTF_8);
        List<String> prompts = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            prompts.add(held.substring(p * 300, p * 300 + 8));
        }
        log.println("MatFormer: timing decoding...");
        log.flush();
        return new MatformerFigures(training, decoding(model, prompts.get(0), context - 8), passes(model),
                speculative(model, prompts, context - 8, new int[] {2, 4, 8}), String.format(Locale.ROOT,
                "Model: %s, %d parameters; speculative decoding drafts with the smallest granularity (%d parameters) "
                + "over %d prompts of 8 bytes from the held-out text, %d tokens each, each prompt the fastest of %d "
                + "decodings.", model.transformer().shape(),
                model.transformer().shape().parameterCount(), model.parameterCount(MixConfig.uniform(model.layers(), 0)),
                prompts.size(), context - 8, REPEATS));
    }

    /** Training throughput of {@code steps} steps after two warm-up steps, joint and single. */
    private static List<MatformerFigures.Training> training(MatLm model, Windows corpus, int batch, int steps) {
        List<MatformerFigures.Training> rows = new ArrayList<>();
        int context = model.transformer().shape().context();
        for (boolean joint : new boolean[] {true, false}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                int full = model.widths()[model.granularities() - 1];
                MatLm fresh = new MatLm(TransformerLm.initialised(manager, model.transformer().shape(),
                        RandomSource.XO_RO_SHI_RO_128_PP.create(1L)), joint ? model.widths() : new int[] {full});
                TrainOptions options = TrainOptions.defaults(steps + 2, 1L).withBatchSize(batch)
                        .withEvalEvery(steps + 2);
                long[] start = new long[1];
                new MatTrainer(fresh, corpus, corpus.evaluation(1, 1), options, null).train(new TrainingListener() {
                    @Override
                    public void step(int step, int total, double[] losses) {
                        if (step == 2) {
                            start[0] = System.nanoTime();
                        }
                    }

                    @Override
                    public void evaluated(int step, double[] heldOut) {
                        if (step == steps + 2) {
                            double seconds = (System.nanoTime() - start[0]) / 1e9;
                            rows.add(new MatformerFigures.Training(joint ? "MatFormer, joint g = "
                                    + model.granularities() : "plain Transformer, d_ff " + full, steps,
                                    (double) steps * batch * context / seconds, steps / seconds));
                        }
                    }
                });
            }
        }
        return rows;
    }

    /** Greedy decoding of the largest granularity, with and without the KV cache. */
    private static List<MatformerFigures.Decoding> decoding(MatLm model, String prompt, int tokens) {
        Decoder decoder = Decoder.of(model, model.largest());
        long[] input = ByteText.tokens(prompt);
        List<MatformerFigures.Decoding> rows = new ArrayList<>();
        for (boolean cached : new boolean[] {true, false}) {
            decoder.greedy(input, tokens, cached);
            long start = System.nanoTime();
            decoder.greedy(input, tokens, cached);
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(new MatformerFigures.Decoding(cached ? "KV cache" : "no cache", tokens, tokens / seconds));
        }
        return rows;
    }

    /**
     * Milliseconds per forward pass through the KV cache after a prefix of 16 positions: the verifier on 1,
     * 3, 5 and 9 new tokens (k = 0, 2, 4, 8 drafts and the token before them), the draft on 1; each the
     * fastest of {@link #REPEATS} runs (after one of warm-up) of as many passes as fit the context.
     */
    private static List<MatformerFigures.Pass> passes(MatLm model) {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerLm draft = model.extract(MixConfig.uniform(model.layers(), 0), manager);
            List<MatformerFigures.Pass> rows = new ArrayList<>();
            for (int tokens : new int[] {1, 3, 5, 9}) {
                rows.add(new MatformerFigures.Pass("verifier", tokens, passMs(model.transformer(),
                        model.hidden(model.largest()), tokens)));
            }
            rows.add(new MatformerFigures.Pass("draft", 1, passMs(draft, draft.fullWidths(), 1)));
            return rows;
        }
    }

    private static double passMs(TransformerLm lm, int[] hidden, int tokens) {
        int prefix = 16;
        int passes = (lm.shape().context() - prefix) / tokens;
        NDManager manager = lm.manager();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= REPEATS; r++) {
            try (KvCache cache = lm.newCache(); NDScope scope = new NDScope()) {
                lm.forward(manager.create(new long[prefix], new Shape(1, prefix)), hidden, cache);
                long start = System.nanoTime();
                for (int p = 0; p < passes; p++) {
                    try (NDScope step = new NDScope()) {
                        lm.forward(manager.create(new long[tokens], new Shape(1, tokens)), hidden, cache).toFloatArray();
                    }
                }
                double ms = (System.nanoTime() - start) / 1e6 / passes;
                best = r == 0 ? best : Math.min(best, ms);
            }
        }
        return best;
    }

    /**
     * Speculative against plain greedy decoding for each k, summed over the prompts; each prompt's time is
     * the fastest of {@link #REPEATS} decodings, the machine's other work only ever adding to it.
     */
    private static List<MatformerFigures.Speculative> speculative(MatLm model, List<String> prompts, int tokens,
                                                                  int[] ks) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SpeculativeTrial trial = new SpeculativeTrial(model, MixConfig.uniform(model.layers(), 0), manager);
            Decoder verifier = trial.verifier();
            verifier.greedy(ByteText.tokens(prompts.get(0)), tokens, true);
            double plain = 0;
            List<long[]> expected = new ArrayList<>();
            for (String prompt : prompts) {
                long[] input = ByteText.tokens(prompt);
                plain += fastest(() -> verifier.greedy(input, tokens, true));
                expected.add(verifier.greedy(input, tokens, true));
            }
            List<MatformerFigures.Speculative> rows = new ArrayList<>();
            for (int k : ks) {
                SpeculativeDecoder decoder = new SpeculativeDecoder(trial.draft(), verifier, k);
                decoder.greedy(ByteText.tokens(prompts.get(0)), tokens);
                double seconds = 0;
                long drafted = 0;
                long accepted = 0;
                boolean exact = true;
                for (int p = 0; p < prompts.size(); p++) {
                    long[] input = ByteText.tokens(prompts.get(p));
                    seconds += fastest(() -> decoder.greedy(input, tokens));
                    SpeculativeDecoder.Result result = decoder.greedy(input, tokens);
                    drafted += result.drafted();
                    accepted += result.accepted();
                    exact &= Arrays.equals(expected.get(p), result.tokens());
                }
                rows.add(new MatformerFigures.Speculative(k, (double) accepted / drafted, seconds, plain,
                        plain / seconds, exact));
            }
            return rows;
        }
    }

    private static double fastest(Runnable decoding) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < REPEATS; r++) {
            long start = System.nanoTime();
            decoding.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
