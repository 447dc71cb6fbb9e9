package org.submodeluq.matformer.sweep;

import java.util.Comparator;
import java.util.List;

/**
 * Held-out loss against parameter count through the trained (uniform) granularities, linear between
 * neighbours, held window by window: the curve that Mix'n'Match models should lie on or below (the
 * MatFormer paper's Figure 3). A model's excess over it is paired per window, so the noise of which
 * windows are hard cancels.
 */
public final class UniformCurve {

    private final List<SweepPoint> uniform;

    /** @param points any points; the uniform ones, at least two, make the curve */
    public UniformCurve(List<SweepPoint> points) {
        this.uniform = points.stream().filter(p -> p.kind().equals("uniform"))
                .sorted(Comparator.comparingLong(SweepPoint::parameters)).toList();
        if (uniform.size() < 2) {
            throw new IllegalArgumentException("a curve needs at least two uniform granularities, got " + uniform.size());
        }
    }

    /** Whether the curve spans {@code parameters}. */
    public boolean covers(long parameters) {
        return parameters >= uniform.get(0).parameters() && parameters <= uniform.get(uniform.size() - 1).parameters();
    }

    /**
     * The point's loss minus the curve's at its parameter count, window by window.
     *
     * @throws IllegalArgumentException when the curve does not span its size
     */
    public Estimate excess(SweepPoint point) {
        if (!covers(point.parameters())) {
            throw new IllegalArgumentException(point.label() + " has " + point.parameters() + " parameters, outside the "
                    + "curve's " + uniform.get(0).parameters() + " to " + uniform.get(uniform.size() - 1).parameters());
        }
        int i = 0;
        while (i + 2 < uniform.size() && point.parameters() > uniform.get(i + 1).parameters()) {
            i++;
        }
        SweepPoint small = uniform.get(i);
        SweepPoint large = uniform.get(i + 1);
        double t = (double) (point.parameters() - small.parameters()) / (large.parameters() - small.parameters());
        double[] below = small.windowLosses();
        double[] above = large.windowLosses();
        double[] curve = new double[below.length];
        for (int w = 0; w < curve.length; w++) {
            curve[w] = (1 - t) * below[w] + t * above[w];
        }
        return Estimate.of(SweepPoint.difference(point.windowLosses(), curve));
    }
}
