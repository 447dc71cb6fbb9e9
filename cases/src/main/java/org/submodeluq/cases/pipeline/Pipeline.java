package org.submodeluq.cases.pipeline;

import ai.djl.Device;
import io.jhdf.api.Node;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.submodeluq.cases.Counts;
import org.submodeluq.cases.report.Report;
import org.submodeluq.core.engine.ClusterEngine;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.montecarlo.CampaignSettings;
import org.submodeluq.montecarlo.compare.Comparison;
import org.submodeluq.montecarlo.compare.ComparisonFile;
import org.submodeluq.montecarlo.compare.ComparisonReport;
import org.submodeluq.montecarlo.compare.PerInputComparison;
import org.submodeluq.montecarlo.GeneratorLabel;
import org.submodeluq.montecarlo.MonteCarloCampaign;
import org.submodeluq.montecarlo.SubmodelSampler;
import org.submodeluq.montecarlo.multifidelity.CrossFittedSurrogates;
import org.submodeluq.montecarlo.multifidelity.MeanMapEstimate;
import org.submodeluq.montecarlo.multifidelity.MultifidelityFile;
import org.submodeluq.montecarlo.multifidelity.MultifidelityReport;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.conditional.CrossFitted;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.WganGpOptions;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.GeneratorTraining;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * The main job on one case: a training set of full runs, a PCA-Gaussian and a WGAN-GP generator of the
 * zone's boundary traces, a Monte Carlo campaign of the submodel for each, and their comparison with
 * the test split (with the exact replay as the floor), and the report. Each stage's key, a hash of the case, its
 * options and its inputs' keys, goes to {@code stages.h5} when it finishes; a stage whose key and outputs
 * are still there is reused, and one interrupted resumes from its own checkpoint. The report, which
 * takes seconds, is written every time.
 */
public final class Pipeline {

    /**
     * In the mean map's stage key since its model keeps the fold maps the estimate draws from: a run directory
     * trained before that retrains it instead of failing at the estimate.
     */
    private static final String FOLD_MAPS = "fold maps kept";

    /** Confidence level of the comparison's intervals. */
    private static final double LEVEL = 0.95;

    /** Makes a progress display for each stage. */
    public interface Display {

        /**
         * @param stage the stage's name ("generate")
         * @param unit what it counts ("samples")
         */
        StageProgress stage(String stage, String unit);
    }

    private final CaseSpec spec;
    private final RunOptions options;
    private final RunLayout layout;
    private final Display display;
    private final Cluster cluster;
    private RunState state;

    /** Connects to the cluster that runs the full runs and Monte Carlo samples; one connection per stage. */
    @FunctionalInterface
    public interface Cluster {

        /** @param notes hears what the engine says while it starts */
        ClusterEngine open(Consumer<String> notes);
    }

    /** A run of {@code spec} into {@code directory}, which is created if needed, on this machine's cores. */
    public Pipeline(CaseSpec spec, RunOptions options, Path directory, Display display) {
        this(spec, options, directory, display, null);
    }

    /**
     * A run whose generate and Monte Carlo stages run on {@code cluster} (null: on this machine's cores),
     * with the same outputs, so that the stages' keys do not name it.
     */
    public Pipeline(CaseSpec spec, RunOptions options, Path directory, Display display, Cluster cluster) {
        this.spec = spec;
        this.options = options;
        this.layout = new RunLayout(directory);
        this.display = display;
        this.cluster = cluster;
    }

    /** Runs or reuses every stage and returns the run's layout. */
    public RunLayout run() {
        prepareDirectory(layout.directory());
        DjlRuntime.configure(1);
        RunState previous = RunState.read(layout.state());
        String yaml = CaseFiles.toYaml(spec);
        state = new RunState(spec.name(), yaml, options.text(), previous == null ? Map.of() : previous.stages());
        state.write(layout.state());
        ZonedMesh zoned = new ZonedMesh(spec);

        StageProgress generateProgress = display.stage("generate", "runs");
        FullSolvers.Choice solver = FullSolvers.choose(options.solver(), options.fenics().python(), spec);
        String generateKey = RunState.key("generate", yaml, String.valueOf(options.runs()),
                Arrays.toString(options.split()), String.valueOf(options.seed()), solver.solver().name());
        stage("generate", generateKey, List.of(layout.trainingSet()), generateProgress, options.threads(),
                progress -> generate(zoned, solver, progress));

        List<Path> campaigns = new ArrayList<>();
        List<String> campaignKeys = new ArrayList<>();
        Map<GeneratorKind, String> trainKeys = new EnumMap<>(GeneratorKind.class);
        for (GeneratorKind kind : RunLayout.GENERATORS) {
            String name = kind.text().replace('-', '_');
            GeneratorTraining.Settings settings = trainingSettings(kind);
            boolean derived = kind == GeneratorKind.MEAN_MAP;
            String trainKey = derived ? RunState.key("train", trainKeys.get(GeneratorKind.MEAN_MAP_RESIDUAL),
                    "without residual") : kind == GeneratorKind.MEAN_MAP_RESIDUAL
                    ? RunState.key("train", generateKey, describe(settings), FOLD_MAPS)
                    : RunState.key("train", generateKey, describe(settings));
            trainKeys.put(kind, trainKey);
            StageProgress trainProgress = display.stage("train " + kind.text(), derived ? "models" : "iterations");
            List<Path> trained = List.of(layout.generator(kind), layout.generator(kind).resolve("manifest.json"),
                    layout.generator(kind).resolve(GeneratorFiles.MODEL_FILE));
            if (derived) {
                stage("train_" + name, trainKey, trained, trainProgress, 1, progress -> withoutResidual(progress));
            } else {
                stage("train_" + name, trainKey, trained, trainProgress, kind == GeneratorKind.MEAN_MAP_RESIDUAL
                        ? options.threads() : 1, progress -> train(settings, layout.generator(kind), progress));
            }

            CampaignSettings monteCarlo = CampaignSettings.of(options.mcSamples(), options.seed(), options.threads());
            String mcKey = RunState.key("mc", trainKey, String.valueOf(options.mcSamples()),
                    String.valueOf(options.seed()), String.valueOf(monteCarlo.batchSize()));
            StageProgress mcProgress = display.stage("mc " + kind.text(), "samples");
            stage("mc_" + name, mcKey, List.of(layout.monteCarlo(kind)), mcProgress, options.threads(),
                    progress -> monteCarlo(zoned, kind, monteCarlo, progress));
            campaigns.add(layout.monteCarlo(kind));
            campaignKeys.add(mcKey);
        }

        String compareKey = RunState.key("compare", generateKey, String.join(",", campaignKeys),
                String.valueOf(options.bootstrap()), String.valueOf(LEVEL), String.valueOf(options.seed()));
        StageProgress compareProgress = display.stage("compare", "rows");
        stage("compare", compareKey, List.of(layout.comparison(), layout.comparisonMarkdown()), compareProgress,
                options.threads(), progress -> compare(campaigns, progress));

        String foldsKey = RunState.key("mc", trainKeys.get(GeneratorKind.MEAN_MAP), "cross-fit folds",
                String.valueOf(options.mcSamples()), String.valueOf(options.seed()));
        StageProgress foldsProgress = display.stage("mc mean-map folds", "samples");
        stage("mc_mean_map_folds", foldsKey, List.of(layout.crossFitCampaign()), foldsProgress, options.threads(),
                progress -> foldCampaign(zoned, progress));
        String estimateKey = RunState.key("estimate", generateKey, foldsKey, String.valueOf(LEVEL),
                String.valueOf(options.seed()));
        StageProgress estimateProgress = display.stage("estimate", "quantities");
        stage("estimate", estimateKey, List.of(layout.estimate(), layout.estimateMarkdown()), estimateProgress,
                options.threads(), this::estimate);

        StageProgress reportProgress = display.stage("report", "pages");
        long start = System.nanoTime();
        Path index = Report.write(layout);
        reportProgress.note(String.format(Locale.ROOT, "wrote %s in %.1f s", index, (System.nanoTime() - start) * 1e-9));
        return layout;
    }

    /**
     * Runs the stage unless the stage record says it was made from the same inputs and its outputs are
     * there. The old record goes before the stage starts, so outputs a redo has half rewritten are
     * never taken for the old ones.
     */
    private void stage(String name, String key, List<Path> outputs, StageProgress progress, int threads,
                       Function<StageProgress, String> action) {
        RunState.Stage done = state.stages().get(name);
        if (done != null && done.key().equals(key)) {
            Optional<String> damage = outputs.stream().map(Pipeline::damage).flatMap(Optional::stream).findFirst();
            if (damage.isEmpty()) {
                progress.note("reused " + layout.directory().relativize(outputs.get(0)) + " (inputs unchanged since "
                        + done.finished() + "): " + done.detail());
                return;
            }
            progress.note("redoing it: " + damage.get());
        }
        if (done != null) {
            state = state.without(name);
            state.write(layout.state());
        }
        CountingProgress counting = new CountingProgress(progress);
        long start = System.nanoTime();
        String detail = action.apply(counting);
        double seconds = (System.nanoTime() - start) * 1e-9;
        state = state.with(name, new RunState.Stage(key, seconds, counting.updates(), threads,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), detail));
        state.write(layout.state());
        progress.note(String.format(Locale.ROOT, "done in %.1f s", seconds));
    }

    /**
     * What keeps a finished stage's output from being used as it is, if anything: missing, empty, or an
     * HDF5 file that does not open as a file of the project's (a crash of the disk, a copy cut short).
     */
    private static Optional<String> damage(Path output) {
        if (!Files.exists(output)) {
            return Optional.of(output + " is missing");
        }
        if (Files.isDirectory(output)) {
            return Optional.empty();
        }
        try {
            if (Files.size(output) == 0) {
                return Optional.of(output + " is empty");
            }
        } catch (IOException e) {
            return Optional.of(output + " cannot be read (" + e.getMessage() + ")");
        }
        if (!output.getFileName().toString().endsWith(".h5")) {
            return Optional.empty();
        }
        try (HdfFile file = new HdfFile(output)) {
            if (file.getAttribute(Hdf5Files.FORMAT) == null) {
                return Optional.of(output + " is not a file of submodel-uq (no format attribute)");
            }
            file.getChildren().values().forEach(Node::getAttributes);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(output + " is damaged (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Counts the work a stage reports: one update per run, iteration or sample computed in this sitting. */
    private static final class CountingProgress implements StageProgress {
        private final StageProgress display;
        private final AtomicLong updates = new AtomicLong();

        CountingProgress(StageProgress display) {
            this.display = display;
        }

        @Override
        public void update(long done, long total, String details) {
            updates.incrementAndGet();
            display.update(done, total, details);
        }

        @Override
        public void note(String message) {
            display.note(message);
        }

        @Override
        public void begin(long done) {
            display.begin(done);
        }

        long updates() {
            return updates.get();
        }
    }

    private String generate(ZonedMesh zoned, FullSolvers.Choice solver, StageProgress progress) {
        progress.note("solver: " + solver.describe());
        // the stage record decided that this stage is redone: what its output holds may be replaced (its own
        // runs are kept in the checkpoint)
        TrainingCampaign campaign = new TrainingCampaign(zoned, options.seed(), options.runs(), options.split(),
                layout.trainingSet(), true);
        if (cluster != null) {
            try (ClusterEngine engine = cluster.open(progress::note)) {
                progress.note(options.runs() + " full runs of case " + spec.name() + " with the " + solver.solver()
                        + " solver on " + engine.where());
                campaign.run(engine, new FullRunWork(spec, options.seed(), solver, options.fenics()),
                        solver.solver().name(), progress.asCampaign());
            }
        } else {
            try (FullModelSolver full = FullSolvers.open(solver, zoned, options.threads(), options.fenics(),
                    FullSolvers.logsBeside(layout.trainingSet()), progress::note)) {
                progress.note(options.runs() + " full runs of case " + spec.name() + " with " + full.description()
                        + " on " + Counts.of(full.parallelism(), solver.solver() == FullSolvers.Request.java ? "thread"
                        : "worker"));
                campaign.run(full, solver.solver().name(), progress.asCampaign());
            }
        }
        return options.runs() + " full runs in " + solver.describe();
    }

    private GeneratorTraining.Settings trainingSettings(GeneratorKind kind) {
        // the other kinds ignore these, so they keep the defaults and their stage key does not change with them
        WganGpOptions gan = kind == GeneratorKind.WGAN_GP || kind == GeneratorKind.CONDITIONAL_WGAN_GP
                ? WganGpOptions.defaults().withIterations(options.ganIterations()).withSeed(options.seed())
                : WganGpOptions.defaults();
        return new GeneratorTraining.Settings(kind, PcaReduction.DEFAULT_ENERGY, 0, gan, options.seed(), Device.cpu(),
                GeneratorTraining.Conditional.defaults(options.threads()));
    }

    private String train(GeneratorTraining.Settings settings, Path directory, StageProgress progress) {
        TrainingData data = TrainingData.read(layout.trainingSet(), TrainingData.TRACES, options.seed());
        progress.note(data.splits().train().length + " training and " + data.splits().validation().length
                + " validation runs of " + data.all().features() + " trace values");
        GeneratorTraining.Result result = GeneratorTraining.train(data, settings, directory, progress.asTraining());
        return settings.kind().text() + " with " + result.reduction().components() + " principal components";
    }

    private String withoutResidual(StageProgress progress) {
        TrainingData data = TrainingData.read(layout.trainingSet(), TrainingData.TRACES, options.seed());
        GeneratorTraining.withoutResidual(data, layout.generator(GeneratorKind.MEAN_MAP_RESIDUAL),
                layout.generator(GeneratorKind.MEAN_MAP), options.seed());
        progress.note("the mean map of " + GeneratorKind.MEAN_MAP_RESIDUAL.text() + ", without its residual");
        return "the mean map of " + GeneratorKind.MEAN_MAP_RESIDUAL.text();
    }

    private String monteCarlo(ZonedMesh zoned, GeneratorKind kind, CampaignSettings settings, StageProgress progress) {
        Path directory = layout.generator(kind);
        BoundaryConditionGenerator generator = GeneratorFiles.load(directory, null, Device.cpu());
        GeneratorLabel label = new GeneratorLabel(kind.text(), GeneratorFiles.manifest(directory).toString(),
                Device.cpu().toString());
        campaign(new MonteCarloCampaign(new SubmodelSampler(new Submodel(zoned), generator), label, settings,
                layout.monteCarlo(kind), true), directory, label, progress);
        return options.mcSamples() + " samples of the submodel on " + (cluster != null ? "the cluster"
                : Counts.of(settings.threads(), "thread"));
    }

    private String foldCampaign(ZonedMesh zoned, StageProgress progress) {
        CampaignSettings settings = CampaignSettings.of(options.mcSamples(), options.seed(), options.threads());
        Path directory = layout.generator(GeneratorKind.MEAN_MAP);
        GeneratorLabel label = new GeneratorLabel(CrossFittedSurrogates.CAMPAIGN,
                GeneratorFiles.manifest(directory).toString(), Device.cpu().toString());
        campaign(new MonteCarloCampaign(new SubmodelSampler(new Submodel(zoned), GeneratorFiles.crossFitEnsemble(
                directory)), label, settings, layout.crossFitCampaign(), true), directory, label, progress);
        return options.mcSamples() + " samples of the submodel under the mean map's fold maps";
    }

    /** Runs a Monte Carlo campaign here or, its generator shipped to the executors, on the cluster. */
    private void campaign(MonteCarloCampaign campaign, Path generator, GeneratorLabel label, StageProgress progress) {
        if (cluster == null) {
            campaign.run(progress.asCampaign());
            return;
        }
        try (ClusterEngine engine = cluster.open(progress::note)) {
            campaign.run(progress.asCampaign(), engine, ShippedGenerator.of(generator, label.name(), Device.cpu()));
        }
    }

    /**
     * The multifidelity estimate from the mean map's fitting runs; a full run's cost is the generate stage's
     * thread-seconds per run, as recorded when it ran.
     */
    private String estimate(StageProgress progress) {
        RunState.Stage generated = state.stages().get("generate");
        Double fullRunSeconds = generated.computed() == 0 ? null
                : generated.seconds() * generated.threads() / generated.computed();
        MultifidelityReport report = MeanMapEstimate.run(new MeanMapEstimate.Inputs(layout.trainingSet(),
                layout.generator(GeneratorKind.MEAN_MAP), layout.crossFitCampaign(),
                MeanMapEstimate.EMULATOR_SAMPLES, fullRunSeconds, options.seed(), LEVEL, options.threads()), progress::note);
        MultifidelityFile.write(layout.estimate(), report);
        try {
            Files.writeString(layout.estimateMarkdown(), report.markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.estimateMarkdown() + ": " + e.getMessage(), e);
        }
        return report.quantities().size() + " quantities from " + report.quantities().get(0).pairs()
                + " paired full runs";
    }

    private String compare(List<Path> campaigns, StageProgress progress) {
        Map<String, BoundaryConditionGenerator> generators = new LinkedHashMap<>();
        Map<String, CrossFitted> crossFitted = new LinkedHashMap<>();
        for (GeneratorKind kind : RunLayout.GENERATORS) {
            if (kind.conditional()) {
                generators.put(kind.text(), GeneratorFiles.load(layout.generator(kind), null, Device.cpu()));
            }
            if (kind == GeneratorKind.MEAN_MAP) {
                crossFitted.put(kind.text(), GeneratorFiles.crossFitted(layout.generator(kind)));
            }
        }
        ComparisonReport report = Comparison.run(layout.trainingSet(), campaigns,
                new Comparison.Settings(options.bootstrap(), LEVEL, options.seed(), options.threads()), progress::note)
                .withPerInput(PerInputComparison.run(layout.trainingSet(), generators, crossFitted, options.seed(),
                        options.threads(), progress::note));
        ComparisonFile.write(layout.comparison(), report);
        try {
            Files.writeString(layout.comparisonMarkdown(), report.markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.comparisonMarkdown() + ": " + e.getMessage(), e);
        }
        return campaigns.size() + " campaigns and the exact replay against the test split, " + options.bootstrap()
                + " bootstrap resamples";
    }

    /** Every field of a settings record, arrays by content: the part of a stage key its options make. */
    static String describe(Record settings) {
        StringBuilder text = new StringBuilder(settings.getClass().getSimpleName()).append('(');
        for (RecordComponent component : settings.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(settings);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            text.append(component.getName()).append('=').append(value instanceof Record inner ? describe(inner)
                    : value instanceof int[] ints ? Arrays.toString(ints) : String.valueOf(value)).append(", ");
        }
        return text.append(')').toString();
    }

    /**
     * Creates the run directory and checks it can be written, so that a bad {@code --out} fails at once
     * with one line rather than after the first stage.
     */
    static void prepareDirectory(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UserInputException("output directory '" + directory + "' is a file: name a directory (it is created "
                    + "if missing)");
        }
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".write-test", ""));
        } catch (IOException e) {
            throw new UserInputException("cannot write in output directory '" + directory + "' (" + e.getClass()
                    .getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
