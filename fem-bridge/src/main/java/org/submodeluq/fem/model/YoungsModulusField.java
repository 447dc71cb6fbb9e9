package org.submodeluq.fem.model;

import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * Young's modulus per cell of the full mesh: E0 in the zone (so the submodel's matrix is the same
 * for every sample), {@code E0 exp(logStd * field(centroid))} outside, with the Karhunen-Loeve
 * field evaluated at each cell's centroid. The centroid rule makes the modulus piecewise constant
 * per cell, which any FE code reproduces exactly.
 */
public final class YoungsModulusField {

    private final double median;
    private final double logStd;
    private final boolean[] inZone;
    private final double[][] modeAtCentroid;
    private final double[] sqrtEigenvalue;

    public YoungsModulusField(ZonedMesh zoned) {
        CaseSpec spec = zoned.spec();
        TriangleMesh mesh = zoned.full();
        KarhunenLoeveField field = new KarhunenLoeveField(spec.plate(), spec.modulusField());
        this.median = spec.material().youngsModulus();
        this.logStd = spec.modulusField().logStd();
        this.inZone = new boolean[mesh.cellCount()];
        this.modeAtCentroid = new double[mesh.cellCount()][field.modeCount()];
        this.sqrtEigenvalue = new double[field.modeCount()];
        for (int k = 0; k < field.modeCount(); k++) {
            sqrtEigenvalue[k] = Math.sqrt(field.eigenvalue(k));
        }
        for (int cell = 0; cell < mesh.cellCount(); cell++) {
            inZone[cell] = zoned.isInZone(cell);
            for (int k = 0; k < field.modeCount(); k++) {
                modeAtCentroid[cell][k] = field.mode(k, mesh.centroidX(cell), mesh.centroidY(cell));
            }
        }
    }

    /** Number of Karhunen-Loeve coefficients the field takes. */
    public int modeCount() {
        return sqrtEigenvalue.length;
    }

    /** E of every cell for the coefficients {@code xi}. */
    public double[] cellModuli(double[] xi) {
        if (xi.length != modeCount()) {
            throw new IllegalArgumentException(xi.length + " coefficients for a field of " + modeCount() + " modes");
        }
        double[] moduli = new double[inZone.length];
        for (int cell = 0; cell < moduli.length; cell++) {
            double log = 0;
            if (!inZone[cell]) {
                for (int k = 0; k < xi.length; k++) {
                    log += sqrtEigenvalue[k] * modeAtCentroid[cell][k] * xi[k];
                }
            }
            moduli[cell] = median * Math.exp(logStd * log);
        }
        return moduli;
    }
}
