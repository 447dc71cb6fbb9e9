package org.submodeluq.montecarlo;

import java.util.Arrays;
import java.util.List;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.DivergedRunException;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.BoundaryConditionGenerator;

/**
 * Monte Carlo samples of the zone: generated boundary traces through the submodel to its quantities
 * of interest. Sample i depends only on the generator, the seed and i; for a WGAN-GP generator, whose
 * network runs on a batch at a time, also on which batch it is drawn with, down to the last bits of
 * the batched arithmetic (a campaign always draws the same batches).
 */
public final class SubmodelSampler {

    private final Submodel submodel;
    private final BoundaryConditionGenerator generator;
    private final int nodes;
    private final int steps;

    /** @throws UserInputException when the generator's traces do not have the zone's shape */
    public SubmodelSampler(Submodel submodel, BoundaryConditionGenerator generator) {
        this.submodel = submodel;
        this.generator = generator;
        this.nodes = submodel.mesh().cutNodeCount();
        this.steps = submodel.mesh().spec().time().steps();
        int[] expected = {nodes, 2, steps};
        if (!Arrays.equals(generator.featureShape(), expected)) {
            throw new UserInputException("the " + generator.kind().text() + " generator makes traces of shape "
                    + shape(generator.featureShape()) + " (nodes x components x steps) but the zone of case '"
                    + submodel.mesh().spec().name() + "' needs " + shape(expected)
                    + ": train the generator on a training set of this case");
        }
    }

    private static String shape(int[] shape) {
        return String.join(" x ", Arrays.stream(shape).mapToObj(String::valueOf).toList());
    }

    /** The case whose zone is sampled. */
    public CaseSpec spec() {
        return submodel.mesh().spec();
    }

    /**
     * The quantities of samples {@code first .. first + n - 1} of {@code seed} through the submodel, in
     * SIMD lanes where the JVM has them ({@link Submodel#runAll}).
     *
     * @return n rows in the order of {@link QuantitiesOfInterest#NAMES}
     */
    public double[][] run(long seed, long first, int n) {
        List<BoundaryTraces> traces = Arrays.stream(generator.sample(seed, first, n))
                .map(row -> new BoundaryTraces(nodes, steps, row)).toList();
        return submodel.runAll(traces, first).stream().map(QuantitiesOfInterest::toArray).toArray(double[][]::new);
    }

    /**
     * Sample {@code index} of {@code seed} through the submodel, its states shown to {@code observer}, drawn
     * as a campaign drew it: with its whole batch {@code first .. first + n - 1}, since a network's batched
     * arithmetic ties a sample's last bits to the batch it is drawn with.
     */
    public QuantitiesOfInterest replay(long seed, long first, int n, long index, StepObserver observer) {
        double[] row = generator.sample(seed, first, n)[Math.toIntExact(index - first)];
        try {
            return submodel.run(new BoundaryTraces(nodes, steps, row), observer);
        } catch (DivergedRunException e) {
            throw e.inSample(index);
        }
    }
}
