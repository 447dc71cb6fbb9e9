package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.submodeluq.cases.bench.BenchPlan;
import org.submodeluq.cases.bench.BenchResults;
import org.submodeluq.cases.bench.BenchSuite;
import org.submodeluq.cases.bench.BenchSummary;
import org.submodeluq.fem.spec.MeshResolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq bench}: the project's speeds, measured in one sitting and summed up in one Markdown
 * table (full runs, Java and FEniCS, against a Monte Carlo sample; Monte Carlo, WGAN-GP and MatFormer
 * throughputs), with the figures also written as JSON. Flags add detailed tables: {@code --solver} the
 * Java solver per run and per step (optionally beside DOLFINx), {@code --campaign} training-set generation
 * and the Py4J overhead per call, {@code --mc} the Monte Carlo sweep over meshes, {@code --matformer}
 * MatFormer training, decoding and speculative decoding for every k. The sizes not given come from
 * {@link BenchPlan#standard()}, or {@link BenchPlan#quick()} with {@code --quick}; the help states them.
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

    @Option(names = "--quick", description = "A smoke run of under a minute: each size not given takes the --quick "
            + "value stated with its option.")
    private boolean quick;

    @Option(names = "--solver", description = "Also print the Java solver's full and submodel runs per mesh.")
    private boolean solver;

    @Option(names = "--meshes", paramLabel = "NXxNY", split = ",",
            description = "Meshes for the solver table (default: 80x20,160x40,320x80; --quick 80x20,160x40).")
    private List<MeshResolution> meshes;

    @Option(names = "--steps", paramLabel = "N",
            description = "Time steps per run, everywhere (default: 200, the default case's).")
    private Integer steps;

    @Option(names = "--repeats", paramLabel = "N",
            description = "Timed runs per figure of the solver table (default: 5; --quick 3).")
    private Integer repeats;

    @Option(names = "--dolfinx", description = "Also time the same Newmark loop in DOLFINx in the solver table "
            + "(implies --solver; needs python3-dolfinx).")
    private boolean dolfinx;

    @Option(names = "--campaign", description = "Also time training-set generation, Java and FEniCS, and the Py4J "
            + "overhead per call.")
    private boolean campaign;

    @Option(names = "--campaign-meshes", paramLabel = "NXxNY", split = ",",
            description = "Meshes for the campaign timings (default: 80x20,160x40; --quick 80x20).")
    private List<MeshResolution> campaignMeshes;

    @Option(names = "--campaign-samples", paramLabel = "N",
            description = "Samples per campaign (default: 200; --quick 20).")
    private Integer campaignSamples;

    @Option(names = "--workers", paramLabel = "W", split = ",",
            description = "Worker counts for the campaign timings (default: 1,2).")
    private List<Integer> workers;

    @Option(names = "--gan-iterations", paramLabel = "N",
            description = "Timed WGAN-GP iterations per thread count (default: 200; --quick 20).")
    private Integer ganIterations;

    @Option(names = "--gan-threads", paramLabel = "T", split = ",",
            description = "libtorch thread counts for the WGAN-GP timing (default: 1,2).")
    private List<Integer> ganThreads;

    @Option(names = "--mc", description = "Also print the Monte Carlo table, over every --mc-meshes mesh (the "
            + "summary uses only the first).")
    private boolean monteCarlo;

    @Option(names = "--mc-meshes", paramLabel = "NXxNY", split = ",", description = "Meshes for the Monte Carlo "
            + "timings; the summary's is the first (default: 80x20,160x40; --quick 80x20).")
    private List<MeshResolution> monteCarloMeshes;

    @Option(names = "--mc-samples", paramLabel = "N",
            description = "Samples per timed Monte Carlo campaign (default: 400; --quick 50).")
    private Integer monteCarloSamples;

    @Option(names = "--mc-threads", paramLabel = "T", split = ",",
            description = "Thread counts for the Monte Carlo timings (default: 1,2).")
    private List<Integer> monteCarloThreads;

    @Option(names = "--matformer", description = "Also print the MatFormer tables: training, decoding with and "
            + "without the KV cache, and speculative decoding for k = 2, 4, 8.")
    private boolean matformer;

    @Option(names = "--matformer-model", paramLabel = "DIR|FILE",
            description = "Trained MatFormer for the decoding timings (default: train one on the demo corpus for "
                    + "--matformer-steps steps first).")
    private Path matformerModel;

    @Option(names = "--matformer-steps", paramLabel = "N", description = "Training steps of the demo model when no "
            + "--matformer-model is given (default: 200; --quick 20).")
    private Integer matformerSteps;

    @Option(names = "--matformer-timed-steps", paramLabel = "N", description = "Training steps timed per MatFormer "
            + "shape, 0 for none (a large --matformer-model trains slowly) (default: 20; --quick 3).")
    private Integer matformerTimedSteps;

    @Mixin
    private PythonOption python;

    @Option(names = "--generators", description = "Also time each generator kind: training on a Java training set of "
            + "the default case, and one generated sample against one submodel run (a mean map trains for minutes).")
    private boolean generators;

    @Option(names = "--generator-runs", paramLabel = "N", description = "Full runs of that training set, 80 %% of them "
            + "trained on (default: 300; --quick 60).")
    private Integer generatorRuns;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench.json",
            description = "Where to write the figures as JSON (default: ${DEFAULT-VALUE}).")
    private Path json;

    @Override
    public Integer call() {
        Contradictions.refuseIgnored(command, List.of("--meshes", "--repeats"), !solver && !dolfinx,
                "it sizes the solver table, asked for with --solver or --dolfinx");
        Contradictions.refuseIgnored(command, List.of("--campaign-meshes", "--campaign-samples", "--workers"),
                !campaign, "it sizes the campaign table, asked for with --campaign");
        Contradictions.refuseIgnored(command, List.of("--generator-runs"), !generators,
                "it sizes the generator table, asked for with --generators");
        Path figures = OutputOption.checkedText("--json", json, List.of(), "the figures of an earlier bench",
                text -> text.stripLeading().startsWith("{") && text.contains("\"cores\""));
        PrintWriter out = command.commandLine().getOut();
        BenchSuite suite = new BenchSuite(plan(), python.interpreter(), command.commandLine().getErr());
        BenchResults results = suite.run();
        out.print(suite.details(results));
        out.print(BenchSummary.table(results));
        out.printf("%n%s%n", BenchSummary.context(results));
        results.write(figures);
        out.println("wrote " + figures);
        out.flush();
        return 0;
    }

    /** The standard or quick plan, with the sizes the command line gives. */
    BenchPlan plan() {
        BenchPlan base = quick ? BenchPlan.quick() : BenchPlan.standard();
        return new BenchPlan(or(steps, base.steps()),
                new BenchPlan.Solver(solver || dolfinx, dolfinx, or(meshes, base.solver().meshes()),
                        or(repeats, base.solver().repeats())),
                new BenchPlan.Campaign(campaign, or(campaignMeshes, base.campaign().meshes()),
                        or(campaignSamples, base.campaign().samples()), or(workers, base.campaign().workers())),
                new BenchPlan.Gan(or(ganIterations, base.gan().iterations()), or(ganThreads, base.gan().threads())),
                new BenchPlan.MonteCarlo(monteCarlo, or(monteCarloMeshes, base.monteCarlo().meshes()),
                        or(monteCarloSamples, base.monteCarlo().samples()),
                        or(monteCarloThreads, base.monteCarlo().threads())),
                new BenchPlan.Matformer(matformer, matformerModel,
                        or(matformerSteps, base.matformer().trainingSteps()),
                        or(matformerTimedSteps, base.matformer().timedSteps())),
                new BenchPlan.Generators(generators, or(generatorRuns, base.generators().runs()),
                        base.generators().samples()));
    }

    private static <T> T or(T given, T planned) {
        return given != null ? given : planned;
    }
}
