package org.submodeluq.cases.bench;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.submodeluq.core.io.Directories;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.montecarlo.compare.ExactReplay;
import org.submodeluq.montecarlo.multifidelity.CrossFittedSurrogates;
import org.submodeluq.montecarlo.multifidelity.MeanMapEstimate;
import org.submodeluq.montecarlo.multifidelity.MultifidelityReport;
import org.submodeluq.montecarlo.multifidelity.QuantityEstimate;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.GeneratorTraining;
import org.submodeluq.surrogate.conditional.CrossFitEnsemble;
import org.submodeluq.surrogate.conditional.CrossFitted;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpOptions;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * What each generator kind costs on the default case: training on a fresh Java training set (the GANs
 * for the plan's iterations, the rest in full), and generating one sample, against one submodel run, the
 * other half of a Monte Carlo sample. Samples are drawn in batches of {@value #BATCH}, as a campaign draws
 * them; the first batch is warm-up.
 */
public final class GeneratorBench {

    private static final int BATCH = 50;
    private static final List<GeneratorKind> KINDS = List.of(GeneratorKind.PCA_GAUSSIAN, GeneratorKind.WGAN_GP,
            GeneratorKind.MEAN_MAP_RESIDUAL, GeneratorKind.MEAN_MAP, GeneratorKind.CONDITIONAL_WGAN_GP);

    /**
     * One kind's costs.
     *
     * @param trainingS seconds to train it (for mean-map: to drop the residual of a trained mean-map-residual)
     * @param iterations GAN iterations trained, 0 for the other kinds
     * @param sampleMs milliseconds to generate one sample
     * @param submodelMs milliseconds of one submodel run on its traces
     */
    public record Cost(String kind, int trainingRuns, double trainingS, int iterations, double sampleMs,
                       double submodelMs) {
    }

    /**
     * What a multifidelity estimate buys on one quantity: plain Monte Carlo's full runs per thread-second
     * against the multifidelity estimate's, counted as plain full runs of equal variance per thread-second
     * spent (full runs, the surrogates' cheap samples and the emulator's fits).
     *
     * @param varianceReduction the full runs' plain variance over the estimate's
     */
    public record EffectiveRate(String quantity, int pairs, double varianceReduction, double plainPerSecond,
                                double multifidelityPerSecond) {
    }

    /** Every kind's costs, and the multifidelity estimate's effective rates on the mean map's fitting runs. */
    public record Result(List<Cost> costs, List<EffectiveRate> multifidelity) {
    }

    private final int runs;
    private final int iterations;
    private final int samples;
    private final int threads;

    /**
     * @param runs full runs of the training set (80 % train, 10 % validation, 10 % test)
     * @param iterations GAN iterations
     * @param samples samples timed per kind
     * @param threads threads of the training set's generation and of the Gaussian-process fits
     */
    public GeneratorBench(int runs, int iterations, int samples, int threads) {
        this.runs = runs;
        this.iterations = iterations;
        this.samples = samples;
        this.threads = threads;
    }

    /** Times every kind on {@code spec}, then the multifidelity estimate on mean-map-residual's fitting runs. */
    public Result time(CaseSpec spec, Consumer<String> log) {
        DjlRuntime.configure(1);
        Path scratch;
        try {
            scratch = Files.createTempDirectory("submodel-uq-generator-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ZonedMesh zoned = new ZonedMesh(spec);
            Path set = scratch.resolve("training.h5");
            log.accept(runs + " Java full runs for the training set...");
            long generation = System.nanoTime();
            new TrainingCampaign(zoned, 0, runs, new double[] {0.8, 0.1, 0.1}, set)
                    .run(new JavaSolver(new FullModel(zoned), threads), "java", CampaignProgress.SILENT);
            double fullRunSeconds = (System.nanoTime() - generation) * 1e-9 * threads / runs;
            TrainingData data = TrainingData.read(set, TrainingData.TRACES, 0);
            Submodel submodel = new Submodel(zoned);
            List<Cost> costs = new ArrayList<>();
            for (GeneratorKind kind : KINDS) {
                log.accept("training " + kind.text() + " on " + data.splits().train().length + " runs...");
                Path directory = scratch.resolve(kind.text());
                long start = System.nanoTime();
                BoundaryConditionGenerator generator = kind == GeneratorKind.MEAN_MAP
                        ? GeneratorTraining.withoutResidual(data, scratch.resolve(GeneratorKind.MEAN_MAP_RESIDUAL
                        .text()), directory, 0).generator()
                        : GeneratorTraining.train(data, settings(kind), directory, TrainingListener.SILENT).generator();
                double training = (System.nanoTime() - start) * 1e-9;
                log.accept("generating " + samples + " " + kind.text() + " samples...");
                costs.add(new Cost(kind.text(), data.splits().train().length, training,
                        kind == GeneratorKind.WGAN_GP || kind == GeneratorKind.CONDITIONAL_WGAN_GP ? iterations : 0,
                        sampleMs(generator), submodelMs(submodel, generator)));
            }
            log.accept("the multifidelity estimate on the mean map's " + data.splits().train().length
                    + " fitting runs...");
            return new Result(costs, multifidelity(spec, set, scratch.resolve(GeneratorKind.MEAN_MAP_RESIDUAL.text()),
                    submodel, fullRunSeconds));
        } finally {
            try {
                Directories.deleteTree(scratch);
            } catch (IOException e) {
                log.accept("could not remove " + scratch + ": " + e.getMessage());
            }
        }
    }

    /**
     * The estimate from the fitting runs of the mean map in {@code directory}: its fold ensemble drives
     * {@code samples} submodel runs, the emulator its default cheap samples, every second of it counted.
     */
    private List<EffectiveRate> multifidelity(CaseSpec spec, Path set, Path directory, Submodel submodel,
                                              double fullRunSeconds) {
        long start = System.nanoTime();
        CrossFitEnsemble ensemble = GeneratorFiles.crossFitEnsemble(directory);
        int nodes = submodel.mesh().cutNodeCount();
        int steps = submodel.mesh().spec().time().steps();
        List<BoundaryTraces> traces = new ArrayList<>();
        for (double[] row : ensemble.sample(3, 0, samples)) {
            traces.add(new BoundaryTraces(nodes, steps, row));
        }
        double[][] cheap = ExactReplay.quantities(submodel, traces, 1);
        double submodelSeconds = (System.nanoTime() - start) * 1e-9 / samples;
        CrossFitted pairs = GeneratorFiles.crossFitted(directory);
        TrainingSetFile.Contents contents = TrainingSetFile.read(set);
        List<FullRun> fitted = Arrays.stream(pairs.runs()).mapToObj(i -> contents.runs().get(i)).toList();
        double[][] quantities = fitted.stream().map(run -> run.quantities().toArray()).toArray(double[][]::new);
        double[][] inputs = fitted.stream().map(run -> run.theta().toArray()).toArray(double[][]::new);
        long emulatorStart = System.nanoTime();
        MultifidelityReport.Surrogate emulator = CrossFittedSurrogates.emulator(spec, inputs, quantities,
                ensemble.folds(), 0, MeanMapEstimate.EMULATOR_SAMPLES);
        double emulatorSeconds = (System.nanoTime() - emulatorStart) * 1e-9 / MeanMapEstimate.EMULATOR_SAMPLES;
        MultifidelityReport report = MultifidelityReport.estimate(spec.name(), QuantitiesOfInterest.NAMES, quantities,
                List.of(CrossFittedSurrogates.submodel(submodel, ensemble, pairs.predictions(), cheap, 1), emulator),
                null, new MultifidelityReport.Costs(fullRunSeconds, new double[] {submodelSeconds, emulatorSeconds}),
                0.95);
        List<EffectiveRate> rates = new ArrayList<>();
        for (QuantityEstimate quantity : report.quantities()) {
            double spent = quantity.pairs() * fullRunSeconds + samples * submodelSeconds
                    + MeanMapEstimate.EMULATOR_SAMPLES * emulatorSeconds;
            rates.add(new EffectiveRate(quantity.quantity(), quantity.pairs(), quantity.mean().varianceReduction(),
                    1 / fullRunSeconds, quantity.mean().varianceReduction() * quantity.pairs() / spent));
        }
        return rates;
    }

    /** The effective rates as a table. */
    public static String multifidelityTable(List<EffectiveRate> rates) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-26s %6s %10s %16s %16s %8s%n", "quantity",
                "pairs", "var. red.", "plain runs/s", "effective runs/s", "gain"));
        for (EffectiveRate rate : rates) {
            out.append(String.format(Locale.ROOT, "%-26s %6d %10.1f %16.2f %16.2f %7.1fx%n", rate.quantity(),
                    rate.pairs(), rate.varianceReduction(), rate.plainPerSecond(), rate.multifidelityPerSecond(),
                    rate.multifidelityPerSecond() / rate.plainPerSecond()));
        }
        return out.toString();
    }

    private GeneratorTraining.Settings settings(GeneratorKind kind) {
        return new GeneratorTraining.Settings(kind, PcaReduction.DEFAULT_ENERGY, 0,
                WganGpOptions.defaults().withIterations(iterations), 0, Device.cpu(),
                GeneratorTraining.Conditional.defaults(threads));
    }

    private double sampleMs(BoundaryConditionGenerator generator) {
        generator.sample(1, 0, BATCH);
        int batches = Math.max(1, samples / BATCH);
        long start = System.nanoTime();
        for (int b = 1; b <= batches; b++) {
            generator.sample(1, (long) b * BATCH, BATCH);
        }
        return (System.nanoTime() - start) * 1e-6 / (batches * BATCH);
    }

    private static double submodelMs(Submodel submodel, BoundaryConditionGenerator generator) {
        int nodes = submodel.mesh().cutNodeCount();
        int steps = submodel.mesh().spec().time().steps();
        double[][] traces = generator.sample(2, 0, BATCH);
        double[] times = new double[traces.length];
        for (int i = 0; i < traces.length; i++) {
            long start = System.nanoTime();
            submodel.run(new BoundaryTraces(nodes, steps, traces[i]));
            times[i] = (System.nanoTime() - start) * 1e-6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    /** The costs as a table. */
    public static String table(List<Cost> costs) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-18s %8s %11s %11s %12s %14s%n", "generator",
                "runs", "training s", "iterations", "ms/sample", "x submodel run"));
        for (Cost cost : costs) {
            out.append(String.format(Locale.ROOT, "%-18s %8d %11.1f %11s %12.3f %14.3f%n", cost.kind(),
                    cost.trainingRuns(), cost.trainingS(), cost.iterations() == 0 ? "" : cost.iterations(),
                    cost.sampleMs(), cost.sampleMs() / cost.submodelMs()));
        }
        return out.toString();
    }
}
