package org.submodeluq.fem.solver;

import org.submodeluq.fem.mesh.TriangleMesh;

/**
 * The strain of a set of P1 triangles, constant per cell, {@code (eps_xx, eps_yy, gamma_xy)} with
 * engineering shear. The hat-function gradients are computed once, here, since the strain is read at
 * every time step; the quantities of interest and the exported stress fields both read it this way,
 * so that a field's peak is the quantity of interest to the last bit.
 */
public final class CellStrains {

    private final int[] cellDofs;
    private final double[] gradX;
    private final double[] gradY;
    private final double[] area;

    /**
     * @param mesh the mesh whose degrees of freedom the displacements are indexed by
     * @param cells the cells of {@code mesh} to read, in the order of the indices the methods take
     */
    public CellStrains(TriangleMesh mesh, int[] cells) {
        this.cellDofs = new int[3 * cells.length];
        this.gradX = new double[3 * cells.length];
        this.gradY = new double[3 * cells.length];
        this.area = new double[cells.length];
        double[] gx = new double[3];
        double[] gy = new double[3];
        for (int c = 0; c < cells.length; c++) {
            area[c] = LinearTriangle.gradients(mesh, cells[c], gx, gy);
            for (int k = 0; k < 3; k++) {
                cellDofs[3 * c + k] = 2 * mesh.vertex(cells[c], k);
                gradX[3 * c + k] = gx[k];
                gradY[3 * c + k] = gy[k];
            }
        }
    }

    /** Number of cells read. */
    public int cellCount() {
        return area.length;
    }

    /** The x degree of freedom of vertex k of cell c; its y one follows it. */
    public int dof(int c, int k) {
        return cellDofs[3 * c + k];
    }

    /** d(phi_k)/dx on cell c, for vertex k's hat function phi_k. */
    public double gradientX(int c, int k) {
        return gradX[3 * c + k];
    }

    /** d(phi_k)/dy on cell c. */
    public double gradientY(int c, int k) {
        return gradY[3 * c + k];
    }

    /** Area of cell {@code c} (an index into the cells given). */
    public double area(int c) {
        return area[c];
    }

    /**
     * Writes the strain of cell {@code c} under the displacement {@code u} (indexed by degree of freedom,
     * {@code 2 node + component}) into {@code strain}: eps_xx, eps_yy, gamma_xy.
     */
    public void strain(int c, double[] u, double[] strain) {
        double exx = 0;
        double eyy = 0;
        double gxy = 0;
        for (int k = 3 * c; k < 3 * c + 3; k++) {
            double nodeUx = u[cellDofs[k]];
            double nodeUy = u[cellDofs[k] + 1];
            exx += gradX[k] * nodeUx;
            eyy += gradY[k] * nodeUy;
            gxy += gradY[k] * nodeUx + gradX[k] * nodeUy;
        }
        strain[0] = exx;
        strain[1] = eyy;
        strain[2] = gxy;
    }
}
