package org.submodeluq.cases.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.rng.simple.RandomSource;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.encoder.ChannelScaling;
import org.submodeluq.matformer.encoder.EncoderFile;
import org.submodeluq.matformer.encoder.EncoderShape;
import org.submodeluq.matformer.encoder.EncoderTrainer;
import org.submodeluq.matformer.encoder.InfoNce;
import org.submodeluq.matformer.encoder.TraceEncoder;
import org.submodeluq.matformer.encoder.TraceSet;
import org.submodeluq.matformer.encoder.Views;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.train.TrainOptions;
import org.submodeluq.matformer.train.TrainingListener;
import org.submodeluq.nn.DjlRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq matformer encode-train}: a MatFormer encoder of a training set's boundary traces. */
@Command(name = "encode-train", mixinStandardHelpOptions = true,
        description = "Trains a MatFormer encoder of boundary traces on a training set's train split, without labels: "
                + "InfoNCE on two random views of each run, every granularity each step.")
final class EncodeTrainCommand implements Callable<Integer> {

    /** The encoder's file in the output directory. */
    static final String FILE = "encoder.h5";

    /** Optimiser steps: about 3 minutes on one core at the default shape. */
    static final int DEFAULT_STEPS = 600;
    /** Peak learning rate; InfoNCE at tau = 0.1 trains stably at 1e-3, as in SimCLR's small-batch runs. */
    static final double DEFAULT_LEARNING_RATE = 1e-3;

    /** Options whose names differ from the fields the model's records check. */
    private static final Map<String, String> OPTION_NAMES = Map.of("dModel", "d-model", "dFf", "d-ff");

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--training-set", paramLabel = "FILE", required = true,
            description = "Training set (generate); its train split is learnt from.")
    private Path trainingSet;

    @Mixin
    private OutputOption out;

    @Option(names = "--patch", defaultValue = "" + EncoderShape.DEFAULT_PATCH,
            description = "Time steps per token; must divide the steps (default: ${DEFAULT-VALUE}).")
    private int patch;

    @Option(names = "--layers", defaultValue = "" + EncoderShape.DEFAULT_LAYERS,
            description = "Blocks (default: ${DEFAULT-VALUE}).")
    private int layers;

    @Option(names = "--d-model", defaultValue = "" + EncoderShape.DEFAULT_D_MODEL,
            description = "Residual width (default: ${DEFAULT-VALUE}).")
    private int dModel;

    @Option(names = "--heads", defaultValue = "" + EncoderShape.DEFAULT_HEADS,
            description = "Attention heads (default: ${DEFAULT-VALUE}).")
    private int heads;

    @Option(names = "--d-ff", defaultValue = "" + EncoderShape.DEFAULT_FFN_WIDTH,
            description = "Largest feed-forward width; granularities d_ff/8, /4, /2, 1 (default: ${DEFAULT-VALUE}).")
    private int dFf;

    @Option(names = "--embedding", defaultValue = "" + EncoderShape.DEFAULT_EMBEDDING,
            description = "Embedding width (default: ${DEFAULT-VALUE}).")
    private int embedding;

    @Option(names = "--steps", defaultValue = "" + DEFAULT_STEPS,
            description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--batch", defaultValue = "" + TrainOptions.DEFAULT_BATCH,
            description = "Runs per step, each the others' negatives (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--lr", defaultValue = "" + DEFAULT_LEARNING_RATE,
            description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--temperature", defaultValue = "" + InfoNce.DEFAULT_TEMPERATURE,
            description = "InfoNCE temperature (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--shortest", defaultValue = "" + Views.DEFAULT_SHORTEST,
            description = "Shortest view, as a fraction of the run (default: ${DEFAULT-VALUE}).")
    private double shortest;

    @Option(names = "--noise", defaultValue = "" + Views.DEFAULT_NOISE,
            description = "Noise added to each view, in channel standard deviations (default: ${DEFAULT-VALUE}).")
    private double noise;

    @Option(names = "--jitter", defaultValue = "" + Views.DEFAULT_JITTER,
            description = "Standard deviation of each view's log amplitude factor (default: ${DEFAULT-VALUE}).")
    private double jitter;

    @Mixin
    private SeedOption seed;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() {
        Path directory = OutputOption.checkedDirectory("--out", out.path(), FILE);
        DjlRuntime.configure(1);
        TrainingTraces traces = TrainingTraces.read(trainingSet);
        TraceSet train = traces.train();
        EncoderShape shape;
        TrainOptions options;
        Views views;
        try {
            shape = EncoderShape.uniform(train.channels(), train.steps(), patch, layers, dModel, heads, dFf, embedding);
            options = TrainOptions.defaults(steps, seed.value()).withBatchSize(batch).withLearningRate(learningRate);
            views = new Views(shortest, noise, jitter);
            UserInputException.require(temperature > 0, "temperature", temperature, "> 0");
        } catch (UserInputException e) {
            throw e.field().isEmpty() ? e : e.named("--" + OPTION_NAMES.getOrDefault(e.field(), e.field()));
        }
        PrintWriter stdout = command.commandLine().getOut();
        stdout.printf("training set %s: %d runs in the train split; encoder %s; %d steps of %d runs%n", trainingSet,
                train.size(), shape, steps, Math.min(batch, train.size()));
        try (NDManager manager = NDManager.newBaseManager()) {
            TraceEncoder encoder = TraceEncoder.initialised(manager, shape, MatLm.defaultWidths(dFf),
                    ChannelScaling.of(train), RandomSource.XO_RO_SHI_RO_128_PP.create(seed.value()));
            ProgressBar bar = new ProgressBar(command.commandLine().getErr(), "encoder", "steps", quiet.on());
            long start = System.nanoTime();
            double[] losses = new EncoderTrainer(encoder, train, options, views, temperature).train(
                    new TrainingListener() {
                        @Override
                        public void step(int step, int total, double[] stepLosses) {
                            bar.update(step, total, "InfoNCE " + format(stepLosses));
                        }
                    });
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("training_set", trainingSet.toAbsolutePath().toString());
            record.put("options", options.toString());
            record.put("views", views.toString());
            record.put("temperature", temperature);
            record.put("final_losses", losses);
            record.put("seconds", seconds);
            Path file = directory.resolve(FILE);
            EncoderFile.write(file, encoder, record);
            stdout.printf(Locale.ROOT, "wrote %s: InfoNCE at the last step (nats, log %d = %.3f for chance) %s, "
                    + "%.0f s; parameters per granularity %s%n", file, Math.min(batch, train.size()),
                    Math.log(Math.min(batch, train.size())), format(losses), seconds,
                    Arrays.toString(IntStream.range(0, encoder.granularities()).mapToLong(encoder::parameterCount)
                            .toArray()));
        }
        stdout.flush();
        return 0;
    }

    private static String format(double[] losses) {
        return Arrays.stream(losses).mapToObj(l -> String.format(Locale.ROOT, "%.3f", l))
                .collect(Collectors.joining(" / "));
    }
}
