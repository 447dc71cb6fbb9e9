package org.submodeluq.fem.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

class ZonedMeshSizeTest {

    private static final long FOUR_GIB = 4L << 30;

    @Test
    void aMeshTooLargeForTheHeapIsRefusedBeforeAnyAllocationWithTheMemoryItNeeds() {
        CaseSpec huge = CaseFiles.parse("mesh: {nx: 2e6}\n", "huge.yaml");
        UserInputException refused = assertThrows(UserInputException.class,
                () -> ZonedMesh.requireFits(huge, FOUR_GIB));
        // 2 (2e6 + 1) (20 + 1) degrees of freedom of 512 bytes, plus traces of 42 x 2 x 200 doubles
        assertEquals("mesh = 2000000 x 20 needs at least 40.1 GiB for one run (84000042 degrees of freedom, traces "
                + "of 200 steps), more than the 4.0 GiB this JVM may use", refused.getMessage());
    }

    @Test
    void tooManyStepsAreRefusedNamingTheSteps() {
        CaseSpec longRun = CaseFiles.parse("time: {steps: 1e8}\n", "long.yaml");
        UserInputException refused = assertThrows(UserInputException.class,
                () -> ZonedMesh.requireFits(longRun, FOUR_GIB));
        assertEquals("time.steps = 100000000 needs at least 62.6 GiB for one run (3402 degrees of freedom, traces "
                + "of 100000000 steps), more than the 4.0 GiB this JVM may use", refused.getMessage());
    }

    @Test
    void theDefaultCaseAndTheFinestBenchMeshFitInAGibibyte() {
        ZonedMesh.requireFits(CaseFiles.defaultCase(), 1L << 30);
        ZonedMesh.requireFits(CaseFiles.defaultCase().withMesh(320, 80), 1L << 30);
    }
}
