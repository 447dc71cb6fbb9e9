package org.submodeluq.surrogate.regression;

import java.util.Arrays;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.submodeluq.core.random.KeyedStreams;

/**
 * A partition of the points 0..n-1 into folds, for cross-validation and cross-fitting: fold i holds its
 * points out and fits on all the others. Both lists are sorted.
 */
public final class Folds {

    /** Mixed into the seed, so that folds never share draws with other uses of it: the fraction of sqrt(3). */
    private static final long FOLDS_KEY = 0xBB67AE8584CAA73BL;

    private final int size;
    private final int[][] heldOut;

    /**
     * @param size n
     * @param heldOut each fold's held-out points; together they must hold every point of 0..n-1 once
     */
    public Folds(int size, int[][] heldOut) {
        if (heldOut.length < 2) {
            throw new IllegalArgumentException(heldOut.length + " folds are too few: need at least 2");
        }
        int[] owner = new int[size];
        Arrays.fill(owner, -1);
        this.heldOut = new int[heldOut.length][];
        for (int fold = 0; fold < heldOut.length; fold++) {
            this.heldOut[fold] = heldOut[fold].clone();
            Arrays.sort(this.heldOut[fold]);
            if (this.heldOut[fold].length == 0) {
                throw new IllegalArgumentException("fold " + fold + " holds out no point");
            }
            for (int point : this.heldOut[fold]) {
                if (point < 0 || point >= size || owner[point] >= 0) {
                    throw new IllegalArgumentException("fold " + fold + " holds out point " + point + ", which is "
                            + (point < 0 || point >= size ? "not in 0.." + (size - 1) : "in fold " + owner[point]));
                }
                owner[point] = fold;
            }
        }
        for (int point = 0; point < size; point++) {
            if (owner[point] < 0) {
                throw new IllegalArgumentException("no fold holds out point " + point + " of 0.." + (size - 1));
            }
        }
        this.size = size;
    }

    /**
     * {@code count} folds of a seeded shuffle of 0..n-1, sized as NumPy's array_split (the first n mod
     * count folds have one point more), as the prototype's kfolds; the shuffle depends on the seed only.
     */
    public static Folds of(int size, int count, long seed) {
        if (count < 2 || size < count) {
            throw new IllegalArgumentException(count + " folds of " + size
                    + " points are not allowed: need at least 2 folds and a point per fold");
        }
        int[] order = PermutationSampler.natural(size);
        PermutationSampler.shuffle(KeyedStreams.stream(seed ^ FOLDS_KEY, 0), order);
        int[][] heldOut = new int[count][];
        int start = 0;
        for (int fold = 0; fold < count; fold++) {
            int end = start + size / count + (fold < size % count ? 1 : 0);
            heldOut[fold] = Arrays.copyOfRange(order, start, end);
            start = end;
        }
        return new Folds(size, heldOut);
    }

    /** Folds. */
    public int count() {
        return heldOut.length;
    }

    /** Points partitioned, n. */
    public int size() {
        return size;
    }

    /** The points fold {@code fold} holds out, sorted. */
    public int[] heldOut(int fold) {
        return heldOut[fold].clone();
    }

    /** The points fold {@code fold} fits on, sorted: all but its held-out ones. */
    public int[] fitting(int fold) {
        int[] fitting = new int[size - heldOut[fold].length];
        int next = 0;
        int skip = 0;
        for (int point = 0; point < size; point++) {
            if (skip < heldOut[fold].length && heldOut[fold][skip] == point) {
                skip++;
            } else {
                fitting[next++] = point;
            }
        }
        return fitting;
    }
}
