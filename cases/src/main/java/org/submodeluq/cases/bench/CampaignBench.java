package org.submodeluq.cases.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** One row: samples per second of {@code solver} ("java" or "fenics") with {@code workers}. */
    public Map<String, Object> time(CaseSpec spec, String solver, int workers) {
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
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("mesh", spec.mesh().nx() + "x" + spec.mesh().ny());
                row.put("solver", solver);
                row.put("workers", workers);
                row.put("samples", samples);
                row.put("startup_s", startup);
                row.put("campaign_s", seconds);
                row.put("samples_per_s", samples / seconds);
                return row;
            }
        } finally {
            delete(scratch);
        }
    }

    /**
     * Py4J overhead of one run call on {@code spec}'s mesh, over {@code calls} calls of one worker.
     *
     * @return median round trip, median model time and median overhead, in milliseconds
     */
    public Map<String, Object> overhead(CaseSpec spec, int calls) {
        Path scratch = scratch();
        try (FenicsSolver fenics = (FenicsSolver) open(new ZonedMesh(spec), "fenics", 1, scratch)) {
            double[][] times = fenics.timeCalls(new ThetaSampler(spec, 1).sample(0), calls + 1);
            double[] roundTrip = Arrays.stream(times, 1, times.length).mapToDouble(t -> t[0]).toArray();
            double[] inside = Arrays.stream(times, 1, times.length).mapToDouble(t -> t[1]).toArray();
            double[] overhead = Arrays.stream(times, 1, times.length).mapToDouble(t -> t[0] - t[1]).toArray();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("mesh", spec.mesh().nx() + "x" + spec.mesh().ny());
            row.put("calls", calls);
            row.put("round_trip_ms", 1e3 * Timing.median(roundTrip));
            row.put("model_ms", 1e3 * Timing.median(inside));
            row.put("overhead_ms", 1e3 * Timing.median(overhead));
            return row;
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
    public static String table(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("| mesh | solver | workers | samples | startup s | campaign s "
                + "| samples/s |\n|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : rows) {
            out.append(String.format("| %s | %s | %d | %d | %.2f | %.2f | %.2f |%n", row.get("mesh"), row.get("solver"),
                    row.get("workers"), row.get("samples"), row.get("startup_s"), row.get("campaign_s"),
                    row.get("samples_per_s")));
        }
        return out.toString();
    }
}
