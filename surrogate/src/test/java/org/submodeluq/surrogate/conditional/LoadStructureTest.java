package org.submodeluq.surrogate.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/** The load's structure against the Java full model itself: a second run at other inputs is the reference. */
class LoadStructureTest {

    private static final CaseSpec SPEC = CaseFiles.defaultCase().withMesh(20, 5).withTime(80, 0.02);
    private static final FullModel MODEL = new FullModel(SPEC);
    private static final double[] XI = {0.4, -1.1, 0.3, 0.9, -0.2, 0.5, -0.7, 1.3};

    @Test
    void aRunUnderOnePulseMapsExactlyOntoTheRunUnderAnother() {
        Theta short_ = new Theta(1.3, 0.3, 0.22, XI);
        Theta long_ = new Theta(0.8, 0.7, 0.22, XI);
        LoadStructure structure = structure(0.5);
        double[] moved = structure.restore(long_.toArray(), structure.normalise(short_.toArray(), traces(short_)));
        double[] reference = traces(long_);
        assertEquals(0, maxDifference(moved, reference) / maxAbs(reference), 1e-10);
    }

    @Test
    void runsThatDifferOnlyInAmplitudeAndDurationShareTheirNormalisedTraces() {
        Theta a = new Theta(1.3, 0.3, 0.28, XI);
        Theta b = new Theta(0.6, 0.65, 0.28, XI);
        LoadStructure structure = structure(0.45);
        double[] first = structure.normalise(a.toArray(), traces(a));
        double[] second = structure.normalise(b.toArray(), traces(b));
        assertEquals(0, maxDifference(first, second) / maxAbs(first), 1e-10);
    }

    @Test
    void withoutTheDurationConditionedOnlyTheAmplitudeIsDividedOut() {
        Theta a = new Theta(2.0, 0.3, 0.28, XI);
        LoadStructure structure = LoadStructure.of(Conditioning.parse("amplitude,centre", SPEC), SPEC,
                new double[][] {a.toArray()});
        assertFalse(structure.duration());
        double[] unit = structure.normalise(a.toArray(), traces(a));
        double[] halved = traces(new Theta(1.0, 0.3, 0.28, XI));
        assertEquals(0, maxDifference(unit, halved) / maxAbs(halved), 1e-12);
    }

    @Test
    void aPulseShorterThanTwoTimeStepsIsNotDividedOut() {
        PulseConvolution convolution = new PulseConvolution(SPEC.time());
        assertTrue(convolution.invertible(0.04));
        assertFalse(convolution.invertible(0.039));
    }

    private static LoadStructure structure(double reference) {
        return new LoadStructure(true, true, reference, new PulseConvolution(SPEC.time()));
    }

    private static double[] traces(Theta theta) {
        return Arrays.stream(MODEL.run(theta).traces().toArray()).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream)
                .toArray();
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double maxAbs(double[] a) {
        return Arrays.stream(a).map(Math::abs).max().orElse(0);
    }
}
