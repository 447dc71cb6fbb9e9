package org.submodeluq.fem.training;

import java.util.Arrays;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Theta;

/**
 * A full run as one flat record: theta, the traces (node, component, step), the quantities of interest.
 * The checkpoint stores runs so, and a cluster's executors send them so.
 */
public final class FullRunRecord {

    private final int modes;
    private final int nodes;
    private final int steps;

    /** The record layout of the runs of a case. */
    public FullRunRecord(ZonedMesh zoned) {
        this.modes = zoned.spec().modulusField().modes();
        this.nodes = zoned.cutNodeCount();
        this.steps = zoned.spec().time().steps();
    }

    /** Values in a record. */
    int length() {
        return 3 + modes + nodes * 2 * steps + QuantitiesOfInterest.NAMES.size();
    }

    /** The run as a record. */
    public double[] encode(FullRun run) {
        double[] values = new double[length()];
        double[] theta = run.theta().toArray();
        System.arraycopy(theta, 0, values, 0, theta.length);
        int at = theta.length;
        for (int n = 0; n < nodes; n++) {
            for (int c = 0; c < 2; c++) {
                for (int s = 0; s < steps; s++) {
                    values[at++] = run.traces().value(n, c, s);
                }
            }
        }
        double[] quantities = run.quantities().toArray();
        System.arraycopy(quantities, 0, values, at, quantities.length);
        return values;
    }

    /** The run a record holds. */
    FullRun decode(double[] values) {
        int tracesAt = 3 + modes;
        int quantitiesAt = tracesAt + nodes * 2 * steps;
        double[] theta = Arrays.copyOfRange(values, 0, tracesAt);
        double[] traces = Arrays.copyOfRange(values, tracesAt, quantitiesAt);
        double[] q = Arrays.copyOfRange(values, quantitiesAt, values.length);
        return new FullRun(Theta.fromArray(theta), new BoundaryTraces(nodes, steps, traces),
                new QuantitiesOfInterest(q[0], q[1], q[2]));
    }
}
