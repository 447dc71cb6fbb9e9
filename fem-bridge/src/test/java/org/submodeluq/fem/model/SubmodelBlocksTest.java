package org.submodeluq.fem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.solver.SimdLanes;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/** Many submodel runs at once in SIMD lanes against the same runs one at a time, and against the full model. */
class SubmodelBlocksTest {

    private static final CaseSpec SPEC = CaseFiles.defaultCase().withMesh(40, 10).withTime(60, 0.02);
    private static final ZonedMesh ZONED = new ZonedMesh(SPEC);
    private static final Submodel SUBMODEL = new Submodel(ZONED);
    private static final List<BoundaryTraces> TRACES = new ArrayList<>();
    private static final List<QuantitiesOfInterest> FULL = new ArrayList<>();

    /** A block and a half of full runs: one whole block and one padded with runs at rest. */
    @BeforeAll
    static void fullRuns() {
        assertTrue(SimdLanes.width() >= 4, "the tests run with --add-modules jdk.incubator.vector on a machine with "
                + "vectors of at least 4 doubles (AVX2), so the lanes must be there; width " + SimdLanes.width());
        FullModel full = new FullModel(ZONED);
        ThetaSampler thetas = new ThetaSampler(SPEC, 11);
        for (int i = 0; i < SimdLanes.width() * 3 / 2; i++) {
            FullRun run = full.run(thetas.sample(i));
            TRACES.add(run.traces());
            FULL.add(run.quantities());
        }
    }

    @Test
    void lanesGiveEachRunTheBitsOfARunAlone() {
        List<QuantitiesOfInterest> blocks = SUBMODEL.runAll(TRACES, 0);
        assertEquals(TRACES.size(), blocks.size());
        for (int k = 0; k < TRACES.size(); k++) {
            double[] alone = SUBMODEL.run(TRACES.get(k)).toArray();
            double[] lane = blocks.get(k).toArray();
            for (int q = 0; q < alone.length; q++) {
                assertEquals(Double.doubleToRawLongBits(alone[q]), Double.doubleToRawLongBits(lane[q]),
                        "run " + k + ", " + QuantitiesOfInterest.NAMES.get(q) + ": " + alone[q] + " alone, " + lane[q]
                                + " in a lane");
            }
        }
    }

    @Test
    void lanesReproduceTheFullModelsQuantities() {
        List<QuantitiesOfInterest> blocks = SUBMODEL.runAll(TRACES, 0);
        for (int k = 0; k < TRACES.size(); k++) {
            double[] full = FULL.get(k).toArray();
            double[] lane = blocks.get(k).toArray();
            for (int q = 0; q < full.length; q++) {
                assertEquals(full[q], lane[q], 1e-9 * Math.abs(full[q]), "run " + k + ", "
                        + QuantitiesOfInterest.NAMES.get(q));
            }
        }
    }

    @Test
    void aRunThatDivergesInALaneIsNamedBySample() {
        List<BoundaryTraces> traces = new ArrayList<>(TRACES);
        int bad = SimdLanes.width() + 1;
        BoundaryTraces good = traces.get(bad);
        double[][][] values = good.toArray();
        values[0][1][5] = Double.POSITIVE_INFINITY;
        traces.set(bad, BoundaryTraces.of(values, values.length, values[0][0].length));
        DivergedRunException diverged = assertThrows(DivergedRunException.class, () -> SUBMODEL.runAll(traces, 100));
        assertTrue(diverged.getMessage().startsWith("sample " + (100 + bad) + ": "), diverged.getMessage());
        assertEquals(6, diverged.step());
    }
}
