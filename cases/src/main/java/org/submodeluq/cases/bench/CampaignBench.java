package org.submodeluq.cases.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.fem.bridge.FenicsSolver;
import org.submodeluq.core.io.Directories;
import org.submodeluq.fem.bridge.PythonRuntime;
import org.submodeluq.fem.bridge.WorkerPool;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.training.TrainingCampaign;

/**
 * Throughput of training-set generation: a campaign of N samples per mesh, solver and worker count,
 * written to a scratch directory; startup (FEniCS workers importing DOLFINx and compiling forms) is
 * timed apart from the samples. Also the Py4J bridge's overhead per call: the round trip seen from
 * Java minus the time the model spent inside the call, measured in Python.
 */
public final class CampaignBench {

    /** Samples per second of one solver with a number of workers; its startup is timed apart. */
    public record Throughput(String mesh, String solver, int workers, int samples, double startupS, double campaignS,
                             double samplesPerS) {
    }

    /** Medians, in milliseconds, of a run call's round trip, the model's time inside it and their difference. */
    public record Py4jOverhead(String mesh, int calls, double roundTripMs, double modelMs, double overheadMs) {
    }

    private static final double[] SHARES = {0.7, 0.15, 0.15};

    private final int samples;
    private final String python;

    /**
     * @param python interpreter for FEniCS, or null to use the case's
     */
    public CampaignBench(int samples, String python) {
        this.samples = samples;
        this.python = python;
    }

    /** Samples per second of {@code solver} ("java" or "fenics") with {@code workers}. */
    public Throughput time(CaseSpec spec, String solver, int workers) {
        Path scratch = scratch();
        try {
            ZonedMesh zoned = new ZonedMesh(spec);
            long start = System.nanoTime();
            try (FullModelSolver full = open(zoned, solver, workers, scratch)) {
                double startup = Timing.seconds(System.nanoTime() - start);
                start = System.nanoTime();
                new TrainingCampaign(zoned, 1, samples, SHARES, scratch.resolve("training.h5")).run(full, solver,
                        CampaignProgress.SILENT);
                double seconds = Timing.seconds(System.nanoTime() - start);
                return new Throughput(BenchPlan.meshName(spec.mesh()), solver, workers, samples, startup, seconds,
                        samples / seconds);
            }
        } finally {
            delete(scratch);
        }
    }

    /** Py4J overhead of one run call on {@code spec}'s mesh, over {@code calls} calls of one worker. */
    public Py4jOverhead overhead(CaseSpec spec, int calls) {
        Path scratch = scratch();
        try (FenicsSolver fenics = (FenicsSolver) open(new ZonedMesh(spec), "fenics", 1, scratch)) {
            double[][] times = fenics.timeCalls(new ThetaSampler(spec, 1).sample(0), calls + 1);
            double[] roundTrip = Arrays.stream(times, 1, times.length).mapToDouble(t -> t[0]).toArray();
            double[] inside = Arrays.stream(times, 1, times.length).mapToDouble(t -> t[1]).toArray();
            double[] overhead = Arrays.stream(times, 1, times.length).mapToDouble(t -> t[0] - t[1]).toArray();
            return new Py4jOverhead(BenchPlan.meshName(spec.mesh()), calls, 1e3 * Timing.median(roundTrip),
                    1e3 * Timing.median(inside), 1e3 * Timing.median(overhead));
        } finally {
            delete(scratch);
        }
    }

    private FullModelSolver open(ZonedMesh zoned, String solver, int workers, Path scratch) {
        if (solver.equals("java")) {
            return new JavaSolver(new FullModel(zoned), workers);
        }
        WorkerPool.Settings settings = new WorkerPool.Settings(workers, Duration.ofMinutes(10), Duration.ofMinutes(10),
                0, scratch.resolve("logs"));
        return new FenicsSolver(zoned, PythonRuntime.resolve(python, zoned.spec().fenics()), settings, line -> { });
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("submodel-uq-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try {
            Directories.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown table of campaign rows. */
    public static String table(List<Throughput> rows) {
        StringBuilder out = new StringBuilder("| mesh | solver | workers | samples | startup s | campaign s "
                + "| samples/s |\n|---|---|---|---|---|---|---|\n");
        for (Throughput row : rows) {
            out.append(String.format("| %s | %s | %d | %d | %.2f | %.2f | %.2f |%n", row.mesh(), row.solver(),
                    row.workers(), row.samples(), row.startupS(), row.campaignS(), row.samplesPerS()));
        }
        return out.toString();
    }
}
