package org.submodeluq.fem.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.testing.Histories;

/** The backbone of the method: the zone driven by a full run's own traces is that run, inside the zone. */
class SubmodelConsistencyTest {

    @Test
    void reproducesFullRunDisplacementAtEveryZoneNode() {
        CaseSpec spec = CaseFiles.defaultCase();
        ZonedMesh zoned = new ZonedMesh(spec);
        int steps = spec.time().steps();
        int[] zoneNodesInFull = zoned.zone().parentNodes();
        double[][] fullHistory = new double[steps][2 * zoneNodesInFull.length];
        double[][] zoneHistory = new double[steps][2 * zoneNodesInFull.length];

        FullRun run = new FullModel(zoned).run(new ThetaSampler(spec, 7).sample(0), (step, time, u, v, a) -> {
            for (int n = 0; n < zoneNodesInFull.length; n++) {
                fullHistory[step - 1][2 * n] = u[2 * zoneNodesInFull[n]];
                fullHistory[step - 1][2 * n + 1] = u[2 * zoneNodesInFull[n] + 1];
            }
        });
        QuantitiesOfInterest zoneQuantities = new Submodel(zoned).run(run.traces(),
                (step, time, u, v, a) -> System.arraycopy(u, 0, zoneHistory[step - 1], 0, u.length));

        double largest = Histories.maxDifference(fullHistory, new double[steps][fullHistory[0].length]);
        double relative = Histories.maxDifference(fullHistory, zoneHistory) / largest;
        System.out.printf("submodel vs full run: max |u_zone - u_full| / max |u_full| = %.3e over %d nodes x %d steps%n",
                relative, zoneNodesInFull.length, steps);
        double[] expected = run.quantities().toArray();
        double[] actual = zoneQuantities.toArray();
        assertAll(
                () -> assertTrue(largest > 1e-3, "the wave must reach the zone, max |u| = " + largest),
                () -> assertTrue(relative < 1e-9, "relative displacement error " + relative),
                () -> assertEquals(expected[0], actual[0], 1e-9 * expected[0], "peak centre displacement"),
                () -> assertEquals(expected[1], actual[1], 1e-9 * expected[1], "peak von Mises"),
                () -> assertEquals(expected[2], actual[2], 1e-9 * expected[2], "peak strain energy"));
    }

    @Test
    void rejectsTracesOfTheWrongShapeNamingBothShapes() {
        Submodel submodel = new Submodel(CaseFiles.defaultCase().withMesh(40, 10).withTime(30, 0.04));
        UserInputException flat = assertThrows(UserInputException.class,
                () -> submodel.run(new BoundaryTraces(21, 30, new double[21 * 2 * 30])));
        UserInputException nested = assertThrows(UserInputException.class,
                () -> BoundaryTraces.of(new double[22][2][29], 22, 30));
        assertAll(
                () -> assertEquals("traces have shape 21 x 2 x 30 (nodes x components x steps) but the zone needs "
                        + "22 x 2 x 30", flat.getMessage()),
                () -> assertEquals("traces have shape 22 x 2 x 29 (nodes x components x steps) but the zone needs "
                        + "22 x 2 x 30", nested.getMessage()));
    }
}
