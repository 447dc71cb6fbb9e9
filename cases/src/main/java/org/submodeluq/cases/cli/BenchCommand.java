package org.submodeluq.cases.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.submodeluq.cases.bench.BenchSummary;
import org.submodeluq.cases.bench.CampaignBench;
import org.submodeluq.cases.bench.GanBench;
import org.submodeluq.cases.bench.MatformerBench;
import org.submodeluq.cases.bench.MonteCarloBench;
import org.submodeluq.cases.bench.SolverBench;
import org.submodeluq.fem.bridge.PythonRuntime;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.spec.MeshResolution;
import org.submodeluq.matformer.data.ByteCorpus;
import org.submodeluq.matformer.data.DemoCorpus;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.nn.DjlRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq bench}: the project's speeds, measured in one sitting and summed up in one Markdown
 * table (full runs, Java and FEniCS, against a Monte Carlo sample; Monte Carlo, WGAN-GP and MatFormer
 * throughputs), with the figures also written as JSON. Flags add detailed tables: {@code --solver} the
 * Java solver per run and per step (optionally beside DOLFINx), {@code --campaign} training-set generation
 * and the Py4J overhead per call, {@code --mc} the Monte Carlo sweep over meshes and block widths,
 * {@code --matformer} MatFormer training, decoding and speculative decoding for every k.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the project's speeds in one sitting and prints one summary table: a full run's cost "
                + "(Java, and FEniCS through the bridge when DOLFINx is available) against a Monte Carlo sample's, "
                + "Monte Carlo samples per second, WGAN-GP iterations per second and MatFormer training, decoding "
                + "and speculative decoding speeds, on the first --mc-meshes mesh. Also writes the figures as JSON. "
                + "The default run takes about 5 minutes on 2 cores, --quick under one.",
            "--solver, --campaign, --mc and --matformer add detailed tables."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--quick", description = "A smoke run: smaller defaults for the options not given (meshes 80x20 "
            + "and 160x40, 3 repeats, 20 campaign samples on 80x20, 50 Monte Carlo samples on 80x20, 20 WGAN-GP "
            + "iterations, 20 MatFormer training steps).")
    private boolean quick;

    @Option(names = "--solver", description = "Also print the Java solver's full and submodel runs per mesh.")
    private boolean solver;

    @Option(names = "--meshes", paramLabel = "NXxNY", split = ",", defaultValue = "80x20,160x40,320x80",
            description = "Meshes for the solver table (default: ${DEFAULT-VALUE}).")
    private List<MeshResolution> meshes;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200",
            description = "Time steps per run, everywhere (default: ${DEFAULT-VALUE}, the default case's).")
    private int steps;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Timed runs per figure of the solver table (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--dolfinx", description = "Also time the same Newmark loop in DOLFINx in the solver table "
            + "(implies --solver; needs python3-dolfinx).")
    private boolean dolfinx;

    @Option(names = "--campaign", description = "Also time training-set generation, Java and FEniCS, and the Py4J "
            + "overhead per call.")
    private boolean campaign;

    @Option(names = "--campaign-meshes", paramLabel = "NXxNY", split = ",", defaultValue = "80x20,160x40",
            description = "Meshes for the campaign timings (default: ${DEFAULT-VALUE}).")
    private List<MeshResolution> campaignMeshes;

    @Option(names = "--campaign-samples", paramLabel = "N", defaultValue = "200",
            description = "Samples per campaign (default: ${DEFAULT-VALUE}).")
    private int campaignSamples;

    @Option(names = "--workers", paramLabel = "W", split = ",", defaultValue = "1,2",
            description = "Worker counts for the campaign timings (default: ${DEFAULT-VALUE}).")
    private List<Integer> workers;

    @Option(names = "--gan-iterations", paramLabel = "N", defaultValue = "200",
            description = "Timed WGAN-GP iterations per thread count (default: ${DEFAULT-VALUE}).")
    private int ganIterations;

    @Option(names = "--gan-threads", paramLabel = "T", split = ",", defaultValue = "1,2",
            description = "libtorch thread counts for the WGAN-GP timing (default: ${DEFAULT-VALUE}).")
    private List<Integer> ganThreads;

    @Option(names = "--mc", description = "Also print the Monte Carlo table, over every --mc-meshes mesh and "
            + "--mc-blocks width (the summary uses only the first of each).")
    private boolean monteCarlo;

    @Option(names = "--mc-meshes", paramLabel = "NXxNY", split = ",", defaultValue = "80x20,160x40",
            description = "Meshes for the Monte Carlo timings; the summary's is the first (default: ${DEFAULT-VALUE}).")
    private List<MeshResolution> monteCarloMeshes;

    @Option(names = "--mc-samples", paramLabel = "N", defaultValue = "400",
            description = "Samples per timed Monte Carlo campaign (default: ${DEFAULT-VALUE}).")
    private int monteCarloSamples;

    @Option(names = "--mc-threads", paramLabel = "T", split = ",", defaultValue = "1,2",
            description = "Thread counts for the Monte Carlo timings (default: ${DEFAULT-VALUE}).")
    private List<Integer> monteCarloThreads;

    @Option(names = "--mc-blocks", paramLabel = "B", split = ",", defaultValue = "1,16",
            description = "Solve block widths for the Monte Carlo timings; the summary's is the first (default: "
                    + "${DEFAULT-VALUE}).")
    private List<Integer> monteCarloBlocks;

    @Option(names = "--matformer", description = "Also print the MatFormer tables: training, decoding with and "
            + "without the KV cache, and speculative decoding for k = 2, 4, 8.")
    private boolean matformer;

    @Option(names = "--matformer-model", paramLabel = "DIR|FILE",
            description = "Trained MatFormer for the decoding timings (default: train one on the demo corpus for "
                    + "--matformer-steps steps first).")
    private Path matformerModel;

    @Option(names = "--matformer-steps", paramLabel = "N", defaultValue = "200",
            description = "Training steps of the demo model when no --matformer-model is given (default: "
                    + "${DEFAULT-VALUE}).")
    private int matformerSteps;

    @Mixin
    private PythonOption python;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench.json",
            description = "Where to write the figures as JSON (default: ${DEFAULT-VALUE}).")
    private Path json;

    @Override
    public Integer call() {
        shrinkWhenQuick();
        validate();
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CaseSpec base = CaseFiles.defaultCase().withTime(steps, CaseFiles.defaultCase().time().dt());
        String fenicsUnavailable = PythonRuntime.probe(python.interpreter(), base.fenics());
        if (fenicsUnavailable != null) {
            err.println("timings without FEniCS: " + fenicsUnavailable);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("java", System.getProperty("java.version"));
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("mesh", name(monteCarloMeshes.get(0)));
        results.put("steps", steps);
        results.put("block", monteCarloBlocks.get(0));
        if (fenicsUnavailable != null) {
            results.put("fenics_unavailable", fenicsUnavailable);
        }
        if (solver || dolfinx) {
            results.put("solver", solverRows(base, err));
            out.print(SolverBench.table(rows(results, "solver")));
            out.printf("%nmin and median of %d timed runs of %d steps each (after at least 1 s of warm-up runs)%n%n",
                    repeats, steps);
        }
        if (campaign) {
            campaignRows(base, fenicsUnavailable == null, results, err);
            out.print(CampaignBench.table(rows(results, "campaign")));
            if (results.get("py4j_overhead") instanceof Map<?, ?> overhead) {
                out.printf("%nPy4J overhead per run call (%s, median of %s calls): %.3f ms = round trip %.3f ms - "
                        + "model %.3f ms%n", overhead.get("mesh"), overhead.get("calls"), overhead.get("overhead_ms"),
                        overhead.get("round_trip_ms"), overhead.get("model_ms"));
            }
            out.println();
        }
        results.put("monte_carlo", monteCarloRows(base, fenicsUnavailable == null, err));
        if (monteCarlo) {
            out.print(MonteCarloBench.table(rows(results, "monte_carlo")));
            out.println("\nA campaign includes generation (PCA-Gaussian), the submodel, the quantities, the checkpoint "
                    + "and the output file. Full runs: the Java full model on one thread (median of 15), and FEniCS "
                    + "through the bridge on one worker (median of 10 calls); ratios are per thread.\n");
        }
        List<Map<String, Object>> gan = new ArrayList<>();
        for (int threads : ganThreads) {
            err.printf("timing WGAN-GP with %d thread(s): %d iterations...%n", threads, ganIterations);
            err.flush();
            gan.add(GanBench.time(threads, ganIterations));
        }
        results.put("gan", gan);
        results.putAll(matformerFigures(err));
        if (matformer) {
            out.println(MatformerBench.tables(results));
        }
        out.print(BenchSummary.table(results));
        out.printf("%n%s%n", BenchSummary.context(results));
        writeJson(results);
        out.println("wrote " + json);
        out.flush();
        return 0;
    }

    /** With --quick, options not given on the command line take small values. */
    private void shrinkWhenQuick() {
        meshes = quickOr("--meshes", meshes, List.of(new MeshResolution(80, 20), new MeshResolution(160, 40)));
        repeats = quickOr("--repeats", repeats, 3);
        campaignMeshes = quickOr("--campaign-meshes", campaignMeshes, List.of(new MeshResolution(80, 20)));
        campaignSamples = quickOr("--campaign-samples", campaignSamples, 20);
        ganIterations = quickOr("--gan-iterations", ganIterations, 20);
        monteCarloMeshes = quickOr("--mc-meshes", monteCarloMeshes, List.of(new MeshResolution(80, 20)));
        monteCarloSamples = quickOr("--mc-samples", monteCarloSamples, 50);
        matformerSteps = quickOr("--matformer-steps", matformerSteps, 20);
    }

    private <T> T quickOr(String option, T given, T quickValue) {
        return quick && !command.commandLine().getParseResult().hasMatchedOption(option) ? quickValue : given;
    }

    /** Checks every option before anything is measured, so that a typo costs no minutes. */
    private void validate() {
        if (steps < 2 || repeats < 1 || campaignSamples < 3 || ganIterations < 1 || monteCarloSamples < 10
                || matformerSteps < 1 || Stream.of(workers, ganThreads, monteCarloThreads, monteCarloBlocks)
                        .flatMap(List::stream).anyMatch(count -> count < 1)) {
            throw new UserInputException("--steps must be >= 2, --repeats, --gan-iterations, --matformer-steps, --workers, "
                    + "--gan-threads, --mc-threads and --mc-blocks >= 1, --campaign-samples >= 3 and --mc-samples >= 10");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> results, String key) {
        return (List<Map<String, Object>>) results.get(key);
    }

    private List<Map<String, Object>> solverRows(CaseSpec base, PrintWriter err) {
        SolverBench bench = new SolverBench(repeats);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MeshResolution mesh : meshes) {
            err.printf("timing %s: %d repeats of %d steps...%n", name(mesh), repeats, steps);
            err.flush();
            Map<String, Object> row = bench.time(withMesh(base, mesh));
            if (dolfinx) {
                err.printf("timing %s in DOLFINx...%n", name(mesh));
                err.flush();
                bench.addDolfinx(row, interpreter(), base.time().dt());
            }
            rows.add(row);
        }
        return rows;
    }

    private void campaignRows(CaseSpec base, boolean withFenics, Map<String, Object> results, PrintWriter err) {
        CampaignBench bench = new CampaignBench(campaignSamples, python.interpreter());
        List<String> solvers = withFenics ? List.of("java", "fenics") : List.of("java");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MeshResolution mesh : campaignMeshes) {
            CaseSpec spec = withMesh(base, mesh);
            for (String solverName : solvers) {
                for (int count : workers) {
                    err.printf("campaign %s, %s, %d worker(s): %d samples...%n", name(mesh), solverName, count,
                            campaignSamples);
                    err.flush();
                    rows.add(bench.time(spec, solverName, count));
                }
            }
        }
        results.put("campaign", rows);
        if (withFenics) {
            err.println("timing the Py4J overhead...");
            err.flush();
            results.put("py4j_overhead", bench.overhead(withMesh(base, campaignMeshes.get(0)), 20));
        }
    }

    /** The summary's mesh and block width, and with --mc every mesh and block width asked. */
    private List<Map<String, Object>> monteCarloRows(CaseSpec base, boolean withFenics, PrintWriter err) {
        MonteCarloBench bench = new MonteCarloBench(monteCarloSamples);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MeshResolution mesh : monteCarlo ? monteCarloMeshes : monteCarloMeshes.subList(0, 1)) {
            CaseSpec spec = withMesh(base, mesh);
            Double fenicsMs = null;
            if (withFenics) {
                err.printf("FEniCS full runs %s...%n", name(mesh));
                err.flush();
                fenicsMs = (Double) new CampaignBench(3, python.interpreter()).overhead(spec, 10).get("round_trip_ms");
            }
            err.printf("Monte Carlo %s: %d samples per campaign...%n", name(mesh), monteCarloSamples);
            err.flush();
            rows.addAll(bench.time(spec, monteCarloThreads, monteCarlo ? monteCarloBlocks
                    : monteCarloBlocks.subList(0, 1), fenicsMs));
        }
        return rows;
    }

    private Map<String, Object> matformerFigures(PrintWriter err) {
        DjlRuntime.configure(1);
        ByteCorpus corpus = ByteCorpus.read(DemoCorpus.path(), 0.1);
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model;
            if (matformerModel != null) {
                model = MatformerCommand.nested(matformerModel, manager);
            } else {
                err.printf("MatFormer: training the decoding model on the demo corpus, %d steps...%n", matformerSteps);
                err.flush();
                model = MatformerBench.demoModel(manager, corpus, matformerSteps);
            }
            return MatformerBench.measure(model, corpus, quick ? 3 : 20, err);
        }
    }

    private String interpreter() {
        return PythonRuntime.resolve(python.interpreter(), CaseFiles.defaultCase().fenics()).interpreter();
    }

    private static CaseSpec withMesh(CaseSpec base, MeshResolution mesh) {
        return base.withMesh(mesh.nx(), mesh.ny());
    }

    private static String name(MeshResolution mesh) {
        return mesh.nx() + "x" + mesh.ny();
    }

    private void writeJson(Map<String, Object> results) {
        try {
            Files.createDirectories(json.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
        }
    }
}
