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
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.GeneratorTraining;
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

    /** Times every kind on {@code spec}. */
    public List<Cost> time(CaseSpec spec, Consumer<String> log) {
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
            new TrainingCampaign(zoned, 0, runs, new double[] {0.8, 0.1, 0.1}, set)
                    .run(new JavaSolver(new FullModel(zoned), threads), "java", CampaignProgress.SILENT);
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
            return costs;
        } finally {
            try {
                Directories.deleteTree(scratch);
            } catch (IOException e) {
                log.accept("could not remove " + scratch + ": " + e.getMessage());
            }
        }
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
