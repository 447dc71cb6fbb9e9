package org.submodeluq.montecarlo.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.conditional.ConditionalGenerator;
import org.submodeluq.surrogate.conditional.CrossFitted;

/**
 * The per-input rows of a comparison: each conditional generator at the inputs of the reference's test
 * runs (one draw per run, from its keyed stream), and the cross-fitted predictions a mean map keeps of the
 * runs it was fitted on (its map alone, without a residual). Unconditional generators have no per-input fidelity and are skipped.
 */
public final class PerInputComparison {

    private PerInputComparison() {
    }

    /**
     * @param generators generators by row name, in row order
     * @param crossFitted a mean map's cross-fitted predictions by row name
     * @param seed the seed of the generated draws
     */
    public static List<PerInputFidelity> run(Path reference, Map<String, BoundaryConditionGenerator> generators,
                                             Map<String, CrossFitted> crossFitted, long seed, int threads,
                                             Consumer<String> progress) {
        TrainingSetFile.Contents training = TrainingSetFile.read(reference);
        Submodel submodel = new Submodel(training.spec());
        List<FullRun> test = runs(training, training.splits().test());
        double[][] testInputs = test.stream().map(run -> run.theta().toArray()).toArray(double[][]::new);
        double[][] testQuantities = quantities(test);
        List<PerInputFidelity> rows = new ArrayList<>();
        for (Map.Entry<String, BoundaryConditionGenerator> entry : generators.entrySet()) {
            if (!(entry.getValue() instanceof ConditionalGenerator generator)) {
                continue;
            }
            progress.accept(entry.getKey() + " at the inputs of the " + test.size() + " test runs");
            rows.add(PerInputFidelity.of(entry.getKey() + ", test split", submodel,
                    generator.sample(seed, 0, test.size(), testInputs), testQuantities, threads));
            CrossFitted pairs = crossFitted.get(entry.getKey());
            if (pairs != null) {
                progress.accept(entry.getKey() + ": cross-fitted predictions of its " + pairs.runs().length
                        + " fitting runs");
                rows.add(PerInputFidelity.of(entry.getKey() + ": its mean map, cross-fitted (train split)", submodel,
                        pairs.predictions(), quantities(runs(training, pairs.runs())), threads));
            }
        }
        return rows;
    }

    private static List<FullRun> runs(TrainingSetFile.Contents training, long[] indices) {
        List<FullRun> runs = new ArrayList<>();
        for (long index : indices) {
            runs.add(training.runs().get(index));
        }
        return runs;
    }

    private static double[][] quantities(List<FullRun> runs) {
        return runs.stream().map(run -> run.quantities().toArray()).toArray(double[][]::new);
    }
}
