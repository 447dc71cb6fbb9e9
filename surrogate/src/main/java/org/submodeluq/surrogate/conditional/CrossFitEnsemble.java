package org.submodeluq.surrogate.conditional;

import java.util.List;
import java.util.stream.IntStream;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.GeneratorKind;

/**
 * The surrogate a mean map's cross-fitted pairs came from, as a sampler of fresh inputs: sample i (its
 * index in the seed's sequence) is the prediction of fold map i mod K, deterministic.
 *
 * <p>A multifidelity estimate mu = ybar + a (gbar - fbar) pairs each full run with f, the prediction of the
 * fold map that left it out, and corrects with cheap samples g at fresh inputs. It is unbiased only if
 * E[gbar] = E[fbar], so g must come from the same fold maps, in the pairs' proportions n_k / n: the final
 * map, fitted on all runs, has another mean (on the default case its per-input bias differs from the
 * cross-fitted one by 0.1-0.7 % of the mean, as much as the estimator's standard error). Sample i mod K
 * spreads M cheap samples evenly, M_k = M / K, while the folds' sizes differ by one; {@link #reweighted}
 * restores the pairs' proportions for any set of sample indices.
 */
public final class CrossFitEnsemble implements ConditionalGenerator {

    private final List<MeanMapGenerator> maps;
    private final int[] foldSizes;

    private CrossFitEnsemble(List<MeanMapGenerator> maps, int[] foldSizes) {
        this.maps = List.copyOf(maps);
        this.foldSizes = foldSizes;
    }

    /**
     * The fold maps of {@code crossFitted}, in the load structure and on the inputs of {@code generator},
     * the final map they were fitted with.
     *
     * @throws IllegalArgumentException when the pairs keep no fold maps (a generator saved before they were kept)
     */
    public static CrossFitEnsemble of(MeanMapGenerator generator, CrossFitted crossFitted) {
        if (crossFitted.maps().isEmpty()) {
            throw new IllegalArgumentException("the cross-fitted pairs keep no fold maps");
        }
        return new CrossFitEnsemble(crossFitted.maps().stream().map(map -> new MeanMapGenerator(
                generator.conditioning(), generator.trainedCase(), generator.structure(), map, null,
                generator.featureShape())).toList(), crossFitted.foldSizes());
    }

    /** Mean map: each sample is one fold map's prediction, with no residual. */
    @Override
    public GeneratorKind kind() {
        return GeneratorKind.MEAN_MAP;
    }

    @Override
    public int[] featureShape() {
        return maps.get(0).featureShape();
    }

    @Override
    public Conditioning conditioning() {
        return maps.get(0).conditioning();
    }

    @Override
    public CaseSpec trainedCase() {
        return maps.get(0).trainedCase();
    }

    /** Samples {@code first .. first + n - 1}: sample i is fold map {@link #foldOf}(i)'s prediction, seed unread. */
    @Override
    public double[][] sample(long seed, long first, int n, double[][] inputs) {
        double[][] traces = new double[n][];
        for (int k = 0; k < maps.size(); k++) {
            int fold = k;
            int[] rows = IntStream.range(0, n).filter(i -> foldOf(first + i) == fold).toArray();
            if (rows.length > 0) {
                double[][] predicted = maps.get(k).predict(MeanMapTraining.rows(inputs, rows));
                for (int r = 0; r < rows.length; r++) {
                    traces[rows[r]] = predicted[r];
                }
            }
        }
        return traces;
    }

    /** The fold whose map draws sample {@code sample}: sample mod K. */
    public int foldOf(long sample) {
        return foldOf(sample, maps.size());
    }

    /** Fold k's map, without residual: the generator of the pairs that fold held out. */
    public MeanMapGenerator foldMap(int k) {
        return maps.get(k);
    }

    /** K. */
    public int folds() {
        return maps.size();
    }

    /** n_k: the pairs fold k held out, at k. */
    public int[] foldSizes() {
        return foldSizes.clone();
    }

    /**
     * Cheap values weighted so their plain mean is the pairs' mix of the folds: g'_j = g_j (n_k / n) /
     * (M_k / M) for value j of fold k, so mean(g') = sum_k (n_k / n) mean_k(g), whose expectation is
     * E[fbar].
     *
     * @param values g_j, one per cheap sample
     * @param samples each value's sample index, which fixes its fold (index mod K)
     * @param foldSizes n_k, the pairs per fold ({@link #foldSizes()}); K is its length
     * @throws IllegalArgumentException when a fold with pairs has no cheap value
     */
    public static double[] reweighted(double[] values, long[] samples, int[] foldSizes) {
        if (values.length != samples.length) {
            throw new IllegalArgumentException(values.length + " values for " + samples.length + " sample indices");
        }
        int[] drawn = new int[foldSizes.length];
        for (long sample : samples) {
            drawn[foldOf(sample, foldSizes.length)]++;
        }
        long pairs = 0;
        for (int k = 0; k < foldSizes.length; k++) {
            if (foldSizes[k] > 0 && drawn[k] == 0) {
                throw new IllegalArgumentException("fold " + k + " has " + foldSizes[k]
                        + " of the pairs but none of the cheap samples");
            }
            pairs += foldSizes[k];
        }
        double[] weights = new double[foldSizes.length];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = drawn[k] == 0 ? 0 : ((double) foldSizes[k] / pairs) / ((double) drawn[k] / samples.length);
        }
        double[] weighted = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            weighted[j] = values[j] * weights[foldOf(samples[j], foldSizes.length)];
        }
        return weighted;
    }

    private static int foldOf(long sample, int folds) {
        return (int) Math.floorMod(sample, (long) folds);
    }
}
