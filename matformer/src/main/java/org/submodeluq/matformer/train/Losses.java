package org.submodeluq.matformer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.submodeluq.matformer.data.Batch;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.TransformerLm;

/** Cross-entropy in nats per byte, and how close one model's predictions are to another's. */
public final class Losses {

    private Losses() {
    }

    /** Mean next-byte cross-entropy of logits (B, T, 256) against targets (B, T). */
    public static NDArray crossEntropy(NDArray logits, NDArray targets) {
        NDArray logProbabilities = logits.logSoftmax(-1);
        return logProbabilities.mul(targets.oneHot(LmShape.VOCABULARY)).sum(new int[] {-1}).mean().neg();
    }

    /** The model's mean cross-entropy over {@code batches}, each layer using {@code hidden} neurons. */
    public static double heldOut(TransformerLm lm, int[] hidden, List<Batch> batches) {
        double total = 0;
        for (Batch batch : batches) {
            try (NDScope scope = new NDScope()) {
                NDManager manager = lm.manager();
                total += crossEntropy(lm.forward(tokens(manager, batch.inputs()), hidden, null),
                        tokens(manager, batch.targets())).getFloat();
            }
        }
        return total / batches.size();
    }

    /**
     * A model on held-out batches beside a reference model, from one pass: its mean cross-entropy in each
     * window (so that two models' losses can be paired window by window, whose differences vary far less
     * than the losses), the share of positions where both predict the same most likely byte, and the
     * mean KL(reference || model) in nats.
     *
     * @param windowLosses nats per byte, one per window, in the batches' order
     */
    public record Comparison(double[] windowLosses, double agreement, double divergence) {

        public Comparison {
            windowLosses = windowLosses.clone();
        }

        @Override
        public double[] windowLosses() {
            return windowLosses.clone();
        }
    }

    /** {@code model}, each layer using {@code hidden} neurons, against {@code reference} on {@code batches}. */
    public static Comparison compare(TransformerLm model, int[] hidden, TransformerLm reference, int[] referenceHidden,
                                     List<Batch> batches) {
        double[] windowLosses = new double[batches.stream().mapToInt(b -> b.inputs().length).sum()];
        int window = 0;
        double agreement = 0;
        double divergence = 0;
        long positions = 0;
        for (Batch batch : batches) {
            try (NDScope scope = new NDScope()) {
                NDArray inputs = tokens(model.manager(), batch.inputs());
                NDArray targets = tokens(model.manager(), batch.targets());
                NDArray p = reference.forward(inputs, referenceHidden, null).logSoftmax(-1);
                NDArray q = model.forward(inputs, hidden, null).logSoftmax(-1);
                float[] losses = q.mul(targets.oneHot(LmShape.VOCABULARY)).sum(new int[] {-1}).mean(new int[] {1})
                        .neg().toFloatArray();
                for (float loss : losses) {
                    windowLosses[window++] = loss;
                }
                agreement += p.argMax(-1).eq(q.argMax(-1)).sum().toType(DataType.FLOAT32, false).getFloat();
                divergence += p.exp().mul(p.sub(q)).sum().getFloat();
                positions += p.getShape().get(0) * p.getShape().get(1);
            }
        }
        return new Comparison(windowLosses, agreement / positions, divergence / positions);
    }

    /** (B, T) int64 tokens. */
    public static NDArray tokens(NDManager manager, long[][] rows) {
        long[] flat = new long[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return manager.create(flat, new Shape(rows.length, rows[0].length));
    }
}
