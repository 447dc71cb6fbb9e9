package org.submodeluq.cases.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.submodeluq.cases.bench.CampaignBench;
import org.submodeluq.cases.bench.GanBench;
import org.submodeluq.cases.bench.MatformerBench;
import org.submodeluq.cases.bench.MonteCarloBench;
import org.submodeluq.cases.bench.SolverBench;
import org.submodeluq.fem.bridge.PythonRuntime;
import org.submodeluq.fem.spec.CaseException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.matformer.data.ByteCorpus;
import org.submodeluq.matformer.data.DemoCorpus;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;
import org.submodeluq.matformer.train.MatTrainer;
import org.submodeluq.matformer.train.TrainOptions;
import org.submodeluq.matformer.train.TrainingListener;
import org.submodeluq.surrogate.DjlRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq bench}: the project's speeds, measured in one sitting and printed as Markdown
 * tables: the Java solver per run and per step (optionally beside DOLFINx), with {@code --campaign}
 * the throughput of training-set generation and the Py4J overhead per call, with {@code --gan}
 * WGAN-GP training iterations per second, and with {@code --mc} Monte Carlo samples per second beside
 * the cost of a full run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times the solvers and, with --campaign, --gan and --mc, training-set generation, WGAN-GP "
                + "training and Monte Carlo sampling.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--quick", description = "A smoke run of seconds: meshes 80x20 and 160x40, 3 repeats, "
            + "campaigns of 20 samples on 80x20.")
    private boolean quick;

    @Option(names = "--meshes", paramLabel = "NXxNY", split = ",", defaultValue = "80x20,160x40,320x80",
            description = "Meshes for the solver timings (default: ${DEFAULT-VALUE}).")
    private List<String> meshes;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "Time steps per run (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5", description = "Timed runs per figure (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--dolfinx", description = "Also time the same Newmark loop in DOLFINx (needs python3-dolfinx).")
    private boolean dolfinx;

    @Option(names = "--campaign", description = "Also time training-set generation, Java and FEniCS, and the Py4J "
            + "overhead per call.")
    private boolean campaign;

    @Option(names = "--campaign-meshes", paramLabel = "NXxNY", split = ",", defaultValue = "80x20,160x40",
            description = "Meshes for the campaign timings (default: ${DEFAULT-VALUE}).")
    private List<String> campaignMeshes;

    @Option(names = "--campaign-samples", paramLabel = "N", defaultValue = "200",
            description = "Samples per campaign (default: ${DEFAULT-VALUE}).")
    private int campaignSamples;

    @Option(names = "--gan", description = "Also time WGAN-GP training iterations at the reference sizes.")
    private boolean gan;

    @Option(names = "--gan-iterations", paramLabel = "N", defaultValue = "300",
            description = "Timed WGAN-GP iterations per thread count (default: ${DEFAULT-VALUE}).")
    private int ganIterations;

    @Option(names = "--gan-threads", paramLabel = "T", split = ",", defaultValue = "1,2",
            description = "libtorch thread counts for the WGAN-GP timing (default: ${DEFAULT-VALUE}).")
    private List<Integer> ganThreads;

    @Option(names = "--mc", description = "Also time Monte Carlo campaigns (generation + submodel + quantities) "
            + "and compare a sample's cost with a full run's, Java and (when available) FEniCS.")
    private boolean monteCarlo;

    @Option(names = "--mc-meshes", paramLabel = "NXxNY", split = ",", defaultValue = "80x20,160x40",
            description = "Meshes for the Monte Carlo timings (default: ${DEFAULT-VALUE}).")
    private List<String> monteCarloMeshes;

    @Option(names = "--mc-samples", paramLabel = "N", defaultValue = "400",
            description = "Samples per timed Monte Carlo campaign (default: ${DEFAULT-VALUE}).")
    private int monteCarloSamples;

    @Option(names = "--mc-threads", paramLabel = "T", split = ",", defaultValue = "1,2",
            description = "Thread counts for the Monte Carlo timings (default: ${DEFAULT-VALUE}).")
    private List<Integer> monteCarloThreads;

    @Option(names = "--mc-blocks", paramLabel = "B", split = ",", defaultValue = "1,16",
            description = "Solve block widths for the Monte Carlo timings (default: ${DEFAULT-VALUE}).")
    private List<Integer> monteCarloBlocks;

    @Option(names = "--matformer", description = "Also time MatFormer training (joint vs one plain model), decoding "
            + "with and without the KV cache, and speculative decoding for k = 2, 4, 8.")
    private boolean matformer;

    @Option(names = "--matformer-model", paramLabel = "DIR|FILE",
            description = "Trained MatFormer for the decoding timings (default: train one on the demo corpus for "
                    + "--matformer-steps steps first).")
    private Path matformerModel;

    @Option(names = "--matformer-steps", paramLabel = "N", defaultValue = "300",
            description = "Steps of that training when no model is given (default: ${DEFAULT-VALUE}).")
    private int matformerSteps;

    @Option(names = "--workers", paramLabel = "W", split = ",", defaultValue = "1,2",
            description = "Worker counts for the campaign timings (default: ${DEFAULT-VALUE}).")
    private List<Integer> workers;

    @Mixin
    private PythonOption python;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to this JSON file.")
    private Path json;

    @Override
    public Integer call() {
        if (quick) {
            meshes = List.of("80x20", "160x40");
            repeats = Math.min(repeats, 3);
            campaignMeshes = List.of("80x20");
            campaignSamples = Math.min(campaignSamples, 20);
            ganIterations = Math.min(ganIterations, 50);
            monteCarloMeshes = List.of("80x20");
            monteCarloSamples = Math.min(monteCarloSamples, 50);
            matformerSteps = Math.min(matformerSteps, 20);
        }
        if (steps < 2 || repeats < 1 || campaignSamples < 3 || ganIterations < 1 || monteCarloSamples < 10
                || Stream.of(workers, ganThreads, monteCarloThreads, monteCarloBlocks).flatMap(List::stream)
                        .anyMatch(count -> count < 1)) {
            throw new CaseException("--steps must be >= 2, --repeats, --gan-iterations, --workers, --gan-threads, "
                    + "--mc-threads and --mc-blocks >= 1, --campaign-samples >= 3 and --mc-samples >= 10");
        }
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CaseSpec base = CaseFiles.defaultCase();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("java", System.getProperty("java.version"));
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("solver", solverRows(base, err));
        out.println();
        out.print(SolverBench.table(rows(results, "solver")));
        out.printf("%nmin and median of %d timed runs of %d steps each (after at least 1 s of warm-up runs); "
                + "Java %s, %d cores%n", repeats, steps, results.get("java"), results.get("cores"));
        if (campaign) {
            campaignRows(base, results, err);
            out.println();
            out.print(CampaignBench.table(rows(results, "campaign")));
            if (results.get("py4j_overhead") instanceof Map<?, ?> overhead) {
                out.printf("%nPy4J overhead per run call (%s, median of %s calls): %.3f ms = round trip %.3f ms - "
                        + "model %.3f ms%n", overhead.get("mesh"), overhead.get("calls"), overhead.get("overhead_ms"),
                        overhead.get("round_trip_ms"), overhead.get("model_ms"));
            }
        }
        if (gan) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int threads : ganThreads) {
                err.printf("timing WGAN-GP with %d thread(s): %d iterations...%n", threads, ganIterations);
                err.flush();
                rows.add(GanBench.time(threads, ganIterations));
            }
            results.put("gan", rows);
            out.println();
            out.print(GanBench.table(rows));
        }
        if (monteCarlo) {
            results.put("monte_carlo", monteCarloRows(base, err));
            out.println();
            out.print(MonteCarloBench.table(rows(results, "monte_carlo")));
            out.println("\nA campaign includes generation (PCA-Gaussian), the submodel, the quantities, the checkpoint "
                    + "and the output file. Full runs: the Java full model on one thread (median of 15), and FEniCS "
                    + "through the bridge on one worker (median of 10 calls); ratios are per thread.");
        }
        if (matformer) {
            out.println();
            out.print(matformerTables(results, err));
        }
        if (json != null) {
            writeJson(results);
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> results, String key) {
        return (List<Map<String, Object>>) results.get(key);
    }

    private List<Map<String, Object>> solverRows(CaseSpec base, PrintWriter err) {
        SolverBench bench = new SolverBench(repeats);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String mesh : meshes) {
            int[] size = parseMesh(mesh);
            err.printf("timing %s: %d repeats of %d steps...%n", mesh, repeats, steps);
            err.flush();
            Map<String, Object> row = bench.time(base.withMesh(size[0], size[1]).withTime(steps, base.time().dt()));
            if (dolfinx) {
                err.printf("timing %s in DOLFINx...%n", mesh);
                err.flush();
                bench.addDolfinx(row, interpreter(), base.time().dt());
            }
            rows.add(row);
        }
        return rows;
    }

    private void campaignRows(CaseSpec base, Map<String, Object> results, PrintWriter err) {
        CampaignBench bench = new CampaignBench(campaignSamples, python.interpreter());
        String unavailable = PythonRuntime.probe(python.interpreter(), base.fenics());
        if (unavailable != null) {
            err.println("campaign timings without FEniCS: " + unavailable);
        }
        List<String> solvers = unavailable == null ? List.of("java", "fenics") : List.of("java");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String mesh : campaignMeshes) {
            int[] size = parseMesh(mesh);
            CaseSpec spec = base.withMesh(size[0], size[1]);
            for (String solver : solvers) {
                for (int count : workers) {
                    err.printf("campaign %s, %s, %d worker(s): %d samples...%n", mesh, solver, count, campaignSamples);
                    err.flush();
                    rows.add(bench.time(spec, solver, count));
                }
            }
        }
        results.put("campaign", rows);
        if (unavailable == null) {
            int[] size = parseMesh(campaignMeshes.get(0));
            err.println("timing the Py4J overhead...");
            err.flush();
            results.put("py4j_overhead", bench.overhead(base.withMesh(size[0], size[1]), 20));
        }
    }

    private List<Map<String, Object>> monteCarloRows(CaseSpec base, PrintWriter err) {
        MonteCarloBench bench = new MonteCarloBench(monteCarloSamples);
        String unavailable = PythonRuntime.probe(python.interpreter(), base.fenics());
        if (unavailable != null) {
            err.println("Monte Carlo timings without FEniCS full runs: " + unavailable);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String mesh : monteCarloMeshes) {
            int[] size = parseMesh(mesh);
            CaseSpec spec = base.withMesh(size[0], size[1]).withTime(steps, base.time().dt());
            Double fenicsMs = null;
            if (unavailable == null) {
                err.printf("FEniCS full runs %s...%n", mesh);
                err.flush();
                fenicsMs = (Double) new CampaignBench(3, python.interpreter()).overhead(spec, 10).get("round_trip_ms");
            }
            err.printf("Monte Carlo %s: %d samples per campaign...%n", mesh, monteCarloSamples);
            err.flush();
            rows.addAll(bench.time(spec, monteCarloThreads, monteCarloBlocks, fenicsMs));
        }
        return rows;
    }

    private String matformerTables(Map<String, Object> results, PrintWriter err) {
        DjlRuntime.configure(1);
        ByteCorpus corpus = ByteCorpus.read(DemoCorpus.path(), 0.1);
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model;
            if (matformerModel != null) {
                model = MatformerCommand.nested(matformerModel, manager);
            } else {
                LmShape shape = LmShape.uniform(4, 64, 4, 64, 256, LmShape.Positions.LEARNED);
                model = new MatLm(TransformerLm.initialised(manager, shape, RandomSource.XO_RO_SHI_RO_128_PP.create(0L)),
                        MatLm.defaultWidths(256));
                err.printf("MatFormer: training the decoding model on the demo corpus, %d steps...%n", matformerSteps);
                err.flush();
                new MatTrainer(model, new Windows(corpus.train(), 64), new Windows(corpus.heldOut(), 64)
                        .evaluation(16, 4), TrainOptions.defaults(matformerSteps, 0), null)
                        .train(TrainingListener.SILENT);
            }
            int context = model.transformer().shape().context();
            err.println("MatFormer: timing training steps...");
            err.flush();
            List<Map<String, Object>> training = MatformerBench.training(model, new Windows(corpus.train(), context), 32,
                    quick ? 3 : 20);
            String held = new String(corpus.heldOut(), StandardCharsets.UTF_8);
            List<String> prompts = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                prompts.add(held.substring(p * 300, p * 300 + 8));
            }
            err.println("MatFormer: timing decoding...");
            err.flush();
            List<Map<String, Object>> decoding = MatformerBench.decoding(model, prompts.get(0), context - 8);
            List<Map<String, Object>> speculative = MatformerBench.speculative(model, prompts, context - 8,
                    new int[] {2, 4, 8});
            results.put("matformer_training", training);
            results.put("matformer_decoding", decoding);
            results.put("matformer_speculative", speculative);
            return MatformerBench.tables(training, decoding, speculative) + String.format("%nModel: %s, %d parameters; "
                    + "speculative decoding drafts with the smallest granularity (%d parameters) over %d prompts of 8 "
                    + "bytes from the held-out text, %d tokens each.%n", model.transformer().shape(),
                    model.transformer().shape().parameterCount(),
                    model.parameterCount(MixConfig.uniform(model.layers(), 0)), prompts.size(), context - 8);
        }
    }

    private String interpreter() {
        return PythonRuntime.resolve(python.interpreter(), CaseFiles.defaultCase().fenics()).interpreter();
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

    private void writeJson(Map<String, Object> results) {
        try {
            Files.createDirectories(json.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
        }
    }
}
