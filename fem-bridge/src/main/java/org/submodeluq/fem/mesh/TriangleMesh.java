package org.submodeluq.fem.mesh;

import java.util.Arrays;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A 2D mesh of straight P1 triangles: node coordinates and, per cell, three node indices in
 * counter-clockwise order.
 */
public final class TriangleMesh {

    private final double[] x;
    private final double[] y;
    private final int[] cells;

    /**
     * @param x node abscissae
     * @param y node ordinates
     * @param cells three node indices per cell, counter-clockwise
     */
    public TriangleMesh(double[] x, double[] y, int[] cells) {
        if (x.length != y.length || cells.length % 3 != 0) {
            throw new IllegalArgumentException("mesh arrays disagree: " + x.length + " x, " + y.length + " y, "
                    + cells.length + " cell entries (a multiple of 3 is needed)");
        }
        this.x = x.clone();
        this.y = y.clone();
        this.cells = cells.clone();
        for (int c = 0; c < cellCount(); c++) {
            if (!(signedDoubleArea(c) > 0)) {
                throw new IllegalArgumentException("cell " + c + " is degenerate or clockwise");
            }
        }
    }

    public int nodeCount() {
        return x.length;
    }

    public int cellCount() {
        return cells.length / 3;
    }

    public double x(int node) {
        return x[node];
    }

    public double y(int node) {
        return y[node];
    }

    /** Node {@code k} (0, 1, 2) of cell {@code cell}. */
    public int vertex(int cell, int k) {
        return cells[3 * cell + k];
    }

    /** Twice the signed area of a cell, positive for counter-clockwise vertices. */
    public double signedDoubleArea(int cell) {
        int a = vertex(cell, 0);
        int b = vertex(cell, 1);
        int c = vertex(cell, 2);
        return (x[b] - x[a]) * (y[c] - y[a]) - (x[c] - x[a]) * (y[b] - y[a]);
    }

    public double centroidX(int cell) {
        return (x[vertex(cell, 0)] + x[vertex(cell, 1)] + x[vertex(cell, 2)]) / 3;
    }

    public double centroidY(int cell) {
        return (y[vertex(cell, 0)] + y[vertex(cell, 1)] + y[vertex(cell, 2)]) / 3;
    }

    /**
     * The cells kept by {@code keepCell} as a mesh of their own. Nodes keep their relative order and
     * their exact coordinates, so the restriction is the same discretisation as the parent on its part.
     */
    public SubMesh restrict(IntPredicate keepCell) {
        int[] localNode = new int[nodeCount()];
        Arrays.fill(localNode, -1);
        int[] keptCells = IntStream.range(0, cellCount()).filter(keepCell).toArray();
        for (int cell : keptCells) {
            for (int k = 0; k < 3; k++) {
                localNode[vertex(cell, k)] = 0;
            }
        }
        int nodes = 0;
        for (int n = 0; n < nodeCount(); n++) {
            if (localNode[n] == 0) {
                localNode[n] = nodes++;
            }
        }
        int[] parentNode = new int[nodes];
        double[] subX = new double[nodes];
        double[] subY = new double[nodes];
        for (int n = 0; n < nodeCount(); n++) {
            if (localNode[n] >= 0) {
                parentNode[localNode[n]] = n;
                subX[localNode[n]] = x[n];
                subY[localNode[n]] = y[n];
            }
        }
        int[] subCells = new int[3 * keptCells.length];
        for (int c = 0; c < keptCells.length; c++) {
            for (int k = 0; k < 3; k++) {
                subCells[3 * c + k] = localNode[vertex(keptCells[c], k)];
            }
        }
        return new SubMesh(new TriangleMesh(subX, subY, subCells), parentNode, keptCells);
    }

    /** Nodes whose coordinates satisfy {@code onLine}, sorted by y then x. */
    public int[] nodesWhere(BiPredicate<Double, Double> onLine) {
        return IntStream.range(0, nodeCount()).filter(n -> onLine.test(x[n], y[n])).boxed()
                .sorted((a, b) -> y[a] != y[b] ? Double.compare(y[a], y[b]) : Double.compare(x[a], x[b]))
                .mapToInt(Integer::intValue).toArray();
    }
}
