package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect} describes the project's files and refuses others with one line. */
class InspectCommandTest {

    @Test
    void aRunFileIsDescribedWithItsLayoutSeedAndDatasets(@TempDir Path directory) throws Exception {
        Path caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 30, dt: 0.04}\n");
        Path run = directory.resolve("run.h5");
        assertEquals(0, execute("solve", "--case", caseFile.toString(), "--seed", "5", "--out", run.toString())
                .exitCode());
        Cli.Result inspected = execute("inspect", run.toString());
        assertAll(
                () -> assertEquals(0, inspected.exitCode(), inspected.err()),
                () -> assertTrue(inspected.out().startsWith(run + ": submodel-uq/full-run, version 1\n"),
                        inspected.out()),
                () -> assertTrue(inspected.out().contains("  case_name          small\n"), inspected.out()),
                () -> assertTrue(inspected.out().contains("  seed               5\n"), inspected.out()),
                () -> assertTrue(inspected.out().matches("(?s).*\\n  /traces +\\[22, 2, 30\\] +double\\n.*"),
                        inspected.out()));
    }

    @Test
    void aFileItDidNotWriteIsRefusedWithOneLine(@TempDir Path directory) throws Exception {
        Path foreign = directory.resolve("foreign.h5");
        try (WritableHdfFile file = HdfFile.write(foreign)) {
            file.putDataset("x", new double[] {1, 2});
        }
        Path text = directory.resolve("notes.txt");
        Files.writeString(text, "not hdf5");
        Cli.Result hdf5 = execute("inspect", foreign.toString());
        Cli.Result other = execute("inspect", text.toString());
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, hdf5.exitCode()),
                () -> assertEquals("submodel-uq: error: '" + foreign + "' is an HDF5 file but not one submodel-uq "
                        + "wrote (it has no submodel-uq format attribute)", hdf5.err().strip()),
                () -> assertEquals(SubmodelUq.USER_ERROR, other.exitCode()),
                () -> assertTrue(other.err().startsWith("submodel-uq: error: '" + text + "' is not an HDF5 file"),
                        other.err()));
    }
}
