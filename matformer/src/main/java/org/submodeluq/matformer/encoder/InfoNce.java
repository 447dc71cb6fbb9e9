package org.submodeluq.matformer.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.submodeluq.matformer.model.NestedBlocks;

/**
 * The symmetric InfoNCE loss of CLIP and SimCLR (Oord et al. 2018, arXiv:1807.03748; Radford et al.
 * 2021): with unit embeddings u_i, v_i of two views of run i in a batch of B and similarities
 * s_ij = u_i . v_j / tau, the mean over i of {@code -log softmax_j(s_ij)[i]} and of
 * {@code -log softmax_i(s_ij)[j = i]}, halved: each view must pick its own run's other view out of the
 * batch. Needs no labels.
 */
public final class InfoNce {

    /** The temperature tau of {@code matformer encode-train}: SimCLR's 0.1 for unit vectors. */
    public static final double DEFAULT_TEMPERATURE = 0.1;

    private InfoNce() {
    }

    /**
     * @param u (B, e) unit embeddings of the first views
     * @param v (B, e) unit embeddings of the second views, row i the same run as u's row i
     * @return the scalar loss, in nats
     */
    public static NDArray loss(NDArray u, NDArray v, double temperature) {
        NDManager manager = u.getManager();
        long batch = u.getShape().get(0);
        NDArray inverseTemperature = NestedBlocks.owned(manager.create((float) (1 / temperature)));
        NDArray diagonal = NestedBlocks.owned(manager.eye((int) batch));
        NDArray scale = NestedBlocks.owned(manager.create((float) (-0.5 / batch)));
        NDArray similarities = u.matMul(v.transpose()).mul(inverseTemperature);      // (B, B)
        NDArray rows = similarities.logSoftmax(1).mul(diagonal).sum();
        NDArray columns = similarities.logSoftmax(0).mul(diagonal).sum();
        return rows.add(columns).mul(scale);
    }
}
