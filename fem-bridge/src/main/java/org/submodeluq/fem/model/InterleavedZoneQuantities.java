package org.submodeluq.fem.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.submodeluq.fem.solver.CellStrains;
import org.submodeluq.fem.solver.PlaneElasticity;
import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.fem.spec.PlaneHypothesis;

/**
 * {@link ZoneQuantities} for a block of interleaved runs ({@link org.submodeluq.fem.solver.InterleavedNewmark}),
 * one per SIMD lane: the same strains, stresses and sums in the same order, so each lane's peaks are
 * the bits a single run's would be. A lane that stops being finite ends the block with
 * {@link LaneDivergedException}; the caller runs its runs again one at a time, which names the run.
 */
final class InterleavedZoneQuantities implements StepObserver {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int W = SPECIES.length();

    private final CellStrains strains;
    private final int[] centreDofs;
    private final double[] centreWeights;
    private final double e11;
    private final double e12;
    private final double e33;
    private final double poissonRatio;
    private final boolean planeStrain;
    private DoubleVector peakCentreSquared = DoubleVector.zero(SPECIES);
    private DoubleVector peakVonMisesSquared = DoubleVector.zero(SPECIES);
    private DoubleVector peakEnergy = DoubleVector.zero(SPECIES);

    /** Reads the cells, centre and material of a single run's quantities. */
    InterleavedZoneQuantities(ZoneQuantities single, double youngsModulus, PlaneElasticity elasticity) {
        this.strains = single.strains();
        this.centreDofs = single.centreDofs();
        this.centreWeights = single.centreWeights();
        this.e11 = youngsModulus * elasticity.d11();
        this.e12 = youngsModulus * elasticity.d12();
        this.e33 = youngsModulus * elasticity.d33();
        this.poissonRatio = elasticity.poissonRatio();
        this.planeStrain = elasticity.hypothesis() == PlaneHypothesis.PLANE_STRAIN;
    }

    static int lanes() {
        return W;
    }

    private static DoubleVector lane(double[] u, int dof) {
        return DoubleVector.fromArray(SPECIES, u, dof * W);
    }

    @Override
    public void onStep(int step, double time, double[] u, double[] v, double[] a) {
        DoubleVector ux = DoubleVector.zero(SPECIES);
        DoubleVector uy = ux;
        for (int k = 0; k < 3; k++) {
            ux = ux.add(lane(u, centreDofs[k]).mul(centreWeights[k]));
            uy = uy.add(lane(u, centreDofs[k] + 1).mul(centreWeights[k]));
        }
        DoubleVector centreSquared = ux.mul(ux).add(uy.mul(uy));
        requireFinite(centreSquared);
        peakCentreSquared = peakCentreSquared.max(centreSquared);
        DoubleVector energy = DoubleVector.zero(SPECIES);
        DoubleVector peak = peakVonMisesSquared;
        for (int c = 0; c < strains.cellCount(); c++) {
            DoubleVector exx = DoubleVector.zero(SPECIES);
            DoubleVector eyy = exx;
            DoubleVector gxy = exx;
            for (int k = 0; k < 3; k++) {
                int dof = strains.dof(c, k);
                double gx = strains.gradientX(c, k);
                double gy = strains.gradientY(c, k);
                DoubleVector nodeUx = lane(u, dof);
                DoubleVector nodeUy = lane(u, dof + 1);
                exx = exx.add(nodeUx.mul(gx));
                eyy = eyy.add(nodeUy.mul(gy));
                gxy = gxy.add(nodeUx.mul(gy).add(nodeUy.mul(gx)));
            }
            DoubleVector sxx = exx.mul(e11).add(eyy.mul(e12));
            DoubleVector syy = exx.mul(e12).add(eyy.mul(e11));
            DoubleVector sxy = gxy.mul(e33);
            DoubleVector szz = planeStrain ? sxx.add(syy).mul(poissonRatio) : DoubleVector.zero(SPECIES);
            DoubleVector da = sxx.sub(syy);
            DoubleVector db = syy.sub(szz);
            DoubleVector dc = szz.sub(sxx);
            DoubleVector vonMisesSquared = da.mul(da).add(db.mul(db)).add(dc.mul(dc)).mul(0.5)
                    .add(sxy.mul(3).mul(sxy));
            peak = peak.max(vonMisesSquared);
            energy = energy.add(sxx.mul(exx).add(syy.mul(eyy)).add(sxy.mul(gxy)).mul(0.5 * strains.area(c)));
        }
        peakVonMisesSquared = peak;
        requireFinite(energy);
        peakEnergy = peakEnergy.max(energy);
    }

    private static void requireFinite(DoubleVector values) {
        // x - x is 0 for a finite x and NaN for an infinite or NaN one
        VectorMask<Double> finite = values.sub(values).compare(VectorOperators.EQ, 0);
        if (!finite.allTrue()) {
            throw new LaneDivergedException();
        }
    }

    /** The peaks of lane {@code lane}, as {@link ZoneQuantities#result()} gives them. */
    QuantitiesOfInterest result(int lane) {
        return new QuantitiesOfInterest(Math.sqrt(peakCentreSquared.lane(lane)),
                Math.sqrt(peakVonMisesSquared.lane(lane)), peakEnergy.lane(lane));
    }

    /** Some lane of the block diverged; which, and where, the single runs tell. */
    static final class LaneDivergedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LaneDivergedException() {
            super("a run of the block diverged", null, false, false);
        }
    }
}
