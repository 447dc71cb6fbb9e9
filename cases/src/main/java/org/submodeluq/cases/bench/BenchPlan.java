package org.submodeluq.cases.bench;

import java.nio.file.Path;
import java.util.List;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.MeshResolution;

/**
 * What {@code bench} measures and at which sizes, one part per bench. The standard plan takes about 5
 * minutes on 2 cores, the quick one under a minute; {@code bench}'s options change single sizes of either.
 *
 * @param steps time steps of every run, of every bench
 */
public record BenchPlan(int steps, Solver solver, Campaign campaign, Gan gan, MonteCarlo monteCarlo,
                        Matformer matformer, Generators generators) {

    /**
     * The Java solver per mesh, optionally beside DOLFINx.
     *
     * @param table whether to time it at all
     * @param repeats timed runs per figure
     */
    public record Solver(boolean table, boolean dolfinx, List<MeshResolution> meshes, int repeats) {
        public Solver {
            meshes = List.copyOf(meshes);
        }
    }

    /**
     * Training-set generation per mesh, solver and worker count, and the Py4J overhead on the first mesh.
     *
     * @param table whether to time it at all
     * @param samples samples per campaign
     */
    public record Campaign(boolean table, List<MeshResolution> meshes, int samples, List<Integer> workers) {
        public Campaign {
            meshes = List.copyOf(meshes);
            workers = List.copyOf(workers);
        }
    }

    /** @param iterations timed iterations per thread count, after the warm-up */
    public record Gan(int iterations, List<Integer> threads) {
        public Gan {
            threads = List.copyOf(threads);
        }
    }

    /**
     * Monte Carlo campaigns per mesh and thread count; the summary's mesh is the first.
     *
     * @param table whether to time every mesh for the detailed table, not only the summary's
     * @param samples samples per timed campaign
     */
    public record MonteCarlo(boolean table, List<MeshResolution> meshes, int samples, List<Integer> threads) {
        public MonteCarlo {
            meshes = List.copyOf(meshes);
            threads = List.copyOf(threads);
        }
    }

    /**
     * MatFormer training and decoding.
     *
     * @param tables whether to print the detailed tables (the figures are measured anyway, for the summary)
     * @param model a trained MatFormer (file or training directory) to decode with, or null to train one on
     *     the demo corpus for {@code trainingSteps} steps
     * @param timedSteps training steps timed per model; 0 times none
     */
    public record Matformer(boolean tables, Path model, int trainingSteps, int timedSteps) {

        public Matformer {
            UserInputException.require(timedSteps >= 0, "matformerTimedSteps", timedSteps, "an integer >= 0");
        }
    }

    /**
     * Each generator kind's training time and cost per sample against a submodel run.
     *
     * @param table whether to measure them at all (training a mean map on 240 runs takes minutes)
     * @param runs full runs of the training set
     * @param samples samples generated per kind
     */
    public record Generators(boolean table, int runs, int samples) {
    }

    /** The default case's mesh. */
    private static final MeshResolution COARSE = new MeshResolution(80, 20);
    private static final MeshResolution MEDIUM = new MeshResolution(160, 40);
    private static final MeshResolution FINE = new MeshResolution(320, 80);

    public BenchPlan {
        UserInputException.require(steps >= 2, "steps", steps, "an integer >= 2");
        UserInputException.require(solver.repeats() >= 1, "repeats", solver.repeats(), "an integer >= 1");
        UserInputException.require(campaign.samples() >= 3, "campaignSamples", campaign.samples(), "an integer >= 3");
        UserInputException.require(gan.iterations() >= 1, "ganIterations", gan.iterations(), "an integer >= 1");
        UserInputException.require(monteCarlo.samples() >= 10, "mcSamples", monteCarlo.samples(), "an integer >= 10");
        UserInputException.require(generators.runs() >= 30, "generatorRuns", generators.runs(), "an integer >= 30");
        UserInputException.require(generators.samples() >= 100, "generatorSamples", generators.samples(),
                "an integer >= 100");
        UserInputException.require(matformer.trainingSteps() >= 1, "matformerSteps", matformer.trainingSteps(),
                "an integer >= 1");
        UserInputException.require(campaign.workers().stream().allMatch(count -> count >= 1), "workers",
                campaign.workers(), "counts >= 1");
        UserInputException.require(gan.threads().stream().allMatch(count -> count >= 1), "ganThreads", gan.threads(),
                "counts >= 1");
        UserInputException.require(monteCarlo.threads().stream().allMatch(count -> count >= 1), "mcThreads",
                monteCarlo.threads(), "counts >= 1");
    }

    /** The standard plan: every mesh of the tables in docs/performance.md, and samples enough for stable rates. */
    public static BenchPlan standard() {
        return new BenchPlan(200, new Solver(false, false, List.of(COARSE, MEDIUM, FINE), 5),
                new Campaign(false, List.of(COARSE, MEDIUM), 200, List.of(1, 2)), new Gan(200, List.of(1, 2)),
                new MonteCarlo(false, List.of(COARSE, MEDIUM), 400, List.of(1, 2)),
                new Matformer(false, null, 200, 20), new Generators(false, 300, 1000));
    }

    /** The smoke-run plan: the same benches on fewer meshes with fewer samples. */
    public static BenchPlan quick() {
        return new BenchPlan(200, new Solver(false, false, List.of(COARSE, MEDIUM), 3),
                new Campaign(false, List.of(COARSE), 20, List.of(1, 2)), new Gan(20, List.of(1, 2)),
                new MonteCarlo(false, List.of(COARSE), 50, List.of(1, 2)), new Matformer(false, null, 20, 3),
                new Generators(false, 60, 200));
    }

    /** How tables and figures name a mesh: {@code NXxNY}, as the options take it. */
    public static String meshName(MeshResolution mesh) {
        return mesh.nx() + "x" + mesh.ny();
    }
}
