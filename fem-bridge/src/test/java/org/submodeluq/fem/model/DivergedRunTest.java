package org.submodeluq.fem.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

class DivergedRunTest {

    /** A time step so small that M / (beta dt^2) overflows: the first step is already NaN. */
    private static final CaseSpec UNINTEGRABLE = CaseFiles.parse("mesh: {nx: 40, ny: 10}\ntime: {steps: 5, dt: 1e-300}\n",
            "tiny-dt.yaml");

    @Test
    void aRunThatTurnsNonFiniteStopsAtItsStepNamingTheQuantity() {
        Theta theta = new ThetaSampler(UNINTEGRABLE, 0).sample(0);
        DivergedRunException diverged = assertThrows(DivergedRunException.class,
                () -> new FullModel(new ZonedMesh(UNINTEGRABLE)).run(theta));
        assertAll(
                () -> assertEquals(1, diverged.step()),
                () -> assertEquals("peak_centre_displacement", diverged.quantity()),
                () -> assertEquals("peak_centre_displacement = NaN at step 1 (t = 1.0E-300): the run diverged, so the "
                        + "case cannot be integrated as written (check time.dt and the material)",
                        diverged.getMessage()));
    }

    @Test
    void theJavaSolverNamesTheSampleThatDiverged() {
        Theta theta = new ThetaSampler(UNINTEGRABLE, 0).sample(3);
        try (JavaSolver solver = new JavaSolver(new FullModel(new ZonedMesh(UNINTEGRABLE)), 1)) {
            DivergedRunException diverged = assertThrows(DivergedRunException.class, () -> solver.run(3, theta));
            assertEquals("sample 3: peak_centre_displacement = NaN at step 1", diverged.getMessage()
                    .substring(0, "sample 3: peak_centre_displacement = NaN at step 1".length()));
        }
    }
}
