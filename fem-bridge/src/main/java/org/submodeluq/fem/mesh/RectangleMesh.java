package org.submodeluq.fem.mesh;

/**
 * Structured triangulation of a rectangle, identical to DOLFINx 0.5's
 * {@code create_rectangle(comm, [p0, p1], [nx, ny], CellType.triangle)} with its default
 * {@code DiagonalType.right}: vertex (i, j) sits at {@code x0 + i (x1 - x0) / nx}, numbered
 * {@code j (nx + 1) + i}, and each rectangle is cut along the diagonal from its lower-left to its
 * upper-right corner into the cells (v0, v1, v3) and (v0, v3, v2).
 */
public final class RectangleMesh {

    private RectangleMesh() {
    }

    public static TriangleMesh create(double x0, double y0, double x1, double y1, int nx, int ny) {
        double dx = (x1 - x0) / nx;
        double dy = (y1 - y0) / ny;
        double[] x = new double[(nx + 1) * (ny + 1)];
        double[] y = new double[x.length];
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i <= nx; i++) {
                x[j * (nx + 1) + i] = x0 + dx * i;
                y[j * (nx + 1) + i] = y0 + dy * j;
            }
        }
        int[] cells = new int[6 * nx * ny];
        int c = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int v0 = j * (nx + 1) + i;
                int v1 = v0 + 1;
                int v2 = v0 + nx + 1;
                int v3 = v2 + 1;
                cells[c++] = v0;
                cells[c++] = v1;
                cells[c++] = v3;
                cells[c++] = v0;
                cells[c++] = v3;
                cells[c++] = v2;
            }
        }
        return new TriangleMesh(x, y, cells);
    }
}
