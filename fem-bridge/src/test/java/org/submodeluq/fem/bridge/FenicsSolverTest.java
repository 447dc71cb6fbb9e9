package org.submodeluq.fem.bridge;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.testing.ReferencePython;

/** DOLFINx and the Java solver discretise the case identically: only the linear solvers' round-off differs. */
class FenicsSolverTest {

    @Test
    void fenicsAndJavaRunsOfTheDefaultCaseAgree(@TempDir Path logs) {
        String python = ReferencePython.require("dolfinx");
        CaseSpec spec = CaseFiles.defaultCase();
        ZonedMesh zoned = new ZonedMesh(spec);
        WorkerPool.Settings settings = new WorkerPool.Settings(1, Duration.ofMinutes(5), Duration.ofMinutes(5), 0, logs);
        try (FenicsSolver fenics = new FenicsSolver(zoned, PythonRuntime.resolve(python, spec.fenics()), settings,
                line -> { })) {
            for (long index = 0; index < 3; index++) {
                Theta theta = new ThetaSampler(spec, 11).sample(index);
                FullRun java = new FullModel(zoned).run(theta);
                FullRun dolfinx = fenics.run(index, theta);
                double traces = relativeDifference(java.traces().toArray(), dolfinx.traces().toArray());
                double[] qa = java.quantities().toArray();
                double[] qb = dolfinx.quantities().toArray();
                double quantities = 0;
                for (int q = 0; q < qa.length; q++) {
                    quantities = Math.max(quantities, Math.abs(qa[q] - qb[q]) / Math.abs(qa[q]));
                }
                System.out.printf("sample %d: FEniCS vs Java, traces %.2e, quantities %.2e (relative)%n", index,
                        traces, quantities);
                double t = traces;
                double q = quantities;
                assertAll(() -> assertTrue(t < 1e-8, "traces differ by " + t),
                        () -> assertTrue(q < 1e-8, "quantities differ by " + q));
            }
        }
    }

    /** max |a - b| / max |a| over all entries. */
    private static double relativeDifference(double[][][] a, double[][][] b) {
        double largest = 0;
        double worst = 0;
        for (int n = 0; n < a.length; n++) {
            for (int c = 0; c < 2; c++) {
                for (int s = 0; s < a[n][c].length; s++) {
                    largest = Math.max(largest, Math.abs(a[n][c][s]));
                    worst = Math.max(worst, Math.abs(a[n][c][s] - b[n][c][s]));
                }
            }
        }
        return worst / largest;
    }
}
