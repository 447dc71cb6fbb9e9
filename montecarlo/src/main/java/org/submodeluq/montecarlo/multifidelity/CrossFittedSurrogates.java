package org.submodeluq.montecarlo.multifidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.montecarlo.compare.ExactReplay;
import org.submodeluq.surrogate.conditional.CrossFitEnsemble;
import org.submodeluq.surrogate.conditional.GivenInputs;
import org.submodeluq.surrogate.conditional.InputDraws;
import org.submodeluq.surrogate.emulator.CrossFittedEmulator;

/**
 * The two surrogates a multifidelity estimate pairs with the runs a mean map was fitted on, each from fits
 * that left the run out, and each with cheap samples from those same fold fits in the pairs' proportions
 * ({@link CrossFitEnsemble#reweighted}): anything else would leave a correction whose expectation is not
 * zero.
 *
 * <ul>
 *   <li>the submodel under the mean map's traces: paired at the cross-fitted predictions, cheap from a
 *       Monte Carlo campaign of the fold ensemble (sample i from fold map i mod K);</li>
 *   <li>an emulator of the quantities straight from the inputs, microseconds a sample, so its cheap set
 *       can be large; its fresh inputs come from a domain of their own, independent of the campaign's.</li>
 * </ul>
 */
public final class CrossFittedSurrogates {

    /** The emulator's fresh inputs' domain, a fixed arbitrary constant (the fraction of sqrt(7)). */
    static final long EMULATOR_DOMAIN = 0xA54FF53A5F1D36F1L;

    /** The generator label of a campaign of the fold ensemble (mc --cross-fit-folds). */
    public static final String CAMPAIGN = "mean-map (cross-fit folds)";

    /** Name of the submodel surrogate's rows. */
    public static final String SUBMODEL = "submodel under the mean map";
    /** Name of the emulator's rows. */
    public static final String EMULATOR = "emulator";

    private CrossFittedSurrogates() {
    }

    /**
     * The submodel under the mean map.
     *
     * @param ensemble the fold maps and the pairs' fold sizes
     * @param crossFitted the cross-fitted traces of the pairs, one row per run in the pairs' order
     * @param campaign the quantities of a campaign of {@code ensemble}, sample i in row i
     */
    public static MultifidelityReport.Surrogate submodel(Submodel submodel, CrossFitEnsemble ensemble,
                                                         double[][] crossFitted, double[][] campaign, int threads) {
        int nodes = submodel.mesh().cutNodeCount();
        int steps = submodel.mesh().spec().time().steps();
        List<BoundaryTraces> traces = new ArrayList<>();
        for (double[] row : crossFitted) {
            traces.add(new BoundaryTraces(nodes, steps, row));
        }
        double[][] paired = ExactReplay.quantities(submodel, traces, threads);
        return new MultifidelityReport.Surrogate(SUBMODEL, paired, reweighted(campaign, ensemble.foldSizes()));
    }

    /**
     * The emulator, cross-fitted on the pairs' inputs and full-run quantities, with {@code samples} cheap
     * values at fresh inputs of {@code spec}.
     */
    public static MultifidelityReport.Surrogate emulator(CaseSpec spec, double[][] inputs, double[][] quantities,
                                                         int folds, long seed, int samples) {
        return emulator(inputs, quantities, folds, seed,
                new InputDraws(spec, seed, GivenInputs.NONE, EMULATOR_DOMAIN).rows(0, samples));
    }

    /**
     * The emulator with cheap samples at {@code fresh} inputs, which must follow the law the estimate is
     * for, independently of the pairs: the case's distributions, or a finite population's inputs drawn with
     * replacement when the estimate is of that population's mean.
     */
    public static MultifidelityReport.Surrogate emulator(double[][] inputs, double[][] quantities, int folds,
                                                         long seed, double[][] fresh) {
        CrossFittedEmulator emulator = CrossFittedEmulator.fit(inputs, quantities, folds, seed);
        return new MultifidelityReport.Surrogate(EMULATOR, emulator.predictions(),
                reweighted(emulator.predictFresh(fresh, 0), emulator.foldSizes()));
    }

    /** Each quantity's cheap values (sample i in row i) weighted to the pairs' fold proportions. */
    private static double[][] reweighted(double[][] cheap, int[] foldSizes) {
        long[] samples = LongStream.range(0, cheap.length).toArray();
        int quantities = cheap[0].length;
        double[][] weighted = new double[cheap.length][quantities];
        for (int q = 0; q < quantities; q++) {
            int column = q;
            double[] values = CrossFitEnsemble.reweighted(Arrays.stream(cheap).mapToDouble(r -> r[column])
                    .toArray(), samples, foldSizes);
            for (int i = 0; i < cheap.length; i++) {
                weighted[i][q] = values[i];
            }
        }
        return weighted;
    }
}
