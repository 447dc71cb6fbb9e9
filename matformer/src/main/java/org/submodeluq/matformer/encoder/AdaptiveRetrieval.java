package org.submodeluq.matformer.encoder;

/**
 * Coarse-to-fine retrieval (MatViT, Kudugunta et al. 2023, arXiv:2310.07707, adaptive retrieval): the
 * {@code candidates} nearest runs under a small granularity's embeddings, re-ranked by a large one's;
 * the large granularity embeds the query and only the candidates, never the whole index.
 *
 * @param candidates runs kept by the coarse search
 */
public record AdaptiveRetrieval(int candidates) {

    /**
     * The k nearest runs, most similar first.
     *
     * @param coarseIndex the index's embeddings at the small granularity
     * @param coarseQuery the query's embedding at the small granularity
     * @param fineIndex the index's embeddings at the large granularity; only the candidates' rows are read
     * @param fineQuery the query's embedding at the large granularity
     */
    public int[] nearest(float[][] coarseIndex, float[] coarseQuery, float[][] fineIndex, float[] fineQuery, int k) {
        int[] shortlist = Neighbours.nearest(coarseIndex, coarseQuery, Math.min(candidates, coarseIndex.length), null);
        return Neighbours.nearest(fineIndex, fineQuery, k, shortlist);
    }
}
