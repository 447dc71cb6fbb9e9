package org.submodeluq.matformer.sweep;

/**
 * One model on the loss-versus-size plane.
 *
 * @param kind {@code uniform} (a trained granularity), {@code mix} (a Mix'n'Match model, never trained
 *     as such) or {@code baseline} (a plain model trained on its own)
 * @param label the configuration ({@code 0,1,1,3}) or the baseline's width
 * @param parameters of the standalone model
 * @param loss held-out cross-entropy, nats per byte
 * @param agreement share of positions where its most likely next byte is the reference's
 * @param divergence mean KL(reference || model), nats; the reference is the largest MatFormer model
 *     for extracted ones and the largest baseline for baselines
 */
public record SweepPoint(String kind, String label, long parameters, double loss, double agreement,
                         double divergence) {
}
