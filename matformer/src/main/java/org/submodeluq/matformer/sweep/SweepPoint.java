package org.submodeluq.matformer.sweep;

/**
 * One model on the loss-versus-size plane.
 *
 * @param kind {@code uniform} (a trained granularity), {@code mix} (a Mix'n'Match model, never trained
 *     as such) or {@code baseline} (a plain model trained on its own)
 * @param label the configuration ({@code 0,1,1,3}) or the baseline's width
 * @param parameters of the standalone model
 * @param windowLosses held-out cross-entropy of each window, nats per byte, the same windows for every point
 * @param agreement share of positions where its most likely next byte is the reference's
 * @param divergence mean KL(reference || model), nats; the reference is the largest MatFormer model
 *     for extracted ones and the largest baseline for baselines
 */
public record SweepPoint(String kind, String label, long parameters, double[] windowLosses, double agreement,
                         double divergence) {

    public SweepPoint {
        windowLosses = windowLosses.clone();
    }

    @Override
    public double[] windowLosses() {
        return windowLosses.clone();
    }

    /** Held-out loss, the mean over windows, with its standard error. */
    public Estimate loss() {
        return Estimate.of(windowLosses);
    }

    /** This point's loss minus {@code other}'s, window by window: the paired difference and its error. */
    public Estimate minus(SweepPoint other) {
        return Estimate.of(difference(windowLosses, other.windowLosses));
    }

    static double[] difference(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("points evaluated on " + a.length + " and " + b.length + " windows");
        }
        double[] difference = new double[a.length];
        for (int w = 0; w < a.length; w++) {
            difference[w] = a[w] - b[w];
        }
        return difference;
    }
}
