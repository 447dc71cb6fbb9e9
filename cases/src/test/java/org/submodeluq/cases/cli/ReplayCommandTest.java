package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.testing.ReferencePython;

/**
 * {@code replay}: a Monte Carlo sample run again shows, on the zone's cut boundaries, the traces its
 * generator drew for it, and inside the zone the peak stress the file records.
 */
class ReplayCommandTest {

    /**
     * Reads the replayed fields with meshio, the sample's traces as {@code sample} drew them and its
     * quantities from the Monte Carlo file with h5py; prints how they agree.
     */
    private static final String MESHIO = """
            import sys, h5py, meshio, numpy as np
            xdmf, samples, mc, index = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
            with meshio.xdmf.TimeSeriesReader(xdmf) as reader:
                points, cells = reader.read_points_cells()
                data = [reader.read_data(k) for k in range(reader.num_steps)]
            u = np.stack([point["displacement"] for _, point, _ in data])      # (steps, nodes, 3)
            vm = np.stack([cell["von_mises"][0] for _, _, cell in data])        # (steps, cells)
            with h5py.File(samples, "r") as f:
                traces = f["samples"][index]                                   # (nodes, 2, steps)
            with h5py.File(mc, "r") as f:
                qoi = f["qoi"][index]
            def edge(x):
                nodes = [n for n in range(len(points)) if abs(points[n, 0] - x) < 1e-9]
                return sorted(nodes, key=lambda n: points[n, 1])
            cut = edge(points[:, 0].min()) + edge(points[:, 0].max())
            print("points", len(points))
            print("steps", len(data))
            print("trace_error", repr(float(np.max(np.abs(np.transpose(u[:, cut, :2], (1, 2, 0)) - traces)))))
            print("largest_trace", repr(float(np.max(np.abs(traces)))))
            print("peak_von_mises", repr(float(vm.max())), repr(float(qoi[1])))
            """;

    private static Map<String, String[]> replayed(Path fields, SmallCampaign campaign, long index) {
        String python = ReferencePython.require("h5py", "numpy", "meshio");
        Map<String, String[]> lines = new HashMap<>();
        ReferencePython.run(python, MESHIO, fields.resolve("fields.xdmf").toString(), campaign.samples.toString(),
                campaign.monteCarlo.toString(), String.valueOf(index)).lines().map(line -> line.split(" "))
                .forEach(words -> lines.put(words[0], Arrays.copyOfRange(words, 1, words.length)));
        return lines;
    }

    private static double number(Map<String, String[]> lines, String key, int position) {
        return Double.parseDouble(lines.get(key)[position]);
    }

    @Test
    void aSampleOfTheShortLastBatchShowsItsTracesAndItsPeakStress(@TempDir Path directory) {
        SmallCampaign campaign = SmallCampaign.files();
        Path fields = directory.resolve("sample-55");
        Cli.Result result = execute("replay", "--mc", campaign.monteCarlo.toString(), "--generator",
                campaign.generator.toString(), "--sample", "55", "--fields", fields.toString());
        assertEquals(0, result.exitCode(), result.err());
        Map<String, String[]> read = replayed(fields, campaign, 55);
        System.out.printf("replayed sample 55 against its drawn traces: %s (largest trace %s); peak von Mises %s "
                + "against %s%n", read.get("trace_error")[0], read.get("largest_trace")[0], read.get("peak_von_mises")[0],
                read.get("peak_von_mises")[1]);
        assertAll(
                () -> assertTrue(result.out().contains("the replay gives back the file's quantities (largest relative "
                        + "difference 0.0e+00)"), result.out()),
                () -> assertEquals("99", read.get("points")[0], "the zone's 9 x 11 nodes"),
                () -> assertEquals("50", read.get("steps")[0]),
                () -> assertEquals(0, number(read, "trace_error", 0), 1e-12 * number(read, "largest_trace", 0)),
                () -> assertTrue(number(read, "largest_trace", 0) > 1e-4, "the sample's traces move"),
                () -> assertEquals(number(read, "peak_von_mises", 1), number(read, "peak_von_mises", 0),
                        1e-12 * number(read, "peak_von_mises", 1)));
    }

    @Test
    void aQuantileChoosesTheSampleOfThatRank(@TempDir Path directory) {
        SmallCampaign campaign = SmallCampaign.files();
        Path fields = directory.resolve("p95");
        Cli.Result result = execute("replay", "--mc", campaign.monteCarlo.toString(), "--generator",
                campaign.generator.toString(), "--quantile", "peak_von_mises=0.95", "--fields", fields.toString(),
                "--fields-every", "5");
        assertEquals(0, result.exitCode(), result.err());
        String python = ReferencePython.require("h5py", "numpy");
        String[] expected = ReferencePython.run(python, """
                import sys, h5py, numpy as np
                with h5py.File(sys.argv[1], "r") as f:
                    vm = f["qoi"][:, 1]
                index = int(np.argsort(vm, kind="stable")[round(0.95 * (len(vm) - 1))])
                print(index, "%.6e" % vm[index])
                """, campaign.monteCarlo.toString()).strip().split(" ");
        assertAll(
                () -> assertTrue(result.out().startsWith("the peak_von_mises quantile 0.95 of 60 samples is sample "
                        + expected[0] + " (peak_von_mises = " + expected[1] + ")\n"), result.out()),
                () -> assertTrue(result.out().contains("wrote 10 steps of fields on the zone mesh (99 nodes, 160 cells)"),
                        result.out()));
    }

    @Test
    void badChoicesAreRefusedWithOneLine(@TempDir Path directory) {
        SmallCampaign campaign = SmallCampaign.files();
        String mc = campaign.monteCarlo.toString();
        String generator = campaign.generator.toString();
        Cli.Result outOfRange = execute("replay", "--mc", mc, "--generator", generator, "--sample", "60");
        Cli.Result both = execute("replay", "--mc", mc, "--generator", generator, "--sample", "1", "--quantile",
                "peak_von_mises=0.5");
        Cli.Result unknown = execute("replay", "--mc", mc, "--generator", generator, "--quantile", "peak=0.5");
        Cli.Result notMonteCarlo = execute("replay", "--mc", campaign.training.toString(), "--generator", generator,
                "--sample", "1");
        Cli.Result intoGenerator = execute("replay", "--mc", mc, "--generator", generator, "--sample", "1",
                "--fields", generator.toString());
        Path other = directory.resolve("other");
        assertEquals(0, execute("train", "--data", campaign.training.toString(), "--model", "pca-gaussian",
                "--components", "3", "--out", other.toString(), "--quiet").exitCode());
        Cli.Result otherGenerator = execute("replay", "--mc", mc, "--generator", other.toString(), "--sample", "1");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, outOfRange.exitCode()),
                () -> assertEquals("submodel-uq: error: --sample = 60 is out of range: '" + mc + "' holds samples 0 to 59",
                        outOfRange.err().strip()),
                () -> assertEquals("", outOfRange.out()),
                () -> assertEquals("submodel-uq: error: --sample and --quantile both choose the sample: give one of them",
                        both.err().strip()),
                () -> assertEquals("submodel-uq: error: --quantile peak=0.5 names no quantity of interest; allowed: "
                        + "peak_centre_displacement, peak_von_mises, peak_strain_energy", unknown.err().strip()),
                () -> assertEquals("submodel-uq: error: '" + campaign.training + "' is not a submodel-uq Monte Carlo file "
                        + "(format attribute: submodel-uq/training-set)", notMonteCarlo.err().strip()),
                () -> assertEquals("submodel-uq: error: --fields '" + generator + "' is a generator directory (it holds "
                        + "manifest.json); name another --fields", intoGenerator.err().strip()),
                () -> assertEquals(SubmodelUq.USER_ERROR, otherGenerator.exitCode()),
                () -> assertTrue(otherGenerator.err().endsWith("submodel-uq: error: --generator is not the pca-gaussian "
                        + "generator that drew the samples of '" + mc + "' (its manifest differs from the one the file "
                        + "records): name the generator directory the campaign used\n"), otherGenerator.err()));
    }
}
