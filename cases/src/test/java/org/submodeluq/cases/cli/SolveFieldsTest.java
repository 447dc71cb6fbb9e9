package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.testing.ReferencePython;
import org.submodeluq.core.testing.RequiredProgram;

/**
 * {@code solve --fields}: the XDMF + HDF5 pair opens in independent readers (meshio, ParaView's pvpython)
 * and holds the run that {@code run.h5} holds.
 */
class SolveFieldsTest {

    /**
     * Reads the fields with meshio's time-series reader and {@code run.h5} with h5py (every k-th step of it),
     * and prints both.
     */
    private static final String MESHIO = """
            import sys, h5py, meshio, numpy as np
            xdmf, run, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
            x_min, x_max = 0.6, 1.0
            with meshio.xdmf.TimeSeriesReader(xdmf) as reader:
                points, cells = reader.read_points_cells()
                data = [reader.read_data(k) for k in range(reader.num_steps)]
            times = np.array([t for t, _, _ in data])
            u = np.stack([point["displacement"] for _, point, _ in data])      # (steps, nodes, 3)
            vm = np.stack([cell["von_mises"][0] for _, _, cell in data])        # (steps, cells)
            with h5py.File(run, "r") as f:
                traces, nodes, time, qoi = f["traces"][()], f["trace_nodes"][()], f["time"][()], f["qoi"][()]
            traces, time = traces[:, :, every - 1::every], time[every - 1::every]
            cut = [int(np.argmin(np.hypot(points[:, 0] - x, points[:, 1] - y))) for x, y in nodes]
            centres = points[cells[0].data].mean(axis=1)
            zone = (centres[:, 0] > x_min) & (centres[:, 0] < x_max)
            print("points", len(points))
            print("cells", cells[0].type, len(cells[0].data))
            print("steps", len(times))
            print("time_error", repr(float(np.max(np.abs(times - time)))))
            print("trace_error", repr(float(np.max(np.abs(np.transpose(u[:, cut, :2], (1, 2, 0)) - traces)))))
            print("node_17_step_34", repr(float(u[34 // every - 1, cut[17], 1])),
                  repr(float(traces[17, 1, 34 // every - 1])))
            print("peak_von_mises", repr(float(vm[:, zone].max())), repr(float(qoi[1])))
            print("youngs_modulus", repr(float(data[0][2]["youngs_modulus"][0].min())),
                  repr(float(data[0][2]["youngs_modulus"][0].max())))
            """;

    /** The same through ParaView's own XDMF 3 reader. */
    private static final String PVPYTHON = """
            import sys, h5py, numpy as np
            from paraview import simple, servermanager
            from vtk.numpy_interface import dataset_adapter
            xdmf, run = sys.argv[1], sys.argv[2]
            reader = simple.Xdmf3ReaderS(FileName=[xdmf])
            reader.UpdatePipelineInformation()
            times = reader.TimestepValues
            reader.UpdatePipeline(times[33])
            data = dataset_adapter.WrapDataObject(servermanager.Fetch(reader))
            points = np.array(data.Points)
            with h5py.File(run, "r") as f:
                traces, nodes, time = f["traces"][()], f["trace_nodes"][()], f["time"][()]
            node = int(np.argmin(np.hypot(points[:, 0] - nodes[17][0], points[:, 1] - nodes[17][1])))
            print("points", data.GetNumberOfPoints())
            print("cells", data.GetNumberOfCells())
            print("steps", len(times))
            print("time_error", repr(float(np.max(np.abs(np.array(times) - time)))))
            print("node_17_step_34", repr(float(np.array(data.PointData["displacement"])[node, 1])),
                  repr(float(traces[17, 1, 33])))
            print("arrays", *sorted(list(data.PointData.keys()) + list(data.CellData.keys())))
            """;

    private static Path smallCase(Path directory) throws IOException {
        Path caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n");
        return caseFile;
    }

    private static Map<String, String[]> lines(String output) {
        Map<String, String[]> lines = new HashMap<>();
        output.lines().map(line -> line.split(" ")).forEach(words -> lines.put(words[0],
                Arrays.copyOfRange(words, 1, words.length)));
        return lines;
    }

    private static double number(Map<String, String[]> lines, String key, int position) {
        return Double.parseDouble(lines.get(key)[position]);
    }

    @Test
    void meshioReadsTheWholePlateAsRunH5HoldsIt(@TempDir Path directory) throws IOException {
        Path run = directory.resolve("run.h5");
        Path fields = directory.resolve("fields");
        Cli.Result solved = execute("solve", "--case", smallCase(directory).toString(), "--seed", "7", "--out",
                run.toString(), "--fields", fields.toString());
        assertEquals(0, solved.exitCode(), solved.err());
        String python = ReferencePython.require("h5py", "numpy", "meshio");
        Map<String, String[]> read = lines(ReferencePython.run(python, MESHIO, fields.resolve("fields.xdmf").toString(),
                run.toString(), "1"));
        System.out.printf("meshio against run.h5: traces %s, time %s, peak von Mises %s against %s%n",
                read.get("trace_error")[0], read.get("time_error")[0], read.get("peak_von_mises")[0],
                read.get("peak_von_mises")[1]);
        assertAll(
                () -> assertTrue(solved.out().contains("wrote 50 steps of fields on the full mesh (451 nodes, 800 cells) "
                        + "to " + fields.resolve("fields.xdmf")), solved.out()),
                () -> assertEquals("451", read.get("points")[0], "41 x 11 nodes"),
                () -> assertEquals("triangle 800", String.join(" ", read.get("cells"))),
                () -> assertEquals("50", read.get("steps")[0]),
                () -> assertEquals(0, number(read, "time_error", 0), 1e-12),
                () -> assertEquals(0, number(read, "trace_error", 0), 1e-12, "every cut node at every step"),
                () -> assertEquals(number(read, "node_17_step_34", 1), number(read, "node_17_step_34", 0), 1e-12),
                () -> assertTrue(Math.abs(number(read, "node_17_step_34", 1)) > 1e-6, "the wave is there at t_34"),
                () -> assertEquals(number(read, "peak_von_mises", 1), number(read, "peak_von_mises", 0),
                        1e-12 * number(read, "peak_von_mises", 1), "the zone's largest stress is the quantity"),
                () -> assertTrue(number(read, "youngs_modulus", 0) < 1 && number(read, "youngs_modulus", 1) > 1,
                        "the random modulus field, both sides of its median"));
    }

    @Test
    void meshioReadsTheZoneAlone(@TempDir Path directory) throws IOException {
        Path run = directory.resolve("run.h5");
        Path fields = directory.resolve("zone");
        Cli.Result solved = execute("solve", "--case", smallCase(directory).toString(), "--seed", "7", "--out",
                run.toString(), "--fields", fields.toString(), "--fields-mesh", "zone", "--fields-every", "2");
        assertEquals(0, solved.exitCode(), solved.err());
        String python = ReferencePython.require("h5py", "numpy", "meshio");
        Map<String, String[]> read = lines(ReferencePython.run(python, MESHIO, fields.resolve("fields.xdmf").toString(),
                run.toString(), "2"));
        assertAll(
                () -> assertEquals("99", read.get("points")[0], "9 x 11 nodes"),
                () -> assertEquals("triangle 160", String.join(" ", read.get("cells"))),
                () -> assertEquals("25", read.get("steps")[0], "every second of 50 steps"),
                () -> assertEquals(0, number(read, "time_error", 0), 1e-12),
                () -> assertEquals(0, number(read, "trace_error", 0), 1e-12),
                () -> assertEquals(number(read, "node_17_step_34", 1), number(read, "node_17_step_34", 0), 1e-12),
                () -> assertEquals("1.0 1.0", String.join(" ", read.get("youngs_modulus")), "E0 in the zone"));
    }

    @Test
    void paraviewReadsTheSameFields(@TempDir Path directory) throws IOException {
        Path run = directory.resolve("run.h5");
        Path fields = directory.resolve("fields");
        assertEquals(0, execute("solve", "--case", smallCase(directory).toString(), "--seed", "7", "--out",
                run.toString(), "--fields", fields.toString()).exitCode());
        RequiredProgram.check("SUBMODEL_UQ_REQUIRE_PARAVIEW", "ParaView's pvpython cannot read XDMF: apt-get install "
                + "-y paraview python3-paraview python3-h5py", "/usr/bin/pvpython", "-c", "import paraview.simple, h5py");
        Map<String, String[]> read = lines(ReferencePython.run("/usr/bin/pvpython", PVPYTHON,
                fields.resolve("fields.xdmf").toString(), run.toString()));
        System.out.printf("pvpython against run.h5: node 17 at t_34 %s against %s%n", read.get("node_17_step_34")[0],
                read.get("node_17_step_34")[1]);
        assertAll(
                () -> assertEquals("451", read.get("points")[0]),
                () -> assertEquals("800", read.get("cells")[0]),
                () -> assertEquals("50", read.get("steps")[0]),
                () -> assertEquals(0, number(read, "time_error", 0), 1e-12),
                () -> assertEquals(number(read, "node_17_step_34", 1), number(read, "node_17_step_34", 0), 1e-12),
                () -> assertEquals("displacement velocity von_mises youngs_modulus", String.join(" ", read.get("arrays"))));
    }

    @Test
    void badFieldsDirectoriesAreRefusedWithOneLine(@TempDir Path directory) throws IOException {
        Path caseFile = smallCase(directory);
        Path file = directory.resolve("notes.txt");
        Files.writeString(file, "my notes");
        Path foreignXdmf = directory.resolve("theirs");
        Files.createDirectories(foreignXdmf);
        Files.writeString(foreignXdmf.resolve("fields.xdmf"), "<?xml version=\"1.0\"?>\n<Xdmf/>\n");
        Cli.Result intoFile = execute("solve", "--case", caseFile.toString(), "--out", directory.resolve("a.h5")
                .toString(), "--fields", file.toString());
        Cli.Result overXdmf = execute("solve", "--case", caseFile.toString(), "--out", directory.resolve("b.h5")
                .toString(), "--fields", foreignXdmf.toString());
        Cli.Result ontoOut = execute("solve", "--case", caseFile.toString(), "--out", directory.resolve("c/fields.h5")
                .toString(), "--fields", directory.resolve("c").toString());
        Cli.Result meshWithout = execute("solve", "--case", caseFile.toString(), "--fields-mesh", "zone");
        Cli.Result badMesh = execute("solve", "--case", caseFile.toString(), "--fields", directory.resolve("d")
                .toString(), "--fields-mesh", "cut");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, intoFile.exitCode()),
                () -> assertEquals("submodel-uq: error: --fields '" + file + "' is a file; a directory goes there",
                        intoFile.err().strip()),
                () -> assertEquals("my notes", Files.readString(file)),
                () -> assertEquals("submodel-uq: error: --fields '" + foreignXdmf.resolve("fields.xdmf") + "' exists "
                        + "and is not an XDMF file of submodel-uq; name another --fields (or move the file away)",
                        overXdmf.err().strip()),
                () -> assertEquals("submodel-uq: error: --fields '" + directory.resolve("c") + "' would put fields.h5 "
                        + "where --out writes; name another --fields", ontoOut.err().strip()),
                () -> assertEquals("submodel-uq: error: --fields-mesh would be ignored: no --fields is given",
                        meshWithout.err().strip()),
                () -> assertEquals("submodel-uq: error: --fields-mesh = 'cut' is not allowed: full or zone",
                        badMesh.err().strip()),
                () -> assertTrue(Files.notExists(directory.resolve("a.h5")), "refused before any work"));
    }
}
