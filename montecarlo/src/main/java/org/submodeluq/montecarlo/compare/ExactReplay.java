package org.submodeluq.montecarlo.compare;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;

/**
 * The floor of every comparison: the reference runs' own traces through the submodel. It must give
 * back each run's quantities up to round-off; whatever a generator adds on top is the generator's.
 *
 * @param quantities one row per run, in the order given
 * @param maxRelativeError per quantity, the largest |submodel - full run| / |full run| over the runs
 */
public record ExactReplay(double[][] quantities, double[] maxRelativeError) {

    /** Replays the runs on {@code threads} threads. */
    public static ExactReplay of(Submodel submodel, List<FullRun> runs, int threads) {
        double[][] quantities = quantities(submodel, runs.stream().map(FullRun::traces).toList(), threads);
        double[] worst = new double[QuantitiesOfInterest.NAMES.size()];
        for (int i = 0; i < runs.size(); i++) {
            double[] expected = runs.get(i).quantities().toArray();
            for (int q = 0; q < worst.length; q++) {
                worst[q] = Math.max(worst[q], Math.abs(quantities[i][q] - expected[q]) / Math.abs(expected[q]));
            }
        }
        return new ExactReplay(quantities, worst);
    }

    /** The submodel's quantities under each of {@code traces}, on {@code threads} threads, in order. */
    public static double[][] quantities(Submodel submodel, List<BoundaryTraces> traces, int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> IntStream.range(0, traces.size()).parallel()
                    .mapToObj(i -> submodel.run(traces.get(i)).toArray()).toArray(double[][]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
