package org.submodeluq.fem.model;

import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.solver.LinearTriangle;
import org.submodeluq.fem.solver.PlaneElasticity;
import org.submodeluq.fem.solver.StepObserver;

/**
 * Tracks the quantities of interest of the zone during a run, from the displacement alone, so the
 * full model and the submodel compute them the same way on the same cells.
 */
public final class ZoneQuantities implements StepObserver {

    private final PlaneElasticity elasticity;
    private final double youngsModulus;
    private final int[] cellDofs;
    private final double[] gradX;
    private final double[] gradY;
    private final double[] area;
    private final int[] centreDofs;
    private final double[] centreWeights;
    private double peakCentreDisplacementSquared;
    private double peakVonMisesSquared;
    private double peakStrainEnergy;

    /**
     * @param mesh the mesh of the run
     * @param zoneCells the zone's cells in that mesh
     * @param youngsModulus E in the zone
     * @param elasticity Poisson ratio and plane hypothesis
     * @param centre the point whose displacement is tracked; it must lie in a zone cell
     */
    public ZoneQuantities(TriangleMesh mesh, int[] zoneCells, double youngsModulus, PlaneElasticity elasticity,
                          double[] centre) {
        this.elasticity = elasticity;
        this.youngsModulus = youngsModulus;
        int cells = zoneCells.length;
        this.cellDofs = new int[3 * cells];
        this.gradX = new double[3 * cells];
        this.gradY = new double[3 * cells];
        this.area = new double[cells];
        double[] gx = new double[3];
        double[] gy = new double[3];
        int[] centreCell = null;
        double[] weights = null;
        for (int c = 0; c < cells; c++) {
            area[c] = LinearTriangle.gradients(mesh, zoneCells[c], gx, gy);
            for (int k = 0; k < 3; k++) {
                cellDofs[3 * c + k] = 2 * mesh.vertex(zoneCells[c], k);
                gradX[3 * c + k] = gx[k];
                gradY[3 * c + k] = gy[k];
            }
            double[] barycentric = barycentric(mesh, zoneCells[c], centre);
            if (centreCell == null && barycentric != null) {
                centreCell = new int[] {cellDofs[3 * c], cellDofs[3 * c + 1], cellDofs[3 * c + 2]};
                weights = barycentric;
            }
        }
        if (centreCell == null) {
            throw new IllegalArgumentException("the zone centre (" + centre[0] + ", " + centre[1]
                    + ") lies in no zone cell");
        }
        this.centreDofs = centreCell;
        this.centreWeights = weights;
    }

    /** Barycentric coordinates of {@code point} in a cell, or null when it lies outside. */
    private static double[] barycentric(TriangleMesh mesh, int cell, double[] point) {
        double twiceArea = mesh.signedDoubleArea(cell);
        double[] weights = new double[3];
        for (int k = 0; k < 3; k++) {
            int next = mesh.vertex(cell, (k + 1) % 3);
            int last = mesh.vertex(cell, (k + 2) % 3);
            weights[k] = ((mesh.x(next) - point[0]) * (mesh.y(last) - point[1])
                    - (mesh.x(last) - point[0]) * (mesh.y(next) - point[1])) / twiceArea;
            if (weights[k] < -1e-12) {
                return null;
            }
        }
        return weights;
    }

    @Override
    public void onStep(int step, double time, double[] u, double[] v, double[] a) {
        double ux = 0;
        double uy = 0;
        for (int k = 0; k < 3; k++) {
            ux += centreWeights[k] * u[centreDofs[k]];
            uy += centreWeights[k] * u[centreDofs[k] + 1];
        }
        // peaks of squares, square roots taken once at the end: a sqrt per cell and step is a tenth of the step
        double centreSquared = ux * ux + uy * uy;
        if (!Double.isFinite(centreSquared)) {
            throw new DivergedRunException(step, time, QuantitiesOfInterest.NAMES.get(0), Math.sqrt(centreSquared));
        }
        peakCentreDisplacementSquared = Math.max(peakCentreDisplacementSquared, centreSquared);
        double d11 = youngsModulus * elasticity.d11();
        double d12 = youngsModulus * elasticity.d12();
        double d33 = youngsModulus * elasticity.d33();
        double energy = 0;
        for (int c = 0; c < area.length; c++) {
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
            double sxx = d11 * exx + d12 * eyy;
            double syy = d12 * exx + d11 * eyy;
            double sxy = d33 * gxy;
            peakVonMisesSquared = Math.max(peakVonMisesSquared, elasticity.vonMisesSquared(sxx, syy, sxy));
            energy += 0.5 * area[c] * (sxx * exx + syy * eyy + sxy * gxy);
        }
        if (!Double.isFinite(energy)) {
            throw new DivergedRunException(step, time, QuantitiesOfInterest.NAMES.get(2), energy);
        }
        peakStrainEnergy = Math.max(peakStrainEnergy, energy);
    }

    /** The peaks seen so far. */
    public QuantitiesOfInterest result() {
        return new QuantitiesOfInterest(Math.sqrt(peakCentreDisplacementSquared), Math.sqrt(peakVonMisesSquared),
                peakStrainEnergy);
    }
}
