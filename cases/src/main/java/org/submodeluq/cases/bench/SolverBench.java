package org.submodeluq.cases.bench;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
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

    /**
     * The Java solver on one mesh: a full run and a submodel run, whole (median) and per step (minimum
     * and median); setup is a run's time less its steps'.
     */
    public record JavaTimes(String mesh, int steps, int fullDofs, int zoneDofs, double fullRunS, double fullStepMsMin,
                            double fullStepMs, double fullSetupS, double submodelSetupS, double submodelRunS,
                            double submodelStepMsMin, double submodelStepMs, int submodelFactorEntries) {
    }

    /** DOLFINx on the same mesh, and its ratios to the Java full run per step. */
    public record DolfinxTimes(double setupS, double stepMsMin, double stepMs, double overJavaPerStepMin,
                               double overJavaPerStep) {
    }

    /** One row of the table: Java, and DOLFINx when asked (else null). */
    public record MeshTimes(@JsonUnwrapped JavaTimes java, @JsonUnwrapped(prefix = "dolfinx_") DolfinxTimes dolfinx) {
    }

    private final int repeats;

    public SolverBench(int repeats) {
        this.repeats = repeats;
    }

    /** The Java solver's figures on {@code spec}'s mesh. */
    public JavaTimes time(CaseSpec spec) {
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
        return new JavaTimes(BenchPlan.meshName(spec.mesh()), spec.time().steps(),
                2 * zoned.full().nodeCount(), 2 * zoned.zone().mesh().nodeCount(), Timing.median(fullRun),
                1e3 * Timing.min(fullStep), 1e3 * Timing.median(fullStep),
                Timing.median(fullRun) - Timing.median(fullStep) * spec.time().steps(), submodelSetup,
                Timing.median(subRun), 1e3 * Timing.min(subStep), 1e3 * Timing.median(subStep),
                submodel.factorNonZeros());
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

    /** DOLFINx's figures on the mesh of {@code java}, with the same steps of {@code dt}. */
    public DolfinxTimes dolfinx(JavaTimes java, String interpreter, double dt) {
        List<String> arguments = List.of(interpreter, ReferenceScript.extract("dolfinx_newmark.py").toString(), Integer.toString(java.steps()),
                Double.toString(dt), Integer.toString(repeats), java.mesh());
        PythonRuntime runtime = PythonRuntime.resolve(interpreter, CaseFiles.defaultCase().fenics());
        Map<String, String> figures = reference(arguments, runtime);
        double setup = figure(figures, "setup");
        int dolfinxSteps = (int) figure(figures, "steps");
        double best = 1e3 * figure(figures, "loop_min") / dolfinxSteps;
        double median = 1e3 * figure(figures, "loop_median") / dolfinxSteps;
        return new DolfinxTimes(setup, best, median, best / java.fullStepMsMin(), median / java.fullStepMs());
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

    /** The Markdown table of solver rows. */
    public static String table(List<MeshTimes> rows) {
        boolean withDolfinx = rows.stream().anyMatch(row -> row.dolfinx() != null);
        StringBuilder out = new StringBuilder();
        out.append("| mesh | DOFs full / zone | full run s | full setup s | full ms/step min / median "
                + "| submodel run s | submodel ms/step min / median | full/submodel per run |");
        out.append(withDolfinx ? " DOLFINx setup s | DOLFINx ms/step min / median | DOLFINx/Java per step |\n" : "\n");
        out.append("|---|---|---|---|---|---|---|---|").append(withDolfinx ? "---|---|---|\n" : "\n");
        for (MeshTimes row : rows) {
            JavaTimes java = row.java();
            out.append(String.format("| %s | %d / %d | %.3f | %.3f | %.3f / %.3f | %.4f | %.3f / %.3f | %.0fx |",
                    java.mesh(), java.fullDofs(), java.zoneDofs(), java.fullRunS(), java.fullSetupS(),
                    java.fullStepMsMin(), java.fullStepMs(), java.submodelRunS(), java.submodelStepMsMin(),
                    java.submodelStepMs(), java.fullRunS() / java.submodelRunS()));
            DolfinxTimes dolfinx = row.dolfinx();
            if (dolfinx != null) {
                out.append(String.format(" %.3f | %.3f / %.3f | %.2f / %.2f |", dolfinx.setupS(), dolfinx.stepMsMin(),
                        dolfinx.stepMs(), dolfinx.overJavaPerStepMin(), dolfinx.overJavaPerStep()));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
