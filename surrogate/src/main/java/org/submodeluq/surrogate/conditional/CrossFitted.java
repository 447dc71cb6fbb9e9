package org.submodeluq.surrogate.conditional;

import java.util.List;

/**
 * For each run a generator was fitted on, the mean map's prediction from a fit that did not see it (K
 * folds): the pairs an unbiased multifidelity estimate needs. A surrogate paired with the run it was
 * fitted on interpolates it, and the correction it should measure vanishes. The fold maps themselves are
 * kept too: the estimate's cheap samples must come from them, not from the final map ({@link CrossFitEnsemble}).
 *
 * @param runs the runs' indices in the training set
 * @param folds which fold held each run out
 * @param predictions each run's predicted traces, flattened like the training set's
 * @param maps fold k's map at k, fitted on the other folds, in the load structure of the generator it was
 *     fitted with; empty for a generator saved before they were kept
 */
public record CrossFitted(long[] runs, int[] folds, double[][] predictions, List<MeanMap> maps) {

    /** @throws IllegalArgumentException when there are fold maps but not one per fold */
    public CrossFitted {
        maps = List.copyOf(maps);
        if (!maps.isEmpty() && maps.size() != foldCount(folds)) {
            throw new IllegalArgumentException(maps.size() + " fold maps for " + foldCount(folds) + " folds");
        }
    }

    /** The pairs each fold holds: n_k, fold k's runs, at k. */
    public int[] foldSizes() {
        int[] sizes = new int[foldCount(folds)];
        for (int fold : folds) {
            sizes[fold]++;
        }
        return sizes;
    }

    private static int foldCount(int[] folds) {
        int count = 0;
        for (int fold : folds) {
            count = Math.max(count, fold + 1);
        }
        return count;
    }
}
