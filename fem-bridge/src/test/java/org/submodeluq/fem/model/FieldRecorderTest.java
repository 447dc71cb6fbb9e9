package org.submodeluq.fem.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.testing.Histories;

/** The fields a run shows are the run: its traces, its peak stress, and the submodel's fields inside the zone. */
class FieldRecorderTest {

    private static CaseSpec spec;
    private static ZonedMesh zoned;
    private static Theta theta;

    @BeforeAll
    static void smallCase() {
        spec = CaseFiles.defaultCase().withMesh(40, 10).withTime(50, 0.04);
        zoned = new ZonedMesh(spec);
        theta = new ThetaSampler(spec, 7).sample(0);
    }

    @Test
    void theLargestStressInTheZoneIsThePeakVonMisesAndTheCutNodesCarryTheTraces() {
        FullModel model = new FullModel(zoned);
        FieldRecorder recorder = model.fieldRecorder(theta, false, 1);
        FullRun run = model.run(theta, recorder);
        FieldSeries fields = recorder.series();
        double peakInZone = Arrays.stream(fields.vonMises()).flatMapToDouble(step -> Arrays.stream(
                zoned.zoneCellsInFull()).mapToDouble(cell -> step[cell])).max().orElseThrow();
        double[][][] traces = run.traces().toArray();
        int[] cutNodes = zoned.cutNodesInFull();
        double[][][] cutDisplacement = new double[cutNodes.length][2][50];
        for (int n = 0; n < cutNodes.length; n++) {
            for (int k = 0; k < 50; k++) {
                for (int component = 0; component < 2; component++) {
                    cutDisplacement[n][component][k] = fields.displacement()[k][cutNodes[n]][component];
                }
            }
        }
        double expectedPeak = run.quantities().peakVonMises();
        double[] moduli = fields.youngsModulus();
        assertAll(
                () -> assertEquals("full", fields.meshName()),
                () -> assertEquals(zoned.full().nodeCount(), fields.displacement()[0].length),
                () -> assertArrayEquals(spec.time().times(), fields.time(), 0),
                () -> assertEquals(expectedPeak, peakInZone, 0, "the same strains and Hooke's law as the quantity"),
                () -> assertTrue(Arrays.deepEquals(traces, cutDisplacement), "the cut nodes' displacement is the traces"),
                () -> assertEquals(spec.material().youngsModulus(), moduli[zoned.zoneCellsInFull()[0]], 0),
                () -> assertTrue(Arrays.stream(moduli).anyMatch(e -> e != spec.material().youngsModulus()),
                        "the random modulus outside the zone"));
    }

    @Test
    void theZoneOfAFullRunShowsWhatTheSubmodelUnderItsTracesShows() {
        FullModel model = new FullModel(zoned);
        FieldRecorder full = model.fieldRecorder(theta, true, 5);
        FullRun run = model.run(theta, full);
        Submodel submodel = new Submodel(zoned);
        FieldRecorder zone = submodel.fieldRecorder(5);
        submodel.run(run.traces(), zone);
        FieldSeries fromFull = full.series();
        FieldSeries fromZone = zone.series();
        double stressError = Histories.maxDifference(fromFull.vonMises(), fromZone.vonMises())
                / largest(fromFull.vonMises());
        double[][] displacementFromFull = flat(fromFull.displacement());
        double largestDisplacement = largest(displacementFromFull);
        double relativeDisplacement = Histories.maxDifference(displacementFromFull, flat(fromZone.displacement()))
                / largestDisplacement;
        System.out.printf("zone fields, full run vs submodel: displacement %.2e, von Mises %.2e (relative)%n",
                relativeDisplacement, stressError);
        assertAll(
                () -> assertEquals("zone", fromFull.meshName()),
                () -> assertArrayEquals(new int[] {5, 10, 15, 20, 25, 30, 35, 40, 45, 50}, fromFull.steps()),
                () -> assertArrayEquals(fromFull.steps(), fromZone.steps()),
                () -> assertEquals(zoned.zone().mesh().nodeCount(), fromFull.displacement()[0].length),
                () -> assertTrue(largestDisplacement > 1e-3, "the wave reaches the zone, max |u| = " + largestDisplacement),
                () -> assertTrue(relativeDisplacement < 1e-9, "displacement " + relativeDisplacement),
                () -> assertTrue(stressError < 1e-9, "von Mises " + stressError),
                () -> assertArrayEquals(fromFull.youngsModulus(), fromZone.youngsModulus(), 0));
    }

    private static double largest(double[][] history) {
        return Histories.maxDifference(history, new double[history.length][history[0].length]);
    }

    /** Per step, every node's components in a row. */
    private static double[][] flat(double[][][] vectors) {
        return Arrays.stream(vectors).map(step -> Arrays.stream(step).flatMapToDouble(Arrays::stream).toArray())
                .toArray(double[][]::new);
    }

    @Test
    void refusesToKeepNoStepNamingTheStepCount() {
        UserInputException error = assertThrows(UserInputException.class,
                () -> new Submodel(zoned).fieldRecorder(51));
        assertEquals("fieldsEvery = 51 keeps no step of the case's 50: choose k <= 50", error.getMessage());
    }
}
