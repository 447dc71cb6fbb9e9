package org.submodeluq.surrogate.conditional;

/**
 * For each run a generator was fitted on, the mean map's prediction from a fit that did not see it (K
 * folds): the pairs an unbiased multifidelity estimate needs. A surrogate paired with the run it was
 * fitted on interpolates it, and the correction it should measure vanishes.
 *
 * @param runs the runs' indices in the training set
 * @param folds which fold held each run out
 * @param predictions each run's predicted traces, flattened like the training set's
 */
public record CrossFitted(long[] runs, int[] folds, double[][] predictions) {
}
