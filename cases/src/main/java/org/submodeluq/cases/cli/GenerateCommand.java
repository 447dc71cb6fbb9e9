package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.submodeluq.cases.Counts;
import org.submodeluq.cases.pipeline.FullRunWork;
import org.submodeluq.cases.pipeline.FullSolvers;
import org.submodeluq.core.engine.ClusterEngine;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.fem.io.TrainingSetFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq generate}: a training set of full runs, in FEniCS or in Java, resumable. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Runs samples 0 .. N-1 of the full model and writes them to a training set (HDF5).",
                "Interrupted, the same command resumes: finished samples wait in OUT.checkpoint."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    private CaseOption caseOption;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "300",
            description = "Number of full runs (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Mixin
    private SeedOption seed;

    @Option(names = "--solver", paramLabel = "SOLVER", defaultValue = "auto",
            description = "fenics, java, or auto: FEniCS when the interpreter has DOLFINx, else Java "
                    + "(default: ${DEFAULT-VALUE}).")
    private FullSolvers.Request solver;

    @Option(names = "--workers", paramLabel = "W",
            description = "FEniCS worker processes, or Java threads (default: one per core).")
    private Integer workers;

    @Mixin
    private PythonOption python;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            defaultValue = "" + FullSolvers.FenicsOptions.DEFAULT_TIMEOUT_SECONDS,
            description = "Longest a FEniCS run may take before its worker is replaced (default: ${DEFAULT-VALUE}).")
    private long timeout;

    @Option(names = "--retries", paramLabel = "R", defaultValue = "" + FullSolvers.FenicsOptions.DEFAULT_RETRIES,
            description = "Times a sample is retried on a fresh worker after a crash (default: ${DEFAULT-VALUE}).")
    private int retries;

    @Option(names = "--split", paramLabel = "TRAIN,VALIDATION,TEST", hideParamSyntax = true, split = ",",
            defaultValue = "0.7,0.15,0.15",
            description = "Shares of the splits (default: ${DEFAULT-VALUE}).")
    private double[] split;

    @Mixin
    private EngineOption engine;

    @Mixin
    private OutputOption out;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() {
        Contradictions.refuseIgnored(command, List.of("--python", "--timeout", "--retries"),
                solver == FullSolvers.Request.java, "it applies to FEniCS workers, and --solver is java");
        engine.check(command, List.of("--workers"));
        Path target = out.file(TrainingSetFile.FORMAT, caseOption.files());
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CaseSpec spec = caseOption.load();
        ZonedMesh zoned = new ZonedMesh(spec);
        TrainingCampaign campaign = new TrainingCampaign(zoned, seed.value(), samples, split, target,
                out.force());
        int parallel = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        UserInputException.require(parallel >= 1, "--workers", parallel, "an integer >= 1");
        UserInputException.require(retries >= 0, "--retries", retries, "an integer >= 0");
        UserInputException.require(timeout >= 1, "--timeout", timeout, "an integer >= 1 (seconds)");
        ProgressBar progress = new ProgressBar(err, "generate", "samples", quiet.on());
        FullSolvers.Choice chosen = FullSolvers.choose(solver, python.interpreter(), spec);
        if (out.alreadyDone(() -> campaign.alreadyDone(chosen.solver().name()))) {
            stdout.printf("kept %s: it already holds these %d samples (%s)%n", target, samples, chosen.solver());
            stdout.flush();
            return 0;
        }
        progress.note("solver: " + chosen.describe());
        long start = System.nanoTime();
        FullSolvers.FenicsOptions fenics = new FullSolvers.FenicsOptions(python.interpreter(), Duration.ofSeconds(timeout),
                retries);
        if (engine.cluster()) {
            try (ClusterEngine cluster = engine.open(progress::note)) {
                progress.note(samples + " samples of case " + spec.name() + ", seed " + seed.value() + ", with the "
                        + chosen.solver() + " solver on " + cluster.where());
                campaign.run(cluster, new FullRunWork(spec, seed.value(), chosen, fenics), chosen.solver().name(),
                        progress.asCampaign());
            }
        } else {
            try (FullModelSolver full = FullSolvers.open(chosen, zoned, parallel, fenics, FullSolvers.logsBeside(target),
                    progress::note)) {
                progress.note(samples + " samples of case " + spec.name() + ", seed " + seed.value() + ", with "
                        + full.description() + " on " + Counts.of(full.parallelism(),
                        chosen.solver() == FullSolvers.Request.java ? "thread" : "worker"));
                campaign.run(full, chosen.solver().name(), progress.asCampaign());
            }
        }
        stdout.printf("wrote %s: %d samples (%s), in %.1f s%n", target, samples, chosen.solver(), (System.nanoTime() - start) * 1e-9);
        stdout.flush();
        return 0;
    }
}
