package org.submodeluq.cases.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.bridge.PythonRuntime;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * Times the Java solver's full runs and submodel runs on one mesh, and optionally the same Newmark
 * loop in DOLFINx right after (a Python process running the bundled reference script, which steps
 * with the FEniCS worker's own time loop). "Per step" is the time from the end of step 1 to the end
 * of step N divided by N - 1: the loop without assembly and factorisation.
 */
public final class SolverBench {

    private final int repeats;

    public SolverBench(int repeats) {
        this.repeats = repeats;
    }

    /** One row of figures for {@code spec}'s mesh, keyed as in the JSON output. */
    public Map<String, Object> time(CaseSpec spec) {
        ZonedMesh zoned = new ZonedMesh(spec);
        FullModel full = new FullModel(zoned);
        Theta theta = new ThetaSampler(spec, 1).sample(0);
        StepClock clock = new StepClock(spec.time().steps());
        FullRun run = full.run(theta, clock);
        Timing.warmUp(() -> full.run(theta, clock.reset()));
        double[] fullRun = new double[repeats];
        double[] fullStep = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            full.run(theta, clock.reset());
            fullRun[r] = Timing.seconds(System.nanoTime() - start);
            fullStep[r] = clock.secondsPerStep();
        }
        long start = System.nanoTime();
        Submodel submodel = new Submodel(zoned);
        double submodelSetup = Timing.seconds(System.nanoTime() - start);
        Timing.warmUp(() -> submodel.run(run.traces(), clock.reset()));
        double[] subRun = new double[repeats];
        double[] subStep = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            start = System.nanoTime();
            submodel.run(run.traces(), clock.reset());
            subRun[r] = Timing.seconds(System.nanoTime() - start);
            subStep[r] = clock.secondsPerStep();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("mesh", spec.mesh().nx() + "x" + spec.mesh().ny());
        row.put("steps", spec.time().steps());
        row.put("full_dofs", 2 * zoned.full().nodeCount());
        row.put("zone_dofs", 2 * zoned.zone().mesh().nodeCount());
        row.put("full_run_s", Timing.median(fullRun));
        row.put("full_step_ms_min", 1e3 * Timing.min(fullStep));
        row.put("full_step_ms", 1e3 * Timing.median(fullStep));
        row.put("full_setup_s", Timing.median(fullRun) - Timing.median(fullStep) * spec.time().steps());
        row.put("submodel_setup_s", submodelSetup);
        row.put("submodel_run_s", Timing.median(subRun));
        row.put("submodel_step_ms_min", 1e3 * Timing.min(subStep));
        row.put("submodel_step_ms", 1e3 * Timing.median(subStep));
        row.put("submodel_factor_entries", submodel.factorNonZeros());
        return row;
    }

    /** Wall-clock time of the steps after the first. */
    private static final class StepClock implements StepObserver {
        private final int steps;
        private long first;
        private long last;

        StepClock(int steps) {
            this.steps = steps;
        }

        StepClock reset() {
            first = 0;
            last = 0;
            return this;
        }

        @Override
        public void onStep(int step, double time, double[] u, double[] v, double[] a) {
            if (step == 1) {
                first = System.nanoTime();
            } else if (step == steps) {
                last = System.nanoTime();
            }
        }

        double secondsPerStep() {
            return Timing.seconds(last - first) / (steps - 1);
        }
    }

    /** Adds the same mesh's DOLFINx figures to {@code row}. */
    public void addDolfinx(Map<String, Object> row, String interpreter, double dt) {
        int steps = (int) row.get("steps");
        List<String> arguments = List.of(interpreter, script().toString(), Integer.toString(steps),
                Double.toString(dt), Integer.toString(repeats), (String) row.get("mesh"));
        PythonRuntime runtime = PythonRuntime.resolve(interpreter, CaseFiles.defaultCase().fenics());
        Map<String, String> figures = reference(arguments, runtime);
        double setup = figure(figures, "setup");
        int dolfinxSteps = (int) figure(figures, "steps");
        double best = 1e3 * figure(figures, "loop_min") / dolfinxSteps;
        double median = 1e3 * figure(figures, "loop_median") / dolfinxSteps;
        row.put("dolfinx_setup_s", setup);
        row.put("dolfinx_step_ms_min", best);
        row.put("dolfinx_step_ms", median);
        row.put("dolfinx_over_java_per_step_min", best / (double) row.get("full_step_ms_min"));
        row.put("dolfinx_over_java_per_step", median / (double) row.get("full_step_ms"));
    }

    /** Runs the reference script and returns the "key value" pairs of its "mesh ..." line. */
    private static Map<String, String> reference(List<String> arguments, PythonRuntime runtime) {
        String interpreter = runtime.interpreter();
        try {
            Path output = Files.createTempFile("submodel-uq-dolfinx", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectOutput(output.toFile());
                runtime.addWorkerPackage(builder.environment());
                Process process = builder.start();
                process.getOutputStream().close();
                if (!process.waitFor(1, TimeUnit.HOURS)) {
                    process.destroyForcibly();
                    throw new UserInputException("the DOLFINx reference took more than an hour; stopped it");
                }
                if (process.exitValue() != 0) {
                    throw new UserInputException("the DOLFINx reference failed with " + interpreter + ": is python3-dolfinx "
                            + "installed for it? (--python names another interpreter)");
                }
                String line = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.startsWith("mesh ")).findFirst()
                        .orElseThrow(() -> new UserInputException("the DOLFINx reference printed no timing"));
                String[] words = line.trim().split("\\s+");
                Map<String, String> figures = new LinkedHashMap<>();
                for (int k = 0; k + 1 < words.length; k += 2) {
                    figures.put(words[k], words[k + 1]);
                }
                return figures;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot run " + interpreter + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while timing DOLFINx");
        }
    }

    private static double figure(Map<String, String> figures, String key) {
        try {
            return Double.parseDouble(figures.get(key));
        } catch (NullPointerException | NumberFormatException e) {
            throw new UserInputException("the DOLFINx reference printed no '" + key + "' figure: " + figures);
        }
    }

    private static Path script() {
        try (InputStream in = SolverBench.class.getResourceAsStream("dolfinx_newmark.py")) {
            Path file = Files.createTempFile("submodel-uq-dolfinx", ".py");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown table of solver rows. */
    public static String table(List<Map<String, Object>> rows) {
        boolean withDolfinx = rows.stream().anyMatch(row -> row.containsKey("dolfinx_step_ms"));
        StringBuilder out = new StringBuilder();
        out.append("| mesh | DOFs full / zone | full run s | full setup s | full ms/step min / median "
                + "| submodel run s | submodel ms/step min / median | full/submodel per run |");
        out.append(withDolfinx ? " DOLFINx setup s | DOLFINx ms/step min / median | DOLFINx/Java per step |\n" : "\n");
        out.append("|---|---|---|---|---|---|---|---|").append(withDolfinx ? "---|---|---|\n" : "\n");
        for (Map<String, Object> row : rows) {
            out.append(String.format("| %s | %d / %d | %.3f | %.3f | %.3f / %.3f | %.4f | %.3f / %.3f | %.0fx |",
                    row.get("mesh"), row.get("full_dofs"), row.get("zone_dofs"), row.get("full_run_s"),
                    row.get("full_setup_s"), row.get("full_step_ms_min"), row.get("full_step_ms"),
                    row.get("submodel_run_s"), row.get("submodel_step_ms_min"), row.get("submodel_step_ms"),
                    (double) row.get("full_run_s") / (double) row.get("submodel_run_s")));
            if (withDolfinx) {
                out.append(String.format(" %.3f | %.3f / %.3f | %.2f / %.2f |", row.get("dolfinx_setup_s"),
                        row.get("dolfinx_step_ms_min"), row.get("dolfinx_step_ms"),
                        row.get("dolfinx_over_java_per_step_min"), row.get("dolfinx_over_java_per_step")));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
