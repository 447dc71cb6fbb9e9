package org.submodeluq.fem.io;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.testing.ReferencePython;

class RunFileTest {

    private static CaseSpec spec;
    private static ZonedMesh zoned;
    private static FullRun run;

    @BeforeAll
    static void runOnce() {
        spec = CaseFiles.defaultCase().withMesh(40, 10).withTime(50, 0.04);
        zoned = new ZonedMesh(spec);
        run = new FullModel(zoned).run(new ThetaSampler(spec, 7).sample(0));
    }

    @Test
    void h5pyReadsInputsTracesAndQuantities(@TempDir Path directory) {
        Path file = directory.resolve("run.h5");
        RunFile.write(file, zoned, 7, 0, run);
        String python = ReferencePython.require("h5py", "numpy");
        String output = ReferencePython.run(python, """
                import sys, h5py, numpy as np
                def text(value):
                    return value.decode("ascii") if isinstance(value, bytes) else str(value)
                with h5py.File(sys.argv[1], "r") as f:
                    print("format", text(f.attrs["format"]))
                    print("version", int(f.attrs["format_version"]))
                    print("seed", int(f.attrs["seed"]))
                    print("case_name", text(f.attrs["case_name"]))
                    print("shape", *f["traces"].shape)
                    print("qoi", *[repr(float(q)) for q in f["qoi"][()]])
                    print("qoi_names", *[text(n) for n in f["qoi"].attrs["names"]])
                    print("theta", *[repr(float(t)) for t in f["theta"][()]])
                    t = f["traces"][()]
                    print("trace_sum", repr(float(np.sum(t))))
                    print("trace_17_1_33", repr(float(t[17, 1, 33])))
                    print("node_last", *[repr(float(c)) for c in f["trace_nodes"][-1]])
                    print("time_last", repr(float(f["time"][-1])))
                """, file.toString());
        Map<String, String[]> lines = new HashMap<>();
        output.lines().map(line -> line.split(" ")).forEach(words -> lines.put(words[0],
                Arrays.copyOfRange(words, 1, words.length)));
        double[][][] traces = run.traces().toArray();
        double sum = Arrays.stream(traces).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).sum();
        assertAll(
                () -> assertEquals(RunFile.FORMAT, lines.get("format")[0]),
                () -> assertEquals("1", lines.get("version")[0]),
                () -> assertEquals("7", lines.get("seed")[0]),
                () -> assertEquals("plate-impact", lines.get("case_name")[0]),
                () -> assertArrayEquals(new String[] {"22", "2", "50"}, lines.get("shape")),
                () -> assertArrayEquals(run.quantities().toArray(), parse(lines.get("qoi")), 0),
                () -> assertArrayEquals(new String[] {"peak_centre_displacement", "peak_von_mises",
                        "peak_strain_energy"}, lines.get("qoi_names")),
                () -> assertArrayEquals(run.theta().toArray(), parse(lines.get("theta")), 0),
                () -> assertEquals(traces[17][1][33], Double.parseDouble(lines.get("trace_17_1_33")[0]), 0),
                () -> assertEquals(sum, Double.parseDouble(lines.get("trace_sum")[0]), 1e-12 * Math.abs(sum)),
                () -> assertArrayEquals(new double[] {1.0, 0.5}, parse(lines.get("node_last")), 1e-15),
                () -> assertEquals(2.0, Double.parseDouble(lines.get("time_last")[0]), 1e-12));
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path directory) {
        Path file = directory.resolve("run.h5");
        RunFile.write(file, zoned, 7, 3, run);
        RunFile.Contents contents = RunFile.read(file);
        assertAll(
                () -> assertEquals(spec, contents.spec()),
                () -> assertEquals(7, contents.seed()),
                () -> assertEquals(3, contents.sampleIndex()),
                () -> assertEquals(run.theta(), contents.run().theta()),
                () -> assertArrayEquals(run.quantities().toArray(), contents.run().quantities().toArray(), 0),
                () -> assertTrue(Arrays.deepEquals(run.traces().toArray(), contents.run().traces().toArray())));
    }

    @Test
    void leavesNoTemporaryFileBehind(@TempDir Path directory) throws IOException {
        RunFile.write(directory.resolve("run.h5"), zoned, 7, 0, run);
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void rejectsAFileItDidNotWrite(@TempDir Path directory) throws IOException {
        Path text = directory.resolve("notes.h5");
        Files.writeString(text, "not hdf5");
        Path missing = directory.resolve("missing.h5");
        UserInputException absent = assertThrows(UserInputException.class, () -> RunFile.read(missing));
        assertTrue(absent.getMessage().contains("does not exist"), absent.getMessage());
        UserInputException notHdf5 = assertThrows(UserInputException.class, () -> RunFile.read(text));
        assertTrue(notHdf5.getMessage().startsWith("'" + text + "' is not an HDF5 file"), notHdf5.getMessage());
        Path training = directory.resolve("training.h5");
        Hdf5Files.writeAtomically(training, "submodel-uq/training-set", 1, file -> file.putDataset("x", new double[1]));
        UserInputException otherLayout = assertThrows(UserInputException.class, () -> RunFile.read(training));
        assertEquals("'" + training + "' is not a submodel-uq run file (format attribute: submodel-uq/training-set)",
                otherLayout.getMessage());
    }

    private static double[] parse(String[] words) {
        return Arrays.stream(words).mapToDouble(Double::parseDouble).toArray();
    }
}
