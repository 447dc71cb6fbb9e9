package org.submodeluq.cases.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.rng.simple.RandomSource;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.data.ByteCorpus;
import org.submodeluq.matformer.data.ByteText;
import org.submodeluq.matformer.data.DemoCorpus;
import org.submodeluq.matformer.decode.Decoder;
import org.submodeluq.matformer.decode.SpeculativeDecoder;
import org.submodeluq.matformer.decode.SpeculativeTrial;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.matformer.sweep.DirectorySweep;
import org.submodeluq.matformer.sweep.Estimate;
import org.submodeluq.matformer.train.MatformerStudy;
import org.submodeluq.matformer.train.TrainOptions;
import org.submodeluq.matformer.train.TrainedModel;
import org.submodeluq.matformer.train.TrainingListener;
import org.submodeluq.nn.DjlRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq matformer}: nested transformers, Mix'n'Match extraction and speculative decoding. */
@Command(name = "matformer", mixinStandardHelpOptions = true,
        description = "MatFormer byte-level language models: train, extract, sweep, generate, speculate; trace "
                + "encoders: encode-train, retrieve.",
        subcommands = {MatformerCommand.Train.class, MatformerCommand.Extract.class, MatformerCommand.Sweep.class,
                MatformerCommand.Generate.class, MatformerCommand.Speculate.class, EncodeTrainCommand.class,
                RetrieveCommand.class})
final class MatformerCommand {

    private MatformerCommand() {
    }

    /** What to continue and by how much. */
    static final class Continuation {

        @Option(names = "--prompt", defaultValue = "The ", description = "Prompt (default: '${DEFAULT-VALUE}').")
        String prompt;

        @Option(names = "--tokens", defaultValue = "40", description = "Bytes to generate (default: ${DEFAULT-VALUE}).")
        int tokens;
    }

    /** {@code matformer train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Trains a MatFormer on a UTF-8 text file, every granularity each step (or one drawn per "
                    + "step), and optionally the separately trained baselines of each width.",
                    "Interrupted, the same command resumes from OUT/*.checkpoint.h5."})
    static final class Train implements Callable<Integer> {

        @Spec
        private picocli.CommandLine.Model.CommandSpec command;

        @Option(names = "--corpus", paramLabel = "FILE",
                description = "UTF-8 text (default: /usr/share/common-licenses/GPL-3, present on every Debian).")
        private Path corpus;

        @Option(names = "--held-out", paramLabel = "F", defaultValue = "" + ByteCorpus.DEFAULT_HELD_OUT_FRACTION,
                description = "Share of the corpus held out, its end (default: ${DEFAULT-VALUE}).")
        private double heldOut;

        @Mixin
        private OutputOption out;

        @Option(names = "--layers", defaultValue = "" + LmShape.DEFAULT_LAYERS,
                description = "Blocks (default: ${DEFAULT-VALUE}).")
        private int layers;

        @Option(names = "--d-model", defaultValue = "" + LmShape.DEFAULT_D_MODEL,
                description = "Residual width (default: ${DEFAULT-VALUE}).")
        private int dModel;

        @Option(names = "--heads", defaultValue = "" + LmShape.DEFAULT_HEADS,
                description = "Attention heads (default: ${DEFAULT-VALUE}).")
        private int heads;

        @Option(names = "--d-ff", defaultValue = "" + LmShape.DEFAULT_FFN_WIDTH,
                description = "Largest feed-forward width; granularities d_ff/8, /4, /2, 1 "
                        + "(default: ${DEFAULT-VALUE}).")
        private int dFf;

        @Option(names = "--context", defaultValue = "" + LmShape.DEFAULT_CONTEXT,
                description = "Context in bytes (default: ${DEFAULT-VALUE}).")
        private int context;

        @Option(names = "--positions", defaultValue = LmShape.DEFAULT_POSITIONS,
                description = "learned or sinusoidal (default: ${DEFAULT-VALUE}).")
        private LmShape.Positions positions;

        @Option(names = "--steps", defaultValue = "" + TrainOptions.DEFAULT_STEPS,
                description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
        private int steps;

        @Option(names = "--batch", defaultValue = "" + TrainOptions.DEFAULT_BATCH,
                description = "Windows per step (default: ${DEFAULT-VALUE}).")
        private int batch;

        @Option(names = "--lr", defaultValue = "" + TrainOptions.DEFAULT_LEARNING_RATE,
                description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
        private double learningRate;

        @Mixin
        private SeedOption seed;

        @Option(names = "--sample-one", description = "Train one granularity drawn at random per step instead of all.")
        private boolean sampleOne;

        @Option(names = "--mixes-per-step", paramLabel = "N", defaultValue = "0",
                description = "Mix'n'Match configurations, each layer's granularity drawn at random, added to each "
                        + "step's summed loss (default: ${DEFAULT-VALUE}: the uniform granularities alone, as in the "
                        + "paper).")
        private int mixesPerStep;

        @Option(names = "--baselines", description = "Also train a plain model at each granularity's width.")
        private boolean baselines;

        @Mixin
        private QuietOption quiet;

        @Override
        public Integer call() {
            OutputOption.checkedDirectory("--out", out.path(), "matformer.h5");
            DjlRuntime.configure(1);
            PrintWriter stdout = command.commandLine().getOut();
            Path corpusFile = corpus != null ? corpus : DemoCorpus.path();
            LmShape shape = LmShape.uniform(layers, dModel, heads, context, dFf, positions);
            TrainOptions options = TrainOptions.defaults(steps, seed.value()).withBatchSize(batch)
                    .withLearningRate(learningRate).withSampleOneGranularity(sampleOne).withMixesPerStep(mixesPerStep);
            MatformerStudy study = new MatformerStudy(corpusFile, heldOut, shape, options, baselines);
            stdout.printf("corpus %s: %d training bytes, %d held out; model %s; %d steps%n", corpusFile,
                    study.text().train().length, study.text().heldOut().length, shape, steps);
            for (MatformerStudy.Run run : study.runs()) {
                ProgressBar bar = new ProgressBar(command.commandLine().getErr(), run.name(), "steps", quiet.on());
                MatformerStudy.Outcome outcome = study.train(run, out.path(), listener(bar));
                if (outcome.kept()) {
                    stdout.printf("kept %s: trained earlier with the same options and data%n", outcome.file());
                } else {
                    stdout.printf(Locale.ROOT, "wrote %s: held-out loss (nats/byte) %s, %.0f s%n", outcome.file(),
                            losses(outcome.heldOutLosses()), outcome.seconds());
                }
            }
            stdout.flush();
            return 0;
        }

        private static String losses(double[] losses) {
            return Arrays.stream(losses).mapToObj(l -> String.format(Locale.ROOT, "%.4f", l))
                    .collect(Collectors.joining(" / "));
        }

        private static TrainingListener listener(ProgressBar bar) {
            return new TrainingListener() {
                @Override
                public void step(int step, int total, double[] losses) {
                    bar.update(step, total, "loss " + IntStream.range(0, losses.length)
                            .filter(g -> !Double.isNaN(losses[g]))
                            .mapToObj(g -> String.format(Locale.ROOT, "g%d %.3f", g, losses[g]))
                            .collect(Collectors.joining(" ")));
                }

                @Override
                public void evaluated(int step, double[] heldOut) {
                    bar.note("step " + step + ": held-out " + losses(heldOut));
                }

                @Override
                public void note(String message) {
                    bar.note(message);
                }
            };
        }
    }

    /** {@code matformer extract}. */
    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Cuts a Mix'n'Match configuration out of a trained MatFormer as a standalone plain model.")
    static final class Extract implements Callable<Integer> {

        @Spec
        private picocli.CommandLine.Model.CommandSpec command;

        @Option(names = "--model", paramLabel = "DIR|FILE", required = true, description = "Trained MatFormer.")
        private Path model;

        @Option(names = "--config", paramLabel = "G,G,...", required = true,
                description = "Granularity per layer, 0 = smallest, e.g. 0,1,1,3.")
        private String config;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Model file to write.")
        private Path out;

        @Override
        public Integer call() {
            Path file = OutputOption.checkedFile("--out", out, ModelFile.FORMAT, false, List.of(model));
            DjlRuntime.configure(1);
            MixConfig mix = MixConfig.parse(config);
            try (NDManager manager = NDManager.newBaseManager()) {
                TrainedModel.Extraction extraction = TrainedModel.extract(model, mix, file, manager);
                command.commandLine().getOut().printf("wrote %s: configuration %s, %d parameters (the nested model "
                        + "has %d)%n", file, mix, extraction.parameters(), extraction.nestedParameters());
            }
            return 0;
        }
    }

    /** {@code matformer sweep}. */
    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Evaluates Mix'n'Match configurations (granularity never decreasing with depth) and the "
                    + "baselines on held-out text; writes a table and a PNG of loss against parameters.")
    static final class Sweep implements Callable<Integer> {

        @Spec
        private picocli.CommandLine.Model.CommandSpec command;

        @Option(names = "--model", paramLabel = "DIR", required = true,
                description = "Directory made by matformer train (baselines in it are included).")
        private Path directory;

        @Option(names = "--max-configs", paramLabel = "N", defaultValue = "40",
                description = "Most configurations evaluated (default: ${DEFAULT-VALUE}).")
        private int cap;

        @Option(names = "--eval-batches", paramLabel = "N", defaultValue = "" + TrainOptions.DEFAULT_EVAL_BATCHES,
                description = "Held-out batches of " + TrainedModel.EVALUATION_WINDOWS + " windows (default: "
                        + "${DEFAULT-VALUE}).")
        private int batches;

        @Option(names = "--corpus", paramLabel = "FILE", description = "Corpus, when it moved since training.")
        private Path corpus;

        @Option(names = "--family", paramLabel = "depth|importance", defaultValue = "importance",
                description = "Configurations whose granularity never decreases with depth (the paper's), or never "
                        + "increases from the layer whose narrowing costs most on the training text to the one whose "
                        + "narrowing costs least (default: ${DEFAULT-VALUE}).")
        private DirectorySweep.Family family;

        @Override
        public Integer call() {
            DjlRuntime.configure(1);
            DirectorySweep sweep = DirectorySweep.of(directory, family, cap, batches, corpus);
            PrintWriter stdout = command.commandLine().getOut();
            List<Estimate> importance = sweep.importance().increase();
            stdout.println("loss added by narrowing one layer to the smallest granularity (training text): " + IntStream
                    .range(0, importance.size()).mapToObj(l -> String.format(Locale.ROOT, "layer %d %+.4f ± %.4f", l,
                            importance.get(l).mean(), importance.get(l).standardError()))
                    .collect(Collectors.joining(", ")) + "; family: " + family.text());
            stdout.print(sweep.table());
            stdout.printf(Locale.ROOT, "%nMix'n'Match models on or below the curve through the uniform granularities "
                    + "(paired excess <= %.0f standard errors): %d of %d (%.0f %%)%n", DirectorySweep.ERRORS,
                    sweep.onOrBelowCurve().count(), sweep.onOrBelowCurve().total(),
                    100 * sweep.onOrBelowCurve().fraction());
            sweep.baselineGaps().forEach((config, gap) -> stdout.printf(Locale.ROOT, "uniform %s against its baseline: "
                    + "%+.2f %% ± %.2f %%%n", config, 100 * gap.mean(), 100 * gap.standardError()));
            stdout.printf("wrote %s and %s%n", sweep.markdown(), sweep.png());
            stdout.flush();
            return 0;
        }
    }

    /** {@code matformer generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Continues a prompt with a model (a configuration of a MatFormer, or any model file).")
    static final class Generate implements Callable<Integer> {

        @Spec
        private picocli.CommandLine.Model.CommandSpec command;

        @Option(names = "--model", paramLabel = "DIR|FILE", required = true, description = "Model.")
        private Path model;

        @Option(names = "--config", paramLabel = "G,G,...",
                description = "Configuration of a MatFormer (default: its largest).")
        private String config;

        @Mixin
        private Continuation continuation;

        @Option(names = "--temperature", defaultValue = "0",
                description = "0 for greedy, else sampling temperature (default: ${DEFAULT-VALUE}).")
        private double temperature;

        @Mixin
        private SeedOption seed;

        @Option(names = "--no-cache", description = "Recompute the whole prefix for every token (no KV cache).")
        private boolean noCache;

        @Override
        public Integer call() {
            DjlRuntime.configure(1);
            if (!(temperature >= 0) || (temperature > 0 && noCache)) {
                throw new UserInputException("--temperature", "= " + temperature + ": must be >= 0 (0: greedy), and "
                        + "--no-cache applies to greedy decoding only");
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                ModelFile.Contents contents = ModelFile.read(TrainedModel.file(model), manager, null);
                String mix;
                Decoder decoder;
                if (contents.granularityWidths().length == 0) {
                    if (config != null) {
                        throw new UserInputException("--config: '" + model + "' is a plain model, not a MatFormer");
                    }
                    mix = "plain";
                    decoder = new Decoder(contents.lm(), contents.lm().fullWidths());
                } else {
                    MatLm nested = contents.nested();
                    MixConfig chosen = config != null ? MixConfig.parse(config) : nested.largest();
                    mix = "configuration " + chosen;
                    decoder = Decoder.of(nested, chosen);
                }
                long start = System.nanoTime();
                long[] prompt = ByteText.tokens(continuation.prompt);
                long[] out = temperature > 0 ? decoder.sample(prompt, continuation.tokens, temperature,
                        RandomSource.XO_RO_SHI_RO_128_PP.create(seed.value()))
                        : decoder.greedy(prompt, continuation.tokens, !noCache);
                double seconds = (System.nanoTime() - start) / 1e9;
                PrintWriter stdout = command.commandLine().getOut();
                stdout.println(ByteText.text(out));
                stdout.printf(Locale.ROOT, "%d tokens in %.3f s (%.0f tokens/s, %s, %s)%n", continuation.tokens,
                        seconds, continuation.tokens / seconds, noCache ? "no KV cache" : "KV cache", mix);
                stdout.flush();
            }
            return 0;
        }
    }

    /** {@code matformer speculate}. */
    @Command(name = "speculate", mixinStandardHelpOptions = true,
            description = "Greedy speculative decoding: a small configuration drafts k tokens, the full model "
                    + "verifies them in one pass; checks the output against plain greedy decoding and times both.")
    static final class Speculate implements Callable<Integer> {

        @Spec
        private picocli.CommandLine.Model.CommandSpec command;

        @Option(names = "--model", paramLabel = "DIR|FILE", required = true, description = "Trained MatFormer.")
        private Path model;

        @Option(names = "--draft-config", paramLabel = "G,G,...",
                description = "Draft configuration (default: the smallest granularity in every layer).")
        private String draftConfig;

        @Option(names = "--k", defaultValue = "4",
                description = "Tokens drafted per verification (default: ${DEFAULT-VALUE}).")
        private int k;

        @Mixin
        private Continuation continuation;

        @Override
        public Integer call() {
            DjlRuntime.configure(1);
            try (NDManager manager = NDManager.newBaseManager()) {
                MatLm nested = TrainedModel.nested(model, manager);
                MixConfig draft = draftConfig != null ? MixConfig.parse(draftConfig)
                        : MixConfig.uniform(nested.layers(), 0);
                SpeculativeTrial trial = new SpeculativeTrial(nested, draft, manager);
                long[] prompt = ByteText.tokens(continuation.prompt);
                SpeculativeTrial.Result result = trial.run(prompt, continuation.tokens, k);
                SpeculativeDecoder.Result speculative = result.speculative();
                PrintWriter stdout = command.commandLine().getOut();
                stdout.println(ByteText.text(speculative.tokens()));
                stdout.printf(Locale.ROOT, "identical to greedy decoding: %s; draft %s (%d parameters), k = %d: "
                        + "acceptance %.3f, %d verifier passes for %d tokens; %.3f s vs %.3f s greedy: %.2fx%n",
                        result.identical() ? "yes" : "NO", draft, trial.draftModel().shape().parameterCount(), k,
                        speculative.acceptanceRate(), speculative.verifierPasses(), continuation.tokens,
                        result.speculativeSeconds(), result.greedySeconds(), result.speedUp());
                stdout.flush();
                return result.identical() ? 0 : 1;
            }
        }
    }
}
