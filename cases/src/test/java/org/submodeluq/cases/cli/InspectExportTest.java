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
import org.submodeluq.fem.spec.CaseFiles;

/**
 * {@code inspect --csv}, {@code --json} and {@code --case}: what pandas, Python's json and the case
 * reader read back is what the HDF5 file holds, as h5py reads it.
 */
class InspectExportTest {

    /** pandas against h5py for the tables of a Monte Carlo file, a training set and a comparison. */
    private static final String PANDAS = """
            import sys, h5py, numpy as np, pandas as pd
            mc_csv, mc, training_csv, training, comparison_csv, comparison = sys.argv[1:7]
            def largest(a, b):
                return repr(float(np.nanmax(np.abs(np.asarray(a, dtype=float) - np.asarray(b, dtype=float)))))
            def text(names):
                return [n.decode() if isinstance(n, bytes) else str(n) for n in names]
            with h5py.File(mc, "r") as f:
                qoi, names = f["qoi"][()], text(f["qoi"].attrs["names"])
            exact = pd.read_csv(mc_csv, float_precision="round_trip")
            default = pd.read_csv(mc_csv)
            print("mc_shape", *exact.shape)
            print("mc_columns", *exact.columns)
            print("mc_equal", bool(np.array_equal(exact[names].to_numpy(), qoi)))
            print("mc_default_parser", largest(default[names].to_numpy(), qoi))
            table = pd.read_csv(training_csv, float_precision="round_trip")
            with h5py.File(training, "r") as f:
                inputs, qoi = f["inputs"][()], f["qoi"][()]
                input_names, qoi_names = text(f["inputs"].attrs["names"]), text(f["qoi"].attrs["names"])
                test = f["splits/test"][()]
            print("training_shape", *table.shape)
            print("training_equal", bool(np.array_equal(table[input_names].to_numpy(), inputs)
                                         and np.array_equal(table[qoi_names].to_numpy(), qoi)))
            print("training_test_split", bool(np.array_equal(np.flatnonzero(table["split"] == "test"), test)))
            rows = pd.read_csv(comparison_csv, float_precision="round_trip")
            with h5py.File(comparison, "r") as f:
                metrics = text(f.attrs["metrics"])
                group = f["peak_von_mises"]
                candidates, values, lower = text(group.attrs["candidates"]), group["values"][()], group["lower"][()]
                sizes = group["sizes"][()]
            mine = rows[rows["quantity"] == "peak_von_mises"]
            print("comparison_rows", len(rows), len(candidates))
            print("comparison_candidates", bool(list(mine["candidate"]) == candidates))
            print("comparison_values", bool(np.array_equal(mine[metrics].to_numpy(), values, equal_nan=True)))
            print("comparison_lower", bool(np.array_equal(mine[[m + "_lower" for m in metrics]].to_numpy(), lower,
                                                          equal_nan=True)))
            print("comparison_sizes", bool(np.array_equal(mine["size"].to_numpy(), sizes)))
            """;

    /** Python's json against h5py for a Monte Carlo file's statistics. */
    private static final String JSON = """
            import sys, json, h5py, numpy as np
            statistics = json.load(open(sys.argv[1]))
            with h5py.File(sys.argv[2], "r") as f:
                s = f["statistics/peak_von_mises"]
                print("keys", *sorted(statistics))
                print("mean", statistics["peak_von_mises"]["mean"] == float(s.attrs["mean"]))
                print("n", statistics["peak_von_mises"]["n"] == int(s.attrs["n"]))
                print("quantiles", statistics["peak_von_mises"]["quantiles"] == [float(q) for q in s["quantiles"][()]])
            """;

    private static Map<String, String[]> lines(String output) {
        Map<String, String[]> lines = new HashMap<>();
        output.lines().map(line -> line.split(" ")).forEach(words -> lines.put(words[0],
                Arrays.copyOfRange(words, 1, words.length)));
        return lines;
    }

    private static Path printed(Path directory, String name, String... args) throws IOException {
        Cli.Result result = execute(args);
        assertEquals(0, result.exitCode(), result.err());
        return Files.writeString(directory.resolve(name), result.out());
    }

    @Test
    void pandasReadsTheTablesAsH5pyReadsTheDatasets(@TempDir Path directory) throws IOException {
        SmallCampaign campaign = SmallCampaign.files();
        Path mc = printed(directory, "mc.csv", "inspect", campaign.monteCarlo.toString(), "--csv");
        Path training = printed(directory, "training.csv", "inspect", campaign.training.toString(), "--csv");
        Path comparison = printed(directory, "comparison.csv", "inspect", campaign.comparison.toString(), "--csv");
        String python = ReferencePython.require("h5py", "numpy", "pandas");
        Map<String, String[]> read = lines(ReferencePython.run(python, PANDAS, mc.toString(),
                campaign.monteCarlo.toString(), training.toString(), campaign.training.toString(), comparison.toString(),
                campaign.comparison.toString()));
        System.out.printf("pandas against h5py: round_trip parser equal %s, default parser largest difference %s%n",
                read.get("mc_equal")[0], read.get("mc_default_parser")[0]);
        assertAll(
                () -> assertEquals("60 3", String.join(" ", read.get("mc_shape"))),
                () -> assertEquals("peak_centre_displacement peak_von_mises peak_strain_energy",
                        String.join(" ", read.get("mc_columns"))),
                () -> assertEquals("True", read.get("mc_equal")[0], "every sample, bit for bit"),
                () -> assertTrue(Double.parseDouble(read.get("mc_default_parser")[0]) <= 1e-15,
                        "pandas' default parser: " + read.get("mc_default_parser")[0]),
                () -> assertEquals("40 15", String.join(" ", read.get("training_shape")), "11 inputs, 3 quantities, split"),
                () -> assertEquals("True", read.get("training_equal")[0]),
                () -> assertEquals("True", read.get("training_test_split")[0]),
                () -> assertEquals("9 3", String.join(" ", read.get("comparison_rows")),
                        "noise floor, exact, pca-gaussian for each of 3 quantities"),
                () -> assertEquals("True", read.get("comparison_candidates")[0]),
                () -> assertEquals("True", read.get("comparison_values")[0]),
                () -> assertEquals("True", read.get("comparison_lower")[0]),
                () -> assertEquals("True", read.get("comparison_sizes")[0]));
    }

    @Test
    void jsonHoldsTheStatisticsOfAMonteCarloFile(@TempDir Path directory) throws IOException {
        SmallCampaign campaign = SmallCampaign.files();
        Path json = printed(directory, "statistics.json", "inspect", campaign.monteCarlo.toString(), "--json");
        String python = ReferencePython.require("h5py", "numpy");
        Map<String, String[]> read = lines(ReferencePython.run(python, JSON, json.toString(),
                campaign.monteCarlo.toString()));
        assertAll(
                () -> assertEquals("peak_centre_displacement peak_strain_energy peak_von_mises",
                        String.join(" ", read.get("keys"))),
                () -> assertEquals("True", read.get("mean")[0]),
                () -> assertEquals("True", read.get("n")[0]),
                () -> assertEquals("True", read.get("quantiles")[0]));
    }

    @Test
    void theRecordedCaseReadsBackAsTheCase() {
        SmallCampaign campaign = SmallCampaign.files();
        Cli.Result shown = execute("inspect", campaign.monteCarlo.toString(), "--case");
        assertAll(
                () -> assertEquals(0, shown.exitCode(), shown.err()),
                () -> assertEquals(CaseFiles.parse(SmallCampaign.CASE, "small.yaml"), CaseFiles.parse(shown.out(),
                        "shown")),
                () -> assertTrue(shown.out().contains("\n  nx: 40                      # default: 80\n"), shown.out()));
    }

    @Test
    void whatIsNotATableIsRefusedWithOneLine() {
        SmallCampaign campaign = SmallCampaign.files();
        String mc = campaign.monteCarlo.toString();
        Cli.Result group = execute("inspect", mc, "--csv", "--dataset", "/statistics");
        Cli.Result missing = execute("inspect", mc, "--csv", "--dataset", "/nothing");
        Cli.Result traces = execute("inspect", campaign.training.toString(), "--csv", "--dataset", "/traces");
        Cli.Result rows = execute("inspect", campaign.training.toString(), "--csv", "--dataset", "/qoi,/time");
        Cli.Result noCase = execute("inspect", campaign.comparison.toString(), "--case");
        Cli.Result both = execute("inspect", mc, "--csv", "--json");
        Cli.Result datasetAlone = execute("inspect", mc, "--dataset", "/qoi");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, group.exitCode()),
                () -> assertEquals("submodel-uq: error: --dataset '/statistics' is a group, not a table: --csv writes "
                        + "datasets of one or two dimensions (or a comparison's quantity); --json writes groups",
                        group.err().strip()),
                () -> assertEquals("submodel-uq: error: --dataset '/nothing' is not in '" + mc + "'; it holds "
                        + "/convergence (group), /qoi, /statistics (group)", missing.err().strip()),
                () -> assertEquals("submodel-uq: error: --dataset '/traces' has 4 dimensions [40, 22, 2, 50]: --csv "
                        + "writes datasets of one or two dimensions", traces.err().strip()),
                () -> assertEquals("submodel-uq: error: --dataset '/qoi' has 40 rows and '/time' 50: --csv puts "
                        + "datasets side by side only when their rows agree", rows.err().strip()),
                () -> assertEquals("submodel-uq: error: '" + campaign.comparison + "' records no case (a "
                        + "submodel-uq/comparison file keeps at most its case's name)", noCase.err().strip()),
                () -> assertEquals("submodel-uq: error: --csv and --json both choose what is printed: give one of them",
                        both.err().strip()),
                () -> assertEquals("submodel-uq: error: --dataset would be ignored: it names what --csv prints",
                        datasetAlone.err().strip()),
                () -> assertEquals("", group.out() + missing.out() + traces.out() + rows.out()));
    }
}
