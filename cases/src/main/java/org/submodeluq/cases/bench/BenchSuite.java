package org.submodeluq.cases.bench;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.submodeluq.fem.bridge.PythonRuntime;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.spec.MeshResolution;
import org.submodeluq.matformer.data.ByteCorpus;
import org.submodeluq.matformer.data.DemoCorpus;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.train.TrainedModel;
import org.submodeluq.montecarlo.multifidelity.MeanMapEstimate;
import org.submodeluq.nn.DjlRuntime;

/**
 * Runs a {@link BenchPlan} on the default case, one bench after the other in one process, so that every
 * ratio compares figures of one sitting; says on the log what it is timing, since a run takes minutes.
 */
public final class BenchSuite {

    private final BenchPlan plan;
    private final String python;
    private final PrintWriter log;

    /**
     * @param python interpreter for FEniCS and DOLFINx, or null for the case's; also the PyTorch reference's
     *     (null: {@value GanBench#DEFAULT_PYTHON})
     */
    public BenchSuite(BenchPlan plan, String python, PrintWriter log) {
        this.plan = plan;
        this.python = python;
        this.log = log;
    }

    /** Measures every figure of the plan. */
    public BenchResults run() {
        String date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        CaseSpec base = CaseFiles.defaultCase().withTime(plan.steps(), CaseFiles.defaultCase().time().dt());
        String fenicsUnavailable = PythonRuntime.probe(python, base.fenics());
        if (fenicsUnavailable != null) {
            log("timings without FEniCS: %s", fenicsUnavailable);
        }
        boolean withFenics = fenicsUnavailable == null;
        List<SolverBench.MeshTimes> solver = plan.solver().table() ? solver(base) : null;
        List<CampaignBench.Throughput> campaign = plan.campaign().table() ? campaign(base, withFenics) : null;
        CampaignBench.Py4jOverhead overhead = plan.campaign().table() && withFenics
                ? py4jOverhead(withMesh(base, plan.campaign().meshes().get(0))) : null;
        List<MonteCarloBench.Throughput> monteCarlo = monteCarlo(base, withFenics);
        List<GanBench.Speed> gan = gan();
        GeneratorBench.Result generators = plan.generators().table() ? new GeneratorBench(plan.generators().runs(),
                plan.gan().iterations(), plan.generators().samples(), Runtime.getRuntime().availableProcessors())
                .time(base, line -> log("%s", line)) : null;
        return new BenchResults(date, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                BenchPlan.meshName(plan.monteCarlo().meshes().get(0)), plan.steps(), fenicsUnavailable, solver,
                campaign, overhead, monteCarlo, gan, matformer(), generators == null ? null : generators.costs(),
                generators == null ? null : generators.multifidelity());
    }

    /** The detailed tables the plan asks for, each followed by a note on what it measured. */
    public String details(BenchResults results) {
        StringBuilder out = new StringBuilder();
        if (results.solver() != null) {
            out.append(SolverBench.table(results.solver())).append(String.format("%nmin and median of %d timed runs of "
                    + "%d steps each (after at least 1 s of warm-up runs)%n%n", plan.solver().repeats(), plan.steps()));
        }
        if (results.campaign() != null) {
            out.append(CampaignBench.table(results.campaign()));
            CampaignBench.Py4jOverhead overhead = results.py4jOverhead();
            if (overhead != null) {
                out.append(String.format("%nPy4J overhead per run call (%s, median of %d calls): %.3f ms = round trip "
                        + "%.3f ms - model %.3f ms%n", overhead.mesh(), overhead.calls(), overhead.overheadMs(),
                        overhead.roundTripMs(), overhead.modelMs()));
            }
            out.append(System.lineSeparator());
        }
        if (plan.monteCarlo().table()) {
            out.append(MonteCarloBench.table(results.monteCarlo())).append("\nA campaign includes generation "
                    + "(PCA-Gaussian), the submodel, the quantities, the checkpoint and the output file; each row is the "
                    + "fastest of 3 campaigns. Full runs: the Java full model on one thread (fastest of 15), and FEniCS "
                    + "through the bridge on one worker (median of 10 calls); ratios are per thread.\n\n");
        }
        if (results.generators() != null) {
            out.append(GeneratorBench.table(results.generators())).append(String.format("%nEach kind trained on the "
                    + "same Java training set of the default case (the GANs for %d iterations, the bench's; mean-map "
                    + "reuses mean-map-residual's map), then %d samples drawn in batches of 50 after one batch of "
                    + "warm-up; a submodel run is the median of 50.%n%n", plan.gan().iterations(),
                    plan.generators().samples()));
        }
        if (results.multifidelity() != null) {
            out.append(GeneratorBench.multifidelityTable(results.multifidelity())).append(String.format("%nThe "
                    + "multifidelity estimate on mean-map-residual's fitting runs: each run paired with the submodel "
                    + "under its cross-fitted traces and the emulator, corrected by %d submodel samples of the fold maps "
                    + "and %d of the emulator; effective runs/s are plain full runs of equal variance per thread-second "
                    + "spent on the full runs, the cheap samples and the emulator's fits (a full run's cost is the "
                    + "training set's generation per run and thread).%n%n", plan.generators().samples(),
                    MeanMapEstimate.EMULATOR_SAMPLES));
        }
        if (plan.matformer().tables()) {
            out.append(results.matformer().tables()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private List<SolverBench.MeshTimes> solver(CaseSpec base) {
        SolverBench bench = new SolverBench(plan.solver().repeats());
        List<SolverBench.MeshTimes> rows = new ArrayList<>();
        for (MeshResolution mesh : plan.solver().meshes()) {
            log("timing %s: %d repeats of %d steps...", BenchPlan.meshName(mesh), plan.solver().repeats(),
                    plan.steps());
            SolverBench.JavaTimes java = bench.time(withMesh(base, mesh));
            SolverBench.DolfinxTimes dolfinx = null;
            if (plan.solver().dolfinx()) {
                log("timing %s in DOLFINx...", BenchPlan.meshName(mesh));
                dolfinx = bench.dolfinx(java, PythonRuntime.resolve(python, base.fenics()).interpreter(),
                        base.time().dt());
            }
            rows.add(new SolverBench.MeshTimes(java, dolfinx));
        }
        return rows;
    }

    private List<CampaignBench.Throughput> campaign(CaseSpec base, boolean withFenics) {
        BenchPlan.Campaign sizes = plan.campaign();
        CampaignBench bench = new CampaignBench(sizes.samples(), python);
        List<CampaignBench.Throughput> rows = new ArrayList<>();
        for (MeshResolution mesh : sizes.meshes()) {
            CaseSpec spec = withMesh(base, mesh);
            for (String solver : withFenics ? List.of("java", "fenics") : List.of("java")) {
                for (int workers : sizes.workers()) {
                    log("campaign %s, %s, %d worker(s): %d samples...", BenchPlan.meshName(mesh), solver, workers,
                            sizes.samples());
                    rows.add(bench.time(spec, solver, workers));
                }
            }
        }
        return rows;
    }

    private CampaignBench.Py4jOverhead py4jOverhead(CaseSpec spec) {
        log("timing the Py4J overhead...");
        return new CampaignBench(plan.campaign().samples(), python).overhead(spec, 20);
    }

    /** The summary's mesh, and with the table every mesh of the plan. */
    private List<MonteCarloBench.Throughput> monteCarlo(CaseSpec base, boolean withFenics) {
        BenchPlan.MonteCarlo sizes = plan.monteCarlo();
        MonteCarloBench bench = new MonteCarloBench(sizes.samples());
        List<MonteCarloBench.Throughput> rows = new ArrayList<>();
        for (MeshResolution mesh : sizes.table() ? sizes.meshes() : sizes.meshes().subList(0, 1)) {
            CaseSpec spec = withMesh(base, mesh);
            Double fenicsMs = null;
            if (withFenics) {
                log("FEniCS full runs %s...", BenchPlan.meshName(mesh));
                fenicsMs = new CampaignBench(3, python).overhead(spec, 10).roundTripMs();
            }
            log("Monte Carlo %s: %d samples per campaign...", BenchPlan.meshName(mesh), sizes.samples());
            rows.addAll(bench.time(spec, sizes.threads(), fenicsMs));
        }
        return rows;
    }

    private List<GanBench.Speed> gan() {
        List<GanBench.Speed> rows = new ArrayList<>();
        String interpreter = python == null ? GanBench.DEFAULT_PYTHON : python;
        for (int threads : plan.gan().threads()) {
            log("timing WGAN-GP with %d thread(s): %d iterations in DJL, then in PyTorch eager...", threads,
                    plan.gan().iterations());
            GanBench.Speed speed = GanBench.time(threads, plan.gan().iterations(), interpreter);
            if (speed.pytorchSkipped() != null) {
                log("WGAN-GP in PyTorch skipped: %s", speed.pytorchSkipped());
            }
            rows.add(speed);
        }
        return rows;
    }

    private MatformerFigures matformer() {
        BenchPlan.Matformer sizes = plan.matformer();
        DjlRuntime.configure(1);
        ByteCorpus corpus = ByteCorpus.read(DemoCorpus.path(), 0.1);
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model;
            if (sizes.model() != null) {
                model = TrainedModel.nested(sizes.model(), manager);
            } else {
                log("MatFormer: training the decoding model on the demo corpus, %d steps...", sizes.trainingSteps());
                model = MatformerBench.demoModel(manager, corpus, sizes.trainingSteps());
            }
            return MatformerBench.measure(model, corpus, sizes.timedSteps(), log);
        }
    }

    private static CaseSpec withMesh(CaseSpec base, MeshResolution mesh) {
        return base.withMesh(mesh.nx(), mesh.ny());
    }

    private void log(String format, Object... values) {
        log.printf(format + "%n", values);
        log.flush();
    }
}
