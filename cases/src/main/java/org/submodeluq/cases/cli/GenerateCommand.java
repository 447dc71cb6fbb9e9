package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.submodeluq.fem.bridge.FenicsSolver;
import org.submodeluq.fem.bridge.PythonRuntime;
import org.submodeluq.fem.bridge.WorkerPool;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.spec.CaseException;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.TrainingCampaign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq generate}: a training set of full runs, in FEniCS or in Java, resumable. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Runs samples 0 .. N-1 of the full model and writes them to a training set (HDF5).",
                "Interrupted, the same command resumes: finished samples wait in OUT.checkpoint."})
final class GenerateCommand implements Callable<Integer> {

    /** Which full-model code runs the samples. */
    enum Solver { auto, fenics, java }

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    private CaseOption caseOption;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "300",
            description = "Number of full runs (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--solver", paramLabel = "SOLVER", defaultValue = "auto",
            description = "fenics, java, or auto: FEniCS when the interpreter has DOLFINx, else Java "
                    + "(default: ${DEFAULT-VALUE}).")
    private Solver solver;

    @Option(names = "--workers", paramLabel = "W",
            description = "FEniCS worker processes, or Java threads (default: one per core).")
    private Integer workers;

    @Mixin
    private PythonOption python;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Longest a FEniCS run may take before its worker is replaced (default: ${DEFAULT-VALUE}).")
    private long timeout;

    @Option(names = "--retries", paramLabel = "R", defaultValue = "2",
            description = "Times a sample is retried on a fresh worker after a crash (default: ${DEFAULT-VALUE}).")
    private int retries;

    @Option(names = "--split", paramLabel = "TRAIN,VALIDATION,TEST", hideParamSyntax = true, split = ",",
            defaultValue = "0.7,0.15,0.15",
            description = "Shares of the splits (default: ${DEFAULT-VALUE}).")
    private double[] split;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "training.h5",
            description = "Training set to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--quiet", description = "No progress display.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CaseSpec spec = caseOption.load();
        ZonedMesh zoned = new ZonedMesh(spec);
        TrainingCampaign campaign = new TrainingCampaign(zoned, seed, samples, split, out);
        int parallel = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (parallel < 1 || retries < 0 || timeout < 1) {
            throw new CaseException("--workers must be >= 1, --retries >= 0 and --timeout >= 1");
        }
        ProgressBar progress = new ProgressBar(err, "generate", "samples", quiet);
        Solver chosen = choose(spec, progress);
        long start = System.nanoTime();
        try (FullModelSolver full = open(chosen, zoned, parallel, progress)) {
            progress.note(samples + " samples of case " + spec.name() + ", seed " + seed + ", with " + full.description()
                    + " on " + full.parallelism() + (chosen == Solver.java ? " threads" : " workers"));
            campaign.run(full, chosen.name(), progress.forCampaign());
        }
        stdout.printf("wrote %s: %d samples (%s), in %.1f s%n", out, samples, chosen, (System.nanoTime() - start) * 1e-9);
        stdout.flush();
        return 0;
    }

    private Solver choose(CaseSpec spec, ProgressBar progress) {
        if (solver != Solver.auto) {
            return solver;
        }
        String reason = PythonRuntime.probe(python.interpreter(), spec.fenics());
        if (reason == null) {
            progress.note("solver: FEniCS (the interpreter imports dolfinx)");
            return Solver.fenics;
        }
        progress.note("solver: Java, because FEniCS is not available: " + reason);
        return Solver.java;
    }

    private FullModelSolver open(Solver chosen, ZonedMesh zoned, int parallel, ProgressBar progress) {
        if (chosen == Solver.java) {
            return new JavaSolver(new FullModel(zoned), parallel);
        }
        Path logs = out.resolveSibling(out.getFileName() + ".logs");
        WorkerPool.Settings settings = new WorkerPool.Settings(parallel, Duration.ofSeconds(timeout),
                Duration.ofSeconds(Math.max(timeout, 300)), retries, logs);
        progress.note("starting " + parallel + " FEniCS workers (logs in " + logs + ")");
        return new FenicsSolver(zoned, PythonRuntime.resolve(python.interpreter(), zoned.spec().fenics()), settings,
                progress::note);
    }
}
