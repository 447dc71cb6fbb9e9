package org.submodeluq.cases.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.rng.simple.RandomSource;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.data.ByteCorpus;
import org.submodeluq.matformer.data.ByteText;
import org.submodeluq.matformer.data.DemoCorpus;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.decode.Decoder;
import org.submodeluq.matformer.decode.SpeculativeDecoder;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.matformer.model.TransformerLm;
import org.submodeluq.matformer.sweep.MixAndMatch;
import org.submodeluq.matformer.sweep.SweepPoint;
import org.submodeluq.matformer.sweep.SweepReport;
import org.submodeluq.matformer.train.MatTrainer;
import org.submodeluq.matformer.train.TrainOptions;
import org.submodeluq.matformer.train.TrainingListener;
import org.submodeluq.nn.DjlRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq matformer}: nested transformers, Mix'n'Match extraction and speculative decoding. */
@Command(name = "matformer", mixinStandardHelpOptions = true,
        description = "MatFormer byte-level language models: train, extract, sweep, generate, speculate.",
        subcommands = {MatformerCommand.Train.class, MatformerCommand.Extract.class, MatformerCommand.Sweep.class,
                MatformerCommand.Generate.class, MatformerCommand.Speculate.class})
final class MatformerCommand {

    /** The nested model a training directory holds. */
    static final String MODEL = "matformer.h5";

    private MatformerCommand() {
    }

    /** A model file, or the nested model of a training directory. */
    static Path modelFile(Path path) {
        return Files.isDirectory(path) ? path.resolve(MODEL) : path;
    }

    /** The MatFormer in {@code path} (a file or a training directory); a plain model is refused. */
    static MatLm nested(Path path, NDManager manager) {
        Path file = modelFile(path);
        ModelFile.Contents contents = ModelFile.read(file, manager, null);
        if (contents.granularityWidths().length == 0) {
            throw new UserInputException("'" + file + "' is a plain model, not a MatFormer: this needs a model made by "
                    + "matformer train");
        }
        return contents.nested();
    }

    /** The held-out part of the corpus a model was trained on, as evaluation batches. */
    static Windows heldOut(Path model, Path corpusOverride) {
        Object recorded = ModelFile.attribute(model, "corpus");
        Object fraction = ModelFile.attribute(model, "held_out_fraction");
        if ((recorded == null && corpusOverride == null) || fraction == null) {
            throw new UserInputException("'" + model + "' does not say which corpus it was trained on: it was not made by "
                    + "matformer train");
        }
        Path corpus = corpusOverride != null ? corpusOverride : Path.of((String) recorded);
        int context = ((Number) ModelFile.attribute(model, "context")).intValue();
        return windows(ByteCorpus.read(corpus, ((Number) fraction).doubleValue()).heldOut(), context, "held-out part");
    }

    /** Windows of {@code context} bytes, or a clear error when the text is too short for one. */
    static Windows windows(byte[] text, int context, String what) {
        if (text.length <= context) {
            throw new UserInputException("--context", "= " + context + " is too long: the corpus's " + what + " has "
                    + text.length + " bytes and needs more than the context");
        }
        return new Windows(text, context);
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

        @Option(names = "--held-out", paramLabel = "F", defaultValue = "0.1",
                description = "Share of the corpus held out, its end (default: ${DEFAULT-VALUE}).")
        private double heldOut;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "matformer",
                description = "Output directory (default: ${DEFAULT-VALUE}).")
        private Path out;

        @Option(names = "--layers", defaultValue = "4", description = "Blocks (default: ${DEFAULT-VALUE}).")
        private int layers;

        @Option(names = "--d-model", defaultValue = "64", description = "Residual width (default: ${DEFAULT-VALUE}).")
        private int dModel;

        @Option(names = "--heads", defaultValue = "4", description = "Attention heads (default: ${DEFAULT-VALUE}).")
        private int heads;

        @Option(names = "--d-ff", defaultValue = "256",
                description = "Largest feed-forward width; granularities d_ff/8, /4, /2, 1 "
                        + "(default: ${DEFAULT-VALUE}).")
        private int dFf;

        @Option(names = "--context", defaultValue = "64", description = "Context in bytes (default: ${DEFAULT-VALUE}).")
        private int context;

        @Option(names = "--positions", defaultValue = "learned",
                description = "learned or sinusoidal (default: ${DEFAULT-VALUE}).")
        private String positions;

        @Option(names = "--steps", defaultValue = "1000", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
        private int steps;

        @Option(names = "--batch", defaultValue = "32", description = "Windows per step (default: ${DEFAULT-VALUE}).")
        private int batch;

        @Option(names = "--lr", defaultValue = "3e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
        private double learningRate;

        @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Option(names = "--sample-one", description = "Train one granularity drawn at random per step instead of all.")
        private boolean sampleOne;

        @Option(names = "--baselines", description = "Also train a plain model at each granularity's width.")
        private boolean baselines;

        @Option(names = "--quiet", description = "No progress display.")
        private boolean quiet;

        @Override
        public Integer call() {
            DjlRuntime.configure(1);
            PrintWriter stdout = command.commandLine().getOut();
            Path corpusFile = corpus != null ? corpus : DemoCorpus.path();
            ByteCorpus text = ByteCorpus.read(corpusFile, heldOut);
            LmShape.Positions kind = switch (positions) {
                case "learned" -> LmShape.Positions.LEARNED;
                case "sinusoidal" -> LmShape.Positions.SINUSOIDAL;
                default -> throw new UserInputException("--positions", "= " + positions + ": learned or sinusoidal");
            };
            LmShape shape = LmShape.uniform(layers, dModel, heads, context, dFf, kind);
            int[] widths = MatLm.defaultWidths(dFf);
            TrainOptions options = new TrainOptions(steps, batch, learningRate, Math.min(100, steps / 10), 0.1, 0.01,
                    1.0, seed, sampleOne, Math.max(1, steps / 10), 16, Math.max(1, steps / 10));
            Windows train = windows(text.train(), context, "training part");
            Windows held = windows(text.heldOut(), context, "held-out part");
            String data = "corpus " + corpusFile.toAbsolutePath() + ", held out " + heldOut + ", " + shape;
            Map<String, Object> provenance = Map.of("corpus", corpusFile.toAbsolutePath().toString(),
                    "held_out_fraction", heldOut, "steps", (long) steps, "seed", seed, "sample_one", sampleOne ? 1 : 0,
                    "identity", options + "\n" + data);
            stdout.printf("corpus %s: %d training bytes, %d held out; model %s; %d steps%n", corpusFile,
                    text.train().length, text.heldOut().length, shape, steps);
            try (NDManager manager = NDManager.newBaseManager()) {
                List<String> runs = new ArrayList<>(List.of("matformer"));
                if (baselines) {
                    Arrays.stream(widths).forEach(w -> runs.add("baseline-" + w));
                }
                for (String run : runs) {
                    Path done = out.resolve(run + ".h5");
                    if (Files.isRegularFile(done)
                            && (options + "\n" + data).equals(ModelFile.attribute(done, "identity"))) {
                        stdout.printf("kept %s: trained earlier with the same options and data%n", done);
                        continue;
                    }
                    int[] own = run.equals("matformer") ? widths : new int[] {Integer.parseInt(run.substring(9))};
                    LmShape runShape = LmShape.uniform(layers, dModel, heads, context, own[own.length - 1], kind);
                    MatLm model = new MatLm(TransformerLm.initialised(manager, runShape,
                            RandomSource.XO_RO_SHI_RO_128_PP.create(seed)), own);
                    Path checkpoint = out.resolve(run + ".checkpoint.h5");
                    ProgressBar bar = new ProgressBar(command.commandLine().getErr(), run, "steps", quiet);
                    long start = System.nanoTime();
                    double[] losses = new MatTrainer(model, train, held.evaluation(16, 16), options, checkpoint, data)
                            .train(listener(bar));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    ModelFile.write(done, model.transformer(), run.equals("matformer") ? widths : new int[0], Map.of(),
                            withContext(provenance, context));
                    delete(checkpoint);
                    stdout.printf(Locale.ROOT, "wrote %s: held-out loss (nats/byte) %s, %.0f s%n", done,
                            Arrays.stream(losses).mapToObj(l -> String.format(Locale.ROOT, "%.4f", l))
                                    .collect(Collectors.joining(" / ")), seconds);
                }
            }
            stdout.flush();
            return 0;
        }

        private static Map<String, Object> withContext(Map<String, Object> provenance, int context) {
            Map<String, Object> all = new LinkedHashMap<>(provenance);
            all.put("context", context);
            return all;
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
                    bar.note("step " + step + ": held-out " + Arrays.stream(heldOut)
                            .mapToObj(l -> String.format(Locale.ROOT, "%.4f", l)).collect(Collectors.joining(" / ")));
                }

                @Override
                public void note(String message) {
                    bar.note(message);
                }
            };
        }

        private static void delete(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
            DjlRuntime.configure(1);
            Path file = modelFile(model);
            try (NDManager manager = NDManager.newBaseManager()) {
                MatLm nested = nested(file, manager);
                MixConfig mix = MixConfig.parse(config);
                TransformerLm extracted = nested.extract(mix, manager);
                Map<String, Object> provenance = new LinkedHashMap<>();
                for (String key : List.of("corpus", "held_out_fraction", "context")) {
                    provenance.put(key, ModelFile.attribute(file, key));
                }
                provenance.put("extracted_from", file.toAbsolutePath().toString());
                provenance.put("configuration", mix.toString());
                ModelFile.write(out, extracted, new int[0], Map.of(), provenance);
                command.commandLine().getOut().printf("wrote %s: configuration %s, %d parameters (the nested model "
                        + "has %d)%n", out, mix, extracted.shape().parameterCount(),
                        nested.transformer().shape().parameterCount());
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

        @Option(names = "--eval-batches", paramLabel = "N", defaultValue = "16",
                description = "Held-out batches of 16 windows (default: ${DEFAULT-VALUE}).")
        private int batches;

        @Option(names = "--corpus", paramLabel = "FILE", description = "Corpus, when it moved since training.")
        private Path corpus;

        @Override
        public Integer call() {
            DjlRuntime.configure(1);
            if (!Files.isDirectory(directory)) {
                throw new UserInputException("--model", "= " + directory + " is not a directory made by matformer train");
            }
            if (batches < 1) {
                throw new UserInputException("--eval-batches", "= " + batches + " must be >= 1");
            }
            PrintWriter stdout = command.commandLine().getOut();
            Path file = modelFile(directory);
            var heldOut = heldOut(file, corpus).evaluation(16, batches);
            try (NDManager manager = NDManager.newBaseManager()) {
                MatLm nested = nested(file, manager);
                List<SweepPoint> points = new ArrayList<>(MixAndMatch.evaluate(nested,
                        MixAndMatch.nonDecreasing(nested, cap), heldOut));
                List<TransformerLm> baselines = new ArrayList<>();
                for (int width : nested.widths()) {
                    Path baseline = directory.resolve("baseline-" + width + ".h5");
                    if (Files.isRegularFile(baseline)) {
                        baselines.add(ModelFile.read(baseline, manager, null).lm());
                    }
                }
                if (!baselines.isEmpty()) {
                    points.addAll(MixAndMatch.baselines(baselines, heldOut));
                }
                String table = SweepReport.markdown(points);
                Path markdown = directory.resolve("sweep.md");
                Path png = directory.resolve("sweep.png");
                try {
                    Files.writeString(markdown, table);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + markdown, e);
                }
                SweepReport.png(points, png, "Mix'n'Match: held-out loss against size");
                stdout.print(table);
                stdout.printf(Locale.ROOT, "%nMix'n'Match models between their neighbouring granularities (within "
                        + "0.005 nats): %.0f %%%n", 100 * MixAndMatch.shareBetweenNeighbours(points, 0.005));
                stdout.printf("wrote %s and %s%n", markdown, png);
            }
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

        @Option(names = "--seed", defaultValue = "0", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Option(names = "--no-cache", description = "Recompute the whole prefix for every token (no KV cache).")
        private boolean noCache;

        @Override
        public Integer call() {
            DjlRuntime.configure(1);
            if (temperature < 0 || (temperature > 0 && noCache)) {
                throw new UserInputException("--temperature", "= " + temperature + ": must be >= 0 (0: greedy), and "
                        + "--no-cache applies to greedy decoding only");
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                ModelFile.Contents contents = ModelFile.read(modelFile(model), manager, null);
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
                    MixConfig chosen = config != null ? MixConfig.parse(config)
                            : MixConfig.uniform(nested.layers(), nested.granularities() - 1);
                    mix = "configuration " + chosen;
                    decoder = new Decoder(nested.transformer(), nested.hidden(chosen));
                }
                long start = System.nanoTime();
                long[] prompt = ByteText.tokens(continuation.prompt);
                long[] out = temperature > 0 ? decoder.sample(prompt, continuation.tokens, temperature,
                        RandomSource.XO_RO_SHI_RO_128_PP.create(seed))
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
            if (k < 1) {
                throw new UserInputException("--k", "= " + k + " must be >= 1");
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                MatLm nested = nested(model, manager);
                MixConfig draftMix = draftConfig != null ? MixConfig.parse(draftConfig)
                        : MixConfig.uniform(nested.layers(), 0);
                TransformerLm small = nested.extract(draftMix, manager);
                Decoder draft = new Decoder(small, small.fullWidths());
                Decoder verifier = new Decoder(nested.transformer(),
                        nested.hidden(MixConfig.uniform(nested.layers(), nested.granularities() - 1)));
                long[] input = ByteText.tokens(continuation.prompt);
                SpeculativeDecoder speculative = new SpeculativeDecoder(draft, verifier, k);
                verifier.greedy(input, continuation.tokens, true);
                speculative.greedy(input, continuation.tokens);
                long start = System.nanoTime();
                long[] plain = verifier.greedy(input, continuation.tokens, true);
                double plainSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                SpeculativeDecoder.Result result = speculative.greedy(input, continuation.tokens);
                double speculativeSeconds = (System.nanoTime() - start) / 1e9;
                PrintWriter stdout = command.commandLine().getOut();
                stdout.println(ByteText.text(result.tokens()));
                stdout.printf(Locale.ROOT, "identical to greedy decoding: %s; draft %s (%d parameters), k = %d: "
                        + "acceptance %.3f, %d verifier passes for %d tokens; %.3f s vs %.3f s greedy: %.2fx%n",
                        Arrays.equals(plain, result.tokens()) ? "yes" : "NO", draftMix, small.shape().parameterCount(),
                        k, result.acceptanceRate(), result.verifierPasses(), continuation.tokens, speculativeSeconds,
                        plainSeconds, plainSeconds / speculativeSeconds);
                stdout.flush();
                return Arrays.equals(plain, result.tokens()) ? 0 : 1;
            }
        }
    }
}
