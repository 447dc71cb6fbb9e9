package org.submodeluq.matformer.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.submodeluq.core.UserInputException;

/**
 * MatViT's retrieval claims on one index of runs and one set of queries: recall@k of each
 * granularity's neighbour lists against the largest's; of queries embedded at a small granularity
 * against an index embedded at the largest (the embeddings share one space); and of
 * {@link AdaptiveRetrieval} (the smallest's candidates re-ranked by the largest); and, for reference, of
 * a search without an encoder (Euclidean distance between standardised traces); each with its cost,
 * counted ({@link EncoderShape#flops}) and timed one query at a time (embedding it and searching).
 */
public final class RetrievalStudy {

    /**
     * One retrieval method's outcome.
     *
     * @param recall recall@k against the largest granularity alone
     * @param parameters parameters of the encoder that embeds a query (the largest for adaptive retrieval,
     *     whose smallest granularity is nested in it)
     * @param queryFlops floating-point operations per query: embedding it, plus 2 x embedding width per
     *     similarity computed (3 per value for a Euclidean distance between traces)
     * @param indexFlops floating-point operations of embedding the index (for adaptive retrieval, the whole
     *     index at the smallest granularity and the distinct candidates at the largest)
     * @param millisecondsMin fastest repetition's wall time per query: embedding it and searching
     * @param millisecondsMedian median repetition's
     */
    public record Method(String name, double recall, long parameters, long queryFlops, long indexFlops,
                         double millisecondsMin, double millisecondsMedian) {
    }

    private final TraceEncoder encoder;
    private final TraceSet index;
    private final int k;
    private final AdaptiveRetrieval adaptive;
    private final int repetitions;
    private final float[][][] indexEmbeddings;

    /**
     * Embeds the index at every granularity.
     *
     * @param candidates runs the coarse search of adaptive retrieval keeps
     * @param repetitions timed passes over the queries (after one untimed), each method's in turn
     */
    public RetrievalStudy(TraceEncoder encoder, TraceSet index, int k, int candidates, int repetitions) {
        UserInputException.require(k >= 1 && k <= index.size(), "k", k, "between 1 and the " + index.size()
                + " runs of the index");
        UserInputException.require(candidates >= k && candidates <= index.size(), "candidates", candidates,
                "between k = " + k + " and the " + index.size() + " runs of the index");
        UserInputException.require(repetitions >= 1, "repetitions", repetitions, "an integer >= 1");
        this.encoder = encoder;
        this.index = index;
        this.k = k;
        this.adaptive = new AdaptiveRetrieval(candidates);
        this.repetitions = repetitions;
        this.indexEmbeddings = new float[encoder.granularities()][][];
        for (int g = 0; g < encoder.granularities(); g++) {
            indexEmbeddings[g] = encoder.embed(index, g);
        }
    }

    /** The index's embeddings at {@code granularity}. */
    public float[][] indexEmbeddings(int granularity) {
        return indexEmbeddings[granularity];
    }

    /** A method before it is timed: its outcome but the times, and one query's search. */
    private record Untimed(String name, double recall, long parameters, long queryFlops, long indexFlops,
                           IntConsumer search) {
    }

    /**
     * Every method on {@code queries}: each granularity alone, each smaller query against the largest index,
     * adaptive, no encoder. The methods take turns within each timed pass, so that a slower spell of a shared
     * machine falls on all of them.
     */
    public List<Method> run(TraceSet queries) {
        encoder.requireShape(queries);
        int largest = encoder.granularities() - 1;
        int n = index.size();
        int width = encoder.shape().embedding();
        float[][][] queryEmbeddings = new float[encoder.granularities()][][];
        for (int g = 0; g <= largest; g++) {
            queryEmbeddings[g] = encoder.embed(queries, g);
        }
        int[][] reference = Neighbours.lists(indexEmbeddings[largest], queryEmbeddings[largest], k);
        List<Untimed> methods = new ArrayList<>();
        for (int g = 0; g <= largest; g++) {
            int granularity = g;
            methods.add(new Untimed("granularity " + g + " alone (d_ff " + encoder.granularityWidths()[g] + ")",
                    Neighbours.recall(Neighbours.lists(indexEmbeddings[g], queryEmbeddings[g], k), reference),
                    encoder.parameterCount(g), encoder.flops(g) + 2L * width * n, n * encoder.flops(g),
                    q -> Neighbours.nearest(indexEmbeddings[granularity], single(queries, q, granularity), k, null)));
        }
        for (int g = 0; g < largest; g++) {
            int granularity = g;
            methods.add(new Untimed("query at granularity " + g + ", index at " + largest,
                    Neighbours.recall(Neighbours.lists(indexEmbeddings[largest], queryEmbeddings[g], k), reference),
                    encoder.parameterCount(g), encoder.flops(g) + 2L * width * n, n * encoder.flops(largest),
                    q -> Neighbours.nearest(indexEmbeddings[largest], single(queries, q, granularity), k, null)));
        }
        int[][] found = new int[queries.size()][];
        Set<Integer> shortlisted = new HashSet<>();
        for (int q = 0; q < queries.size(); q++) {
            found[q] = adaptive.nearest(indexEmbeddings[0], queryEmbeddings[0][q], indexEmbeddings[largest],
                    queryEmbeddings[largest][q], k);
            Arrays.stream(Neighbours.nearest(indexEmbeddings[0], queryEmbeddings[0][q], adaptive.candidates(), null))
                    .forEach(shortlisted::add);
        }
        methods.add(new Untimed("adaptive: " + adaptive.candidates() + " candidates at granularity 0, re-ranked at "
                + largest, Neighbours.recall(found, reference), encoder.parameterCount(largest), encoder.flops(0)
                + encoder.flops(largest) + 2L * width * (n + adaptive.candidates()), n * encoder.flops(0)
                + shortlisted.size() * encoder.flops(largest),
                q -> adaptive.nearest(indexEmbeddings[0], single(queries, q, 0), indexEmbeddings[largest],
                        single(queries, q, largest), k)));
        float[][] standardisedIndex = standardised(index);
        float[][] standardisedQueries = standardised(queries);
        int[][] euclidean = new int[queries.size()][];
        for (int q = 0; q < queries.size(); q++) {
            euclidean[q] = Neighbours.nearestInEuclid(standardisedIndex, standardisedQueries[q], k);
        }
        int values = encoder.shape().channels() * encoder.shape().steps();
        methods.add(new Untimed("no encoder: standardised traces, Euclidean", Neighbours.recall(euclidean, reference),
                0, 3L * values * n, 0, q -> Neighbours.nearestInEuclid(standardisedIndex,
                        standardised(queries.select(new int[] {q}))[0], k)));
        double[][] perQuery = new double[methods.size()][repetitions];
        for (int r = -1; r < repetitions; r++) {
            for (int m = 0; m < methods.size(); m++) {
                long start = System.nanoTime();
                for (int q = 0; q < queries.size(); q++) {
                    methods.get(m).search().accept(q);
                }
                if (r >= 0) {
                    perQuery[m][r] = (System.nanoTime() - start) / 1e6 / queries.size();
                }
            }
        }
        List<Method> timed = new ArrayList<>();
        for (int m = 0; m < methods.size(); m++) {
            Untimed method = methods.get(m);
            double[] quantiles = Memorisation.quantiles(perQuery[m]);
            timed.add(new Method(method.name(), method.recall(), method.parameters(), method.queryFlops(),
                    method.indexFlops(), quantiles[0], quantiles[2]));
        }
        return timed;
    }

    private float[][] standardised(TraceSet set) {
        float[][] rows = new float[set.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = encoder.scaling().tokens(set.runs()[i], encoder.shape().steps(), encoder.shape().patch());
        }
        return rows;
    }

    private float[] single(TraceSet queries, int q, int granularity) {
        return encoder.embed(queries.select(new int[] {q}), granularity)[0];
    }
}
