package org.submodeluq.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;

class Hdf5FilesTest {

    private static void write(Path path, String format, double[] values) {
        Hdf5Files.writeAtomically(path, format, 1, file -> file.putDataset("values", values));
    }

    @Test
    void aWrittenFileOpensAsItsFormatAndHoldsItsData(@TempDir Path directory) {
        Path path = directory.resolve("a.h5");
        write(path, "submodel-uq/test", new double[] {1, 2.5});
        try (HdfFile file = Hdf5Files.open(path, "submodel-uq/test", 1, "test file")) {
            assertArrayEquals(new double[] {1, 2.5}, (double[]) file.getDatasetByPath("values").getData());
            assertEquals("submodel-uq", file.getAttribute("tool").getData());
        }
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoTemporary(@TempDir Path directory) throws IOException {
        Path path = directory.resolve("a.h5");
        write(path, "submodel-uq/test", new double[] {1});
        byte[] before = Files.readAllBytes(path);
        assertThrows(IllegalStateException.class, () -> Hdf5Files.writeAtomically(path, "submodel-uq/test", 1, file -> {
            file.putDataset("values", new double[] {2});
            throw new IllegalStateException("crash in the middle of writing");
        }));
        assertArrayEquals(before, Files.readAllBytes(path));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFileOfAnotherKindIsRefusedInOneLine(@TempDir Path directory) throws IOException {
        Path other = directory.resolve("other.h5");
        write(other, "submodel-uq/other", new double[] {1});
        Path text = Files.writeString(directory.resolve("notes.h5"), "not HDF5");
        assertEquals("'" + other + "' is not a submodel-uq test file (format attribute: submodel-uq/other)",
                assertThrows(UserInputException.class, () -> Hdf5Files.open(other, "submodel-uq/test", 1, "test file"))
                        .getMessage());
        assertEquals("'" + other + "' is test file version 1; this build reads version 2",
                assertThrows(UserInputException.class, () -> Hdf5Files.open(other, "submodel-uq/other", 2, "test file"))
                        .getMessage());
        assertEquals("test file '" + directory.resolve("none.h5") + "' does not exist", assertThrows(
                UserInputException.class, () -> Hdf5Files.open(directory.resolve("none.h5"), "submodel-uq/test", 1,
                        "test file")).getMessage());
        String notHdf5 = assertThrows(UserInputException.class,
                () -> Hdf5Files.open(text, "submodel-uq/test", 1, "test file")).getMessage();
        assertEquals("'" + text + "' is not an HDF5 file", notHdf5.substring(0, notHdf5.indexOf(" (")));
    }

    @Test
    void aFileCutShortIsRefusedNamingItWhenOpened(@TempDir Path directory) throws IOException {
        Path whole = directory.resolve("whole.h5");
        Hdf5Files.writeAtomically(whole, "submodel-uq/test", 1, file -> {
            file.putDataset("values", new double[] {1, 2});
            file.putGroup("group").putDataset("more", new double[] {3});
        });
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(directory.resolve("cut.h5"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String message = assertThrows(UserInputException.class,
                () -> Hdf5Files.open(cut, "submodel-uq/test", 1, "test file")).getMessage();
        assertTrue(message.startsWith("'" + cut + "' is "), message);
    }
}
