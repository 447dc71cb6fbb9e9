package org.submodeluq.cases.report;

import java.util.List;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.montecarlo.estimate.Quantiles;

/**
 * One displacement component at one boundary node across many traces, summarised per time step by its
 * median and its 5 % and 95 % quantiles (type 7, as everywhere in submodel-uq): what a fan chart draws.
 */
record TraceBand(double[] lower, double[] median, double[] upper) {

    /** The probabilities of the band's edges and middle. */
    static final double[] PROBABILITIES = {0.05, 0.5, 0.95};

    static TraceBand of(List<BoundaryTraces> traces, int node, int component, int steps) {
        double[] lower = new double[steps];
        double[] median = new double[steps];
        double[] upper = new double[steps];
        double[] atStep = new double[traces.size()];
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < atStep.length; i++) {
                atStep[i] = traces.get(i).value(node, component, step);
            }
            double[] q = Quantiles.exact(atStep, PROBABILITIES);
            lower[step] = q[0];
            median[step] = q[1];
            upper[step] = q[2];
        }
        return new TraceBand(lower, median, upper);
    }

    /** The widest the band gets over time. */
    double widest() {
        double widest = 0;
        for (int step = 0; step < lower.length; step++) {
            widest = Math.max(widest, upper[step] - lower[step]);
        }
        return widest;
    }
}
