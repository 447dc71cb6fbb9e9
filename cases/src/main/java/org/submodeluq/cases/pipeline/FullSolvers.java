package org.submodeluq.cases.pipeline;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.submodeluq.fem.bridge.FenicsSolver;
import org.submodeluq.fem.bridge.PythonRuntime;
import org.submodeluq.fem.bridge.WorkerPool;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.spec.CaseSpec;

/** Which full-model code makes a training set: FEniCS when the interpreter has DOLFINx, else Java. */
public final class FullSolvers {

    /** What the user asked for. */
    public enum Request { auto, fenics, java }

    /** The solver chosen, {@code fenics} or {@code java}, and why, in words. */
    public record Choice(Request solver, String reason) implements Serializable {

        /** "FEniCS, because ..." or "Java, because ...". */
        public String describe() {
            return (solver == Request.fenics ? "FEniCS" : "Java") + ", because " + reason;
        }
    }

    /** How FEniCS workers are run and supervised. */
    public record FenicsOptions(String python, Duration timeout, int retries) implements Serializable {

        /** Longest a run may take before its worker is replaced, by default. */
        public static final long DEFAULT_TIMEOUT_SECONDS = 600;
        /** Times a sample is retried on a fresh worker after a crash, by default. */
        public static final int DEFAULT_RETRIES = 2;

        /** The defaults, with the interpreter {@code python} (null for the case's). */
        public static FenicsOptions defaults(String python) {
            return new FenicsOptions(python, Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS), DEFAULT_RETRIES);
        }
    }

    private FullSolvers() {
    }

    /** Resolves {@code auto} by asking the interpreter whether it imports dolfinx. */
    public static Choice choose(Request request, String python, CaseSpec spec) {
        if (request != Request.auto) {
            return new Choice(request, "asked for with --solver " + request);
        }
        String missing = PythonRuntime.probe(python, spec.fenics());
        return missing == null ? new Choice(Request.fenics, "the interpreter imports dolfinx")
                : new Choice(Request.java, "FEniCS is not available: " + missing);
    }

    /** Where FEniCS workers log for a training set: beside it. */
    public static Path logsBeside(Path trainingSet) {
        return trainingSet.resolveSibling(trainingSet.getFileName() + ".logs");
    }

    /**
     * Opens the chosen solver with {@code parallel} threads or workers; FEniCS workers log in {@code logs}
     * and report restarts to {@code events}.
     */
    public static FullModelSolver open(Choice choice, ZonedMesh zoned, int parallel, FenicsOptions fenics,
                                       Path logs, Consumer<String> events) {
        if (choice.solver() == Request.java) {
            return new JavaSolver(new FullModel(zoned), parallel);
        }
        WorkerPool.Settings settings = new WorkerPool.Settings(parallel, fenics.timeout(),
                fenics.timeout().compareTo(Duration.ofSeconds(300)) > 0 ? fenics.timeout() : Duration.ofSeconds(300),
                fenics.retries(), logs);
        events.accept("starting " + parallel + " FEniCS workers (logs in " + logs + ")");
        return new FenicsSolver(zoned, PythonRuntime.resolve(fenics.python(), zoned.spec().fenics()), settings, events);
    }
}
