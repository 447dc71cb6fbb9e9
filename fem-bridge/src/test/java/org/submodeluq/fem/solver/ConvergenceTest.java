package org.submodeluq.fem.solver;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.TractionLoad;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.testing.Histories;

/**
 * Refining h and dt together by 2 divides the error by 4: P1 displacements and the average-acceleration
 * rule are both second order. The reference is the same problem with h and dt divided by 16.
 *
 * <p>The exact solution must be smooth for the rates to show, which takes two choices, each measured
 * with this test when it is undone:
 * <ul>
 *   <li>a smooth time profile, sin^4(pi t / T), in place of the case's half-sine, whose kinks at
 *       t = 0 and t = T put jumps of acceleration on the wave fronts (orders 1.44 and 1.71);</li>
 *   <li>nu = 0 under a uniform end traction, so the solution is the 1D wave and does not excite the
 *       r^1.54 singularity of the plate's free right-angle corners (Williams 1952; with nu = 0.3 the
 *       spatial error converges at orders 1.54 and 1.55).</li>
 * </ul>
 */
class ConvergenceTest {

    private static final String UNIFORM_END_LOAD = """
            material: {poissonRatio: 0.0}
            load: {profile: uniform, width: 2.0, amplitude: 0.01, duration: 1.0, centre: 0.25}
            modulusField: {modes: 0}
            """;
    private static final double PULSE = 1.0;
    private static final double END_TIME = 1.2;
    private static final int COARSE_NX = 20;
    private static final double COARSE_DT = 0.04;

    @Test
    @Tag("slow")
    void errorFallsAtSecondOrderWhenHAndDtAreHalved() {
        CaseSpec base = CaseFiles.parse(UNIFORM_END_LOAD, "uniform end load");
        double[][] reference = sampledHistory(base, 16);
        double[] errors = new double[3];
        for (int level = 0; level < 3; level++) {
            errors[level] = Histories.maxDifference(sampledHistory(base, 1 << level), reference);
        }
        double firstOrder = Math.log(errors[0] / errors[1]) / Math.log(2);
        double secondOrder = Math.log(errors[1] / errors[2]) / Math.log(2);
        System.out.printf("max nodal errors at h = %.4f, %.4f, %.4f: %.3e %.3e %.3e; observed orders %.3f, %.3f%n",
                2.0 / COARSE_NX, 1.0 / COARSE_NX, 0.5 / COARSE_NX, errors[0], errors[1], errors[2],
                firstOrder, secondOrder);
        assertAll(
                () -> assertTrue(firstOrder > 1.8 && firstOrder < 2.2, "order from level 0 to 1: " + firstOrder),
                () -> assertTrue(secondOrder > 1.8 && secondOrder < 2.2, "order from level 1 to 2: " + secondOrder));
    }

    private static double smoothPulse(double t) {
        return t <= PULSE ? 0.01 * Math.pow(Math.sin(Math.PI * t / PULSE), 4) : 0;
    }

    /**
     * Displacement at the coarsest mesh's nodes and the coarsest time grid's times, computed on the
     * mesh and time grid refined {@code refinement} times.
     */
    private static double[][] sampledHistory(CaseSpec base, int refinement) {
        int coarseSteps = (int) Math.round(END_TIME / COARSE_DT);
        CaseSpec spec = base.withMesh(COARSE_NX * refinement, COARSE_NX * refinement / 4)
                .withTime(coarseSteps * refinement, COARSE_DT / refinement);
        ZonedMesh zoned = new ZonedMesh(spec);
        TriangleMesh coarse = new ZonedMesh(base.withMesh(COARSE_NX, COARSE_NX / 4)).full();
        int[] nodes = new int[coarse.nodeCount()];
        for (int n = 0; n < nodes.length; n++) {
            double x = coarse.x(n);
            double y = coarse.y(n);
            nodes[n] = zoned.full().nodesWhere((px, py) -> Math.abs(px - x) < 1e-9 && Math.abs(py - y) < 1e-9)[0];
        }
        Theta unitPulse = new Theta(1, PULSE, 0.25, new double[0]);
        ExternalLoad load = new ExternalLoad(TractionLoad.of(zoned, unitPulse).shape(), ConvergenceTest::smoothPulse);
        int[] clamped = DegreesOfFreedom.ofNodes(zoned.clampedNodes());
        NewmarkIntegrator integrator = new NewmarkIntegrator(new FullModel(zoned).assemble(unitPulse), zoned.full(),
                clamped, spec.time().dt());
        double[][] history = new double[coarseSteps][2 * nodes.length];
        integrator.run(spec.time().steps(), load, PrescribedMotion.CLAMPED, (step, time, u, v, a) -> {
            if (step % refinement == 0) {
                for (int n = 0; n < nodes.length; n++) {
                    history[step / refinement - 1][2 * n] = u[2 * nodes[n]];
                    history[step / refinement - 1][2 * n + 1] = u[2 * nodes[n] + 1];
                }
            }
        });
        return history;
    }
}
