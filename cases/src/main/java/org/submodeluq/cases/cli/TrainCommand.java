package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.submodeluq.core.UserInputException;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.GeneratorTraining;
import org.submodeluq.surrogate.conditional.MeanMapTraining;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.WganGpOptions;
import org.submodeluq.surrogate.reduction.PcaReduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq train}: fits a boundary-condition generator and scores it on the test split. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fits a generator on the train split of a data set and scores it on the test split.",
                "WGAN-GP training resumes from OUT/checkpoint.h5 when run again with the same options."})
final class TrainCommand implements Callable<Integer> {

    private static final String DEFAULT_HIDDEN = WganGpOptions.HIDDEN_WIDTH + "," + WganGpOptions.HIDDEN_WIDTH;

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "HDF5 file: a training set, or any file holding n samples in one dataset.")
    private Path data;

    @Option(names = "--dataset", paramLabel = "PATH", defaultValue = "/traces",
            description = "Dataset of n samples (n x d or n x ...) (default: ${DEFAULT-VALUE}).")
    private String dataset;

    @Option(names = "--model", paramLabel = "KIND", required = true,
            description = "empirical, pca-gaussian, wgan-gp, or conditioned on the case's inputs: mean-map, "
                    + "mean-map-residual, cwgan-gp.")
    private GeneratorKind kind;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Model directory to write.")
    private Path out;

    @Option(names = "--force", description = "Replace a generator already trained in --out.")
    private boolean force;

    @Option(names = "--energy", paramLabel = "FRACTION", defaultValue = "" + PcaReduction.DEFAULT_ENERGY,
            description = "Share of standardised variance the PCA keeps (default: ${DEFAULT-VALUE}).")
    private double energy;

    @Option(names = "--components", paramLabel = "K", defaultValue = "0",
            description = "Keep exactly K principal components instead (default: by energy).")
    private int components;

    @Option(names = "--condition", paramLabel = "INPUTS",
            description = "Conditional kinds: the inputs to condition on, a list of the case's input names (amplitude,"
                    + "duration,centre,xi_1,...), 'load' (the first three) or 'all' (default: all for the mean maps, "
                    + "load for cwgan-gp).")
    private String condition;

    @Option(names = "--map-components", paramLabel = "K", defaultValue = "" + MeanMapTraining.Settings.MAP_COMPONENTS,
            description = "Mean maps: principal components of the traces given a Gaussian process each "
                    + "(default: ${DEFAULT-VALUE}).")
    private int mapComponents;

    @Option(names = "--residual-components", paramLabel = "K",
            defaultValue = "" + MeanMapTraining.Settings.RESIDUAL_COMPONENTS,
            description = "mean-map-residual: principal components of the residual model, at most, and at most one per "
                    + "10 training runs (default: ${DEFAULT-VALUE}).")
    private int residualComponents;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "" + MeanMapTraining.Settings.FOLDS,
            description = "Mean maps: folds of the cross-fitted predictions stored with the model "
                    + "(default: ${DEFAULT-VALUE}).")
    private int folds;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + WganGpOptions.ITERATIONS,
            description = "WGAN-GP generator updates (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--generator-hidden", paramLabel = "WIDTHS", split = ",", defaultValue = DEFAULT_HIDDEN,
            description = "WGAN-GP: widths of the generator's hidden layers (default: ${DEFAULT-VALUE}).")
    private int[] generatorHidden;

    @Option(names = "--critic-hidden", paramLabel = "WIDTHS", split = ",", defaultValue = DEFAULT_HIDDEN,
            description = "WGAN-GP: widths of the critic's hidden layers (default: ${DEFAULT-VALUE}).")
    private int[] criticHidden;

    @Option(names = "--ema-decay", paramLabel = "D", defaultValue = "" + WganGpOptions.EMA_DECAY,
            description = "WGAN-GP: decay of the moving average of the generator's weights; 0 samples the last "
                    + "iterate (default: ${DEFAULT-VALUE}).")
    private double emaDecay;

    @Option(names = "--final-lr", paramLabel = "FRACTION", defaultValue = "" + WganGpOptions.FINAL_LEARNING_RATE,
            description = "WGAN-GP: learning rate at the last iteration, as a fraction of the first; 1 keeps it "
                    + "constant (default: ${DEFAULT-VALUE}).")
    private double finalLearningRate;

    @Mixin
    private SeedOption seed;

    @Mixin
    private DeviceOption device;

    @Option(names = "--threads", paramLabel = "T",
            description = "GANs: libtorch intra-op threads, 1 by default (more can stall on small shared machines); "
                    + "mean maps: Gaussian processes fitted at once, every core by default.")
    private Integer threads;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() {
        Contradictions.refuseTogether(command, "--components", "--energy", "both choose how many principal "
                + "components to keep");
        boolean gan = kind == GeneratorKind.WGAN_GP || kind == GeneratorKind.CONDITIONAL_WGAN_GP;
        boolean meanMap = kind == GeneratorKind.MEAN_MAP || kind == GeneratorKind.MEAN_MAP_RESIDUAL;
        Contradictions.refuseIgnored(command, List.of("--iterations", "--generator-hidden", "--critic-hidden",
                "--ema-decay", "--final-lr"), !gan, "it applies to wgan-gp and cwgan-gp only, and --model is "
                + kind.text());
        Contradictions.refuseIgnored(command, List.of("--condition"), !kind.conditional(), "it applies to the "
                + "conditional kinds (mean-map, mean-map-residual, cwgan-gp), and --model is " + kind.text());
        Contradictions.refuseIgnored(command, List.of("--map-components", "--folds"), !meanMap, "it applies to the "
                + "mean maps only, and --model is " + kind.text());
        Contradictions.refuseIgnored(command, List.of("--residual-components"), kind != GeneratorKind.MEAN_MAP_RESIDUAL,
                "it applies to mean-map-residual only, and --model is " + kind.text());
        UserInputException.require(mapComponents >= 1, "--map-components", mapComponents, "at least 1");
        UserInputException.require(residualComponents >= 1, "--residual-components", residualComponents, "at least 1");
        UserInputException.require(folds >= 2, "--folds", folds, "at least 2");
        UserInputException.require(threads == null || threads >= 1, "--threads", threads, "at least 1");
        Path directory = OutputOption.checkedDirectory("--out", out, "manifest.json");
        if (!force && Files.exists(directory.resolve("manifest.json"))) {
            throw new UserInputException("--out", "'" + directory + "' holds a trained generator; --force replaces it, or "
                    + "name another --out");
        }
        OutputOption.checkedText("--out", directory.resolve(GeneratorFiles.MODEL_FILE), List.of(data));
        DjlRuntime.configure(threads == null || meanMap ? 1 : threads);
        PrintWriter stdout = command.commandLine().getOut();
        // the other kinds refuse the WGAN-GP options above, so the defaults stand for them
        WganGpOptions ganOptions = !gan ? WganGpOptions.defaults() : WganGpOptions.defaults()
                .withIterations(iterations).withGeneratorHidden(generatorHidden).withCriticHidden(criticHidden)
                .withEmaDecay(emaDecay).withFinalLearningRate(finalLearningRate).withSeed(seed.value());
        TrainingData trainingData = TrainingData.read(data, dataset, seed.value());
        GeneratorTraining.Conditional conditional = new GeneratorTraining.Conditional(condition == null ? "" : condition,
                mapComponents, residualComponents, folds, threads != null ? threads
                : Runtime.getRuntime().availableProcessors());
        GeneratorTraining.Settings settings = new GeneratorTraining.Settings(kind, energy, components, ganOptions,
                seed.value(), device.resolve(), conditional);
        GeneratorTraining.check(trainingData, settings);
        ProgressBar progress = new ProgressBar(command.commandLine().getErr(), "train " + kind.text(), "iterations",
                quiet.on());
        progress.note(trainingData.all().size() + " samples of " + trainingData.all().features() + " features from "
                + trainingData.source() + " (train " + trainingData.splits().train().length + ", validation "
                + trainingData.splits().validation().length + ", test " + trainingData.splits().test().length + ")");
        long start = System.nanoTime();
        GeneratorTraining.Result result = GeneratorTraining.train(trainingData, settings, directory,
                progress.asTraining());
        stdout.printf("wrote %s (%s, %d components, %.1f s); metrics on the test split (%d samples):%n", directory,
                kind.text(), result.reduction().components(), (System.nanoTime() - start) * 1e-9,
                trainingData.splits().test().length);
        for (Map.Entry<String, Double> metric : result.metrics().asMap().entrySet()) {
            stdout.printf("  %-26s %.5g%n", metric.getKey(), metric.getValue());
        }
        stdout.flush();
        return 0;
    }
}
