package org.submodeluq.cases.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.fem.spec.CaseException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq bench}: times the Java solver's full runs and submodel runs on a sweep of
 * meshes, optionally beside the same time loop in DOLFINx, and prints one Markdown table. Every
 * figure is the median over the repeats of this invocation; "per step" is the time from the end
 * of step 1 to the end of step N divided by N - 1, so it excludes assembly and factorisation.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times full-model and submodel runs of the default case on several meshes.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--quick", description = "Meshes 80x20 and 160x40, 3 repeats: a smoke run of seconds.")
    private boolean quick;

    @Option(names = "--meshes", paramLabel = "NXxNY", split = ",", defaultValue = "80x20,160x40,320x80",
            description = "Meshes NXxNY to time (default: ${DEFAULT-VALUE}).")
    private List<String> meshes;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "Time steps per run (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5", description = "Timed runs per figure (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--dolfinx", description = "Also time the same Newmark loop in DOLFINx (needs python3-dolfinx).")
    private boolean dolfinx;

    @Option(names = "--python", paramLabel = "PYTHON", description = "Python interpreter that has DOLFINx (default: $SUBMODEL_UQ_PYTHON, "
            + "else /usr/bin/python3).")
    private String python;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to this JSON file.")
    private Path json;

    @Override
    public Integer call() {
        if (quick) {
            meshes = List.of("80x20", "160x40");
            repeats = Math.min(repeats, 3);
        }
        if (steps < 2 || repeats < 1) {
            throw new CaseException("--steps must be >= 2 and --repeats >= 1");
        }
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CaseSpec base = CaseFiles.defaultCase();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String mesh : meshes) {
            int[] size = parseMesh(mesh);
            err.printf("timing %s: %d repeats of %d steps...%n", mesh, repeats, steps);
            err.flush();
            Map<String, Object> row = timeJava(base.withMesh(size[0], size[1]).withTime(steps, base.time().dt()));
            if (dolfinx) {
                err.printf("timing %s in DOLFINx...%n", mesh);
                err.flush();
                addDolfinx(row, base.time().dt());
            }
            rows.add(row);
        }
        printTable(out, rows);
        out.printf("%nmin and median of %d timed runs of %d steps each (after at least 1 s of warm-up runs); Java %s, %d cores%n",
                repeats, steps, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (json != null) {
            writeJson(rows);
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }

    private static int[] parseMesh(String mesh) {
        String[] parts = mesh.trim().split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CaseException("--meshes entry '" + mesh + "' is not of the form NXxNY, e.g. 80x20");
    }

    /** Times one mesh: full runs (setup and loop) and submodel runs driven by a full run's traces. */
    private Map<String, Object> timeJava(CaseSpec spec) {
        ZonedMesh zoned = new ZonedMesh(spec);
        FullModel full = new FullModel(zoned);
        Theta theta = new ThetaSampler(spec, 1).sample(0);
        StepClock clock = new StepClock(spec.time().steps());
        FullRun run = full.run(theta, clock);
        warmUp(() -> full.run(theta, clock.reset()));
        double[] fullRun = new double[repeats];
        double[] fullStep = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            full.run(theta, clock.reset());
            fullRun[r] = seconds(System.nanoTime() - start);
            fullStep[r] = clock.secondsPerStep();
        }
        long start = System.nanoTime();
        Submodel submodel = new Submodel(zoned);
        double submodelSetup = seconds(System.nanoTime() - start);
        warmUp(() -> submodel.run(run.traces(), clock.reset()));
        double[] subRun = new double[repeats];
        double[] subStep = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            start = System.nanoTime();
            submodel.run(run.traces(), clock.reset());
            subRun[r] = seconds(System.nanoTime() - start);
            subStep[r] = clock.secondsPerStep();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("mesh", spec.mesh().nx() + "x" + spec.mesh().ny());
        row.put("steps", spec.time().steps());
        row.put("full_dofs", 2 * zoned.full().nodeCount());
        row.put("zone_dofs", 2 * zoned.zone().mesh().nodeCount());
        row.put("full_run_s", median(fullRun));
        row.put("full_step_ms_min", 1e3 * min(fullStep));
        row.put("full_step_ms", 1e3 * median(fullStep));
        row.put("full_setup_s", median(fullRun) - median(fullStep) * spec.time().steps());
        row.put("submodel_setup_s", submodelSetup);
        row.put("submodel_run_s", median(subRun));
        row.put("submodel_step_ms_min", 1e3 * min(subStep));
        row.put("submodel_step_ms", 1e3 * median(subStep));
        row.put("submodel_factor_entries", submodel.factorNonZeros());
        return row;
    }

    /** Runs {@code work} for at least a second and twice, so the JIT has compiled the loops being timed. */
    private static void warmUp(Runnable work) {
        long start = System.nanoTime();
        for (int run = 0; run < 2 || System.nanoTime() - start < 1_000_000_000L; run++) {
            work.run();
        }
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
            return seconds(last - first) / (steps - 1);
        }
    }

    /** Times the same mesh in DOLFINx (a Python process running the bundled reference script). */
    private void addDolfinx(Map<String, Object> row, double dt) {
        String interpreter = python != null ? python
                : System.getenv().getOrDefault("SUBMODEL_UQ_PYTHON", "/usr/bin/python3");
        List<String> arguments = List.of(interpreter, script().toString(), Integer.toString(steps),
                Double.toString(dt), Integer.toString(repeats), (String) row.get("mesh"));
        String output;
        try {
            Process process = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new CaseException("the DOLFINx reference failed with " + interpreter + ": is python3-dolfinx "
                        + "installed for it? (--python names another interpreter)");
            }
        } catch (IOException e) {
            throw new CaseException("cannot start " + interpreter + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseException("interrupted while timing DOLFINx");
        }
        String[] words = output.lines().filter(l -> l.startsWith("mesh ")).findFirst()
                .orElseThrow(() -> new CaseException("the DOLFINx reference printed no timing")).split(" ");
        int dolfinxSteps = Integer.parseInt(words[11]);
        double best = 1e3 * Double.parseDouble(words[7]) / dolfinxSteps;
        double median = 1e3 * Double.parseDouble(words[9]) / dolfinxSteps;
        row.put("dolfinx_setup_s", Double.parseDouble(words[5]));
        row.put("dolfinx_step_ms_min", best);
        row.put("dolfinx_step_ms", median);
        row.put("dolfinx_over_java_per_step_min", best / (double) row.get("full_step_ms_min"));
        row.put("dolfinx_over_java_per_step", median / (double) row.get("full_step_ms"));
    }

    private static Path script() {
        try (InputStream in = BenchCommand.class.getResourceAsStream("dolfinx_newmark.py")) {
            Path file = Files.createTempFile("submodel-uq-dolfinx", ".py");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        boolean withDolfinx = rows.stream().anyMatch(row -> row.containsKey("dolfinx_step_ms"));
        out.println();
        out.print("| mesh | DOFs full / zone | full run s | full setup s | full ms/step min / median "
                + "| submodel run s | submodel ms/step min / median | full/submodel per run |");
        out.println(withDolfinx ? " DOLFINx setup s | DOLFINx ms/step min / median | DOLFINx/Java per step |" : "");
        out.print("|---|---|---|---|---|---|---|---|");
        out.println(withDolfinx ? "---|---|---|" : "");
        for (Map<String, Object> row : rows) {
            out.printf("| %s | %d / %d | %.3f | %.3f | %.3f / %.3f | %.4f | %.3f / %.3f | %.0fx |", row.get("mesh"),
                    row.get("full_dofs"), row.get("zone_dofs"), row.get("full_run_s"), row.get("full_setup_s"),
                    row.get("full_step_ms_min"), row.get("full_step_ms"), row.get("submodel_run_s"),
                    row.get("submodel_step_ms_min"), row.get("submodel_step_ms"),
                    (double) row.get("full_run_s") / (double) row.get("submodel_run_s"));
            if (withDolfinx) {
                out.printf(" %.3f | %.3f / %.3f | %.2f / %.2f |", row.get("dolfinx_setup_s"),
                        row.get("dolfinx_step_ms_min"), row.get("dolfinx_step_ms"),
                        row.get("dolfinx_over_java_per_step_min"), row.get("dolfinx_over_java_per_step"));
            }
            out.println();
        }
    }

    private void writeJson(List<Map<String, Object>> rows) {
        try {
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(),
                    Map.of("repeats", repeats, "steps", steps, "java", System.getProperty("java.version"),
                            "cores", Runtime.getRuntime().availableProcessors(), "rows", rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double seconds(long nanos) {
        return nanos * 1e-9;
    }
}
