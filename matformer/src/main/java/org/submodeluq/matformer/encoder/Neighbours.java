package org.submodeluq.matformer.encoder;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.submodeluq.core.UserInputException;

/**
 * Exact nearest-neighbour search among unit embeddings by cosine similarity (their dot product), and
 * recall@k of one search's lists against another's. Ties go to the lower index, so lists are
 * reproducible.
 */
public final class Neighbours {

    private Neighbours() {
    }

    /**
     * The k runs of {@code index} most similar to {@code query}, most similar first.
     *
     * @param candidates the runs to consider, or null for all
     */
    public static int[] nearest(float[][] index, float[] query, int k, int[] candidates) {
        int[] pool = candidates != null ? candidates : IntStream.range(0, index.length).toArray();
        if (k < 1 || k > pool.length) {
            throw new UserInputException("k", "= " + k + " is not allowed: must be between 1 and the " + pool.length
                    + " runs searched");
        }
        double[] similarity = new double[index.length];
        for (int i : pool) {
            similarity[i] = dot(index[i], query);
        }
        return Arrays.stream(pool).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -similarity[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The k rows of {@code index} nearest {@code query} in Euclidean distance, nearest first: the search
     * without an encoder, on standardised traces ({@link ChannelScaling#tokens}).
     */
    public static int[] nearestInEuclid(float[][] index, float[] query, int k) {
        double[] squares = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            for (int j = 0; j < query.length; j++) {
                double difference = index[i][j] - query[j];
                squares[i] += difference * difference;
            }
        }
        return IntStream.range(0, index.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> squares[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** {@link #nearest} for each query against all of the index. */
    public static int[][] lists(float[][] index, float[][] queries, int k) {
        int[][] lists = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            lists[q] = nearest(index, queries[q], k, null);
        }
        return lists;
    }

    /**
     * Recall@k: the mean over queries of the share of the reference list that the found list holds
     * (both of length k).
     */
    public static double recall(int[][] found, int[][] reference) {
        if (found.length != reference.length || found.length == 0) {
            throw new IllegalArgumentException(found.length + " found lists against " + reference.length
                    + " reference lists");
        }
        double total = 0;
        for (int q = 0; q < found.length; q++) {
            int[] expected = reference[q];
            long common = Arrays.stream(found[q]).filter(i -> Arrays.stream(expected).anyMatch(j -> j == i)).count();
            total += (double) common / expected.length;
        }
        return total / found.length;
    }

    /** The Euclidean distance between two unit vectors, sqrt(2 - 2 cos): 0 for one direction, 2 for opposite ones. */
    public static double distance(float[] a, float[] b) {
        return Math.sqrt(Math.max(0, 2 - 2 * dot(a, b)));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
