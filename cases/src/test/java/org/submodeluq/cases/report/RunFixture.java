package org.submodeluq.cases.report;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.submodeluq.cases.pipeline.RunLayout;
import org.submodeluq.cases.pipeline.RunState;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.CampaignProgress;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.montecarlo.CampaignSettings;
import org.submodeluq.montecarlo.GeneratorLabel;
import org.submodeluq.montecarlo.MonteCarloCampaign;
import org.submodeluq.montecarlo.SubmodelSampler;
import org.submodeluq.montecarlo.compare.Comparison;
import org.submodeluq.montecarlo.compare.ComparisonFile;
import org.submodeluq.montecarlo.compare.ComparisonReport;
import org.submodeluq.surrogate.DjlRuntime;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.GeneratorTraining;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpOptions;

/**
 * A small but complete run directory made through the public APIs, the way {@code run} makes one: 40 full
 * runs of a coarse case (Java solver), both generators (a WGAN-GP of 40 updates), 400 Monte Carlo samples
 * each, the comparison, and a run.h5 whose stage timings are the fixture's own.
 */
final class RunFixture {

    static final String CASE_YAML = "name: tiny\nmesh: {nx: 40, ny: 10}\ntime: {steps: 60, dt: 0.06}\n";
    static final int RUNS = 40;
    static final long TRAINING_SEED = 11;
    static final long MONTE_CARLO_SEED = 7;
    static final long COMPARISON_SEED = 5;
    static final int MONTE_CARLO_SAMPLES = 400;
    static final int THREADS = 2;

    private RunFixture() {
    }

    static RunLayout create(Path directory) throws IOException {
        DjlRuntime.configure(1);
        RunLayout layout = new RunLayout(directory);
        CaseSpec spec = CaseFiles.parse(CASE_YAML, "RunFixture");
        ZonedMesh zoned = new ZonedMesh(spec);
        Map<String, RunState.Stage> stages = new LinkedHashMap<>();

        timed("generate", "java: the test fixture asks for the Java solver", stages, () -> {
            try (JavaSolver solver = new JavaSolver(new FullModel(zoned), THREADS)) {
                new TrainingCampaign(zoned, TRAINING_SEED, RUNS, new double[] {0.5, 0.1, 0.4}, layout.trainingSet())
                        .run(solver, "java", CampaignProgress.SILENT);
            }
            return null;
        });
        TrainingData data = TrainingData.read(layout.trainingSet(), TrainingData.TRACES, TRAINING_SEED);
        WganGpOptions gan = new WganGpOptions(8, new int[] {32, 32}, new int[] {32, 32}, 10, 2, 1e-3, 1, 0.5, 0.9, 16,
                40, 0, 10, 40, 3, false);
        List<Path> campaigns = new ArrayList<>();
        for (GeneratorKind kind : RunLayout.GENERATORS) {
            String stage = kind.text().replace('-', '_');
            GeneratorTraining.Result trained = timed("train_" + stage, kind.text(), stages,
                    () -> GeneratorTraining.train(data, new GeneratorTraining.Settings(kind, 0.999, 0, gan, 1,
                            Device.cpu()), layout.generator(kind), TrainingListener.SILENT));
            timed("mc_" + stage, MONTE_CARLO_SAMPLES + " samples on " + THREADS + " threads", stages,
                    () -> new MonteCarloCampaign(new SubmodelSampler(new Submodel(zoned), trained.generator()),
                            new GeneratorLabel(kind.text(), GeneratorFiles.manifest(layout.generator(kind)).toString(),
                                    "cpu"), CampaignSettings.of(MONTE_CARLO_SAMPLES, MONTE_CARLO_SEED, THREADS),
                            layout.monteCarlo(kind)).run(CampaignProgress.SILENT));
            campaigns.add(layout.monteCarlo(kind));
        }
        ComparisonReport comparison = timed("compare", "bootstrap of 100 resamples", stages,
                () -> Comparison.run(layout.trainingSet(), campaigns, new Comparison.Settings(100, 0.95,
                        COMPARISON_SEED, THREADS), line -> { }));
        ComparisonFile.write(layout.comparison(), comparison);
        Files.writeString(layout.comparisonMarkdown(), comparison.markdown());

        RunState state = new RunState("tiny", CASE_YAML, "runs = " + RUNS + "\nsplit = [0.5, 0.1, 0.4]\nseed = "
                + COMPARISON_SEED + "\nmc_samples = " + MONTE_CARLO_SAMPLES + "\nthreads = " + THREADS + "\n", stages);
        state.write(layout.state());
        return layout;
    }

    /** Runs a stage's work and records its wall time, as run.h5 does. */
    private static <T> T timed(String name, String detail, Map<String, RunState.Stage> stages, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        stages.put(name, new RunState.Stage(RunState.key(name), (System.nanoTime() - start) * 1e-9,
                Instant.now().toString(), detail));
        return result;
    }
}
