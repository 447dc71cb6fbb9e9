package org.submodeluq.fem.model;

import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.core.UserInputException;

/**
 * Displacement time series on the zone's cut-boundary nodes: value (node, component, step) with
 * nodes in the order of {@link org.submodeluq.fem.mesh.ZonedMesh#cutNodesInZone()}, component 0 = x,
 * 1 = y, and step s at time t_{s+1} (the structure is at rest at t_0). Stored flat, row-major.
 */
public final class BoundaryTraces {

    private final int nodes;
    private final int steps;
    private final double[] values;

    /**
     * @param nodes number of cut-boundary nodes
     * @param steps number of time steps
     * @param values row-major (node, component, step) values; not copied
     */
    public BoundaryTraces(int nodes, int steps, double[] values) {
        if (values.length != nodes * 2L * steps) {
            throw new IllegalArgumentException(values.length + " values for " + nodes + " x 2 x " + steps + " traces");
        }
        this.nodes = nodes;
        this.steps = steps;
        this.values = values;
    }

    /** Copies a nested [node][component][step] array, checking it against the shape a zone needs. */
    public static BoundaryTraces of(double[][][] traces, int expectedNodes, int expectedSteps) {
        String shape = traces.length + " x " + (traces.length == 0 ? 0 : traces[0].length) + " x "
                + (traces.length == 0 || traces[0].length == 0 ? 0 : traces[0][0].length);
        double[] flat = new double[expectedNodes * 2 * expectedSteps];
        boolean fits = traces.length == expectedNodes;
        for (int n = 0; fits && n < expectedNodes; n++) {
            fits = traces[n].length == 2;
            for (int c = 0; fits && c < 2; c++) {
                fits = traces[n][c].length == expectedSteps;
                if (fits) {
                    System.arraycopy(traces[n][c], 0, flat, (2 * n + c) * expectedSteps, expectedSteps);
                }
            }
        }
        if (!fits) {
            throw wrongShape(shape, expectedNodes, expectedSteps);
        }
        return new BoundaryTraces(expectedNodes, expectedSteps, flat);
    }

    /** Displacement component {@code component} of node {@code node} at time t_{step+1}. */
    public double value(int node, int component, int step) {
        return values[(2 * node + component) * steps + step];
    }

    /** A nested [node][component][step] copy, the layout of the HDF5 files. */
    public double[][][] toArray() {
        double[][][] nested = new double[nodes][2][steps];
        for (int n = 0; n < nodes; n++) {
            for (int c = 0; c < 2; c++) {
                System.arraycopy(values, (2 * n + c) * steps, nested[n][c], 0, steps);
            }
        }
        return nested;
    }

    /** Requires the shape a zone with {@code expectedNodes} cut nodes and {@code expectedSteps} steps needs. */
    public void requireShape(int expectedNodes, int expectedSteps) {
        if (nodes != expectedNodes || steps != expectedSteps) {
            throw wrongShape(nodes + " x 2 x " + steps, expectedNodes, expectedSteps);
        }
    }

    private static UserInputException wrongShape(String shape, int expectedNodes, int expectedSteps) {
        return new UserInputException("traces", "have shape " + shape + " (nodes x components x steps) but the zone needs "
                + expectedNodes + " x 2 x " + expectedSteps);
    }

    /** Records the displacement of the given degrees of freedom pairs (2 node, 2 node + 1) at every step. */
    static final class Recorder implements StepObserver {
        private final int[] nodeIndices;
        private final int steps;
        private final double[] values;

        Recorder(int[] nodeIndices, int steps) {
            this.nodeIndices = nodeIndices.clone();
            this.steps = steps;
            this.values = new double[nodeIndices.length * 2 * steps];
        }

        @Override
        public void onStep(int step, double time, double[] u, double[] v, double[] a) {
            for (int n = 0; n < nodeIndices.length; n++) {
                values[(2 * n) * steps + step - 1] = u[2 * nodeIndices[n]];
                values[(2 * n + 1) * steps + step - 1] = u[2 * nodeIndices[n] + 1];
            }
        }

        BoundaryTraces traces() {
            return new BoundaryTraces(nodeIndices.length, steps, values.clone());
        }
    }
}
