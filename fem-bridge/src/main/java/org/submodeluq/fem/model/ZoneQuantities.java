package org.submodeluq.fem.model;

import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.solver.CellStrains;
import org.submodeluq.fem.solver.PlaneElasticity;
import org.submodeluq.fem.solver.StepObserver;

/**
 * Tracks the quantities of interest of the zone during a run, from the displacement alone, so the
 * full model and the submodel compute them the same way on the same cells.
 */
public final class ZoneQuantities implements StepObserver {

    private final PlaneElasticity elasticity;
    private final double youngsModulus;
    private final CellStrains strains;
    private final int[] centreDofs;
    private final double[] centreWeights;
    private final double[] strain = new double[3];
    private final double[] stress = new double[3];
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
        this.strains = new CellStrains(mesh, zoneCells);
        int[] centreCell = null;
        double[] weights = null;
        for (int c = 0; c < zoneCells.length && centreCell == null; c++) {
            weights = barycentric(mesh, zoneCells[c], centre);
            if (weights != null) {
                centreCell = new int[3];
                for (int k = 0; k < 3; k++) {
                    centreCell[k] = 2 * mesh.vertex(zoneCells[c], k);
                }
            }
        }
        if (centreCell == null) {
            throw new IllegalArgumentException("the zone centre (" + centre[0] + ", " + centre[1]
                    + ") lies in no zone cell");
        }
        this.centreDofs = centreCell;
        this.centreWeights = weights;
    }

    /** The x degrees of freedom of the three vertices of the cell holding the centre. */
    int[] centreDofs() {
        return centreDofs;
    }

    /** The centre's barycentric coordinates in that cell. */
    double[] centreWeights() {
        return centreWeights;
    }

    CellStrains strains() {
        return strains;
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
        double energy = 0;
        for (int c = 0; c < strains.cellCount(); c++) {
            strains.strain(c, u, strain);
            elasticity.stress(youngsModulus, strain, stress);
            peakVonMisesSquared = Math.max(peakVonMisesSquared, elasticity.vonMisesSquared(stress[0], stress[1],
                    stress[2]));
            energy += 0.5 * strains.area(c) * (stress[0] * strain[0] + stress[1] * strain[1] + stress[2] * strain[2]);
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
