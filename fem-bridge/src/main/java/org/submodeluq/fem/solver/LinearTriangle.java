package org.submodeluq.fem.solver;

import org.submodeluq.fem.mesh.TriangleMesh;

/**
 * Geometry of a P1 triangle: its area and the constant gradients of its three hat functions,
 * {@code grad N_k = (b_k, c_k) / (2A)} with {@code b_k = y_{k+1} - y_{k+2}} and
 * {@code c_k = x_{k+2} - x_{k+1}} (indices mod 3).
 */
public final class LinearTriangle {

    private LinearTriangle() {
    }

    /**
     * Fills {@code gradX} and {@code gradY} (length 3) with the hat-function gradients of a cell.
     *
     * @return the cell's area
     */
    public static double gradients(TriangleMesh mesh, int cell, double[] gradX, double[] gradY) {
        double twiceArea = mesh.signedDoubleArea(cell);
        for (int k = 0; k < 3; k++) {
            int next = mesh.vertex(cell, (k + 1) % 3);
            int last = mesh.vertex(cell, (k + 2) % 3);
            gradX[k] = (mesh.y(next) - mesh.y(last)) / twiceArea;
            gradY[k] = (mesh.x(last) - mesh.x(next)) / twiceArea;
        }
        return 0.5 * twiceArea;
    }
}
