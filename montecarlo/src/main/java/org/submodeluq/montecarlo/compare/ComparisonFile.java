package org.submodeluq.montecarlo.compare;

import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.core.UserInputException;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * A comparison in HDF5 ({@code format = submodel-uq/comparison}, version 1). Layout:
 * <pre>
 * /                          attributes: format, format_version, tool, tool_version, case_name,
 *                            reference_runs, level, resamples, metrics
 * /exact_max_relative_error  (q)  attribute names
 * /NAME                      one group per quantity; attribute candidates (row names)
 * /NAME/values               (rows, metrics)
 * /NAME/lower, /NAME/upper   (rows, metrics)  bootstrap interval; NaN where none
 * /NAME/sizes                (rows)           samples per candidate
 * /NAME/reference_sizes      (rows)           reference runs each row compares with
 * /per_input                 when conditional generators were compared run by run; attribute candidates
 * /per_input/runs            (rows)
 * /per_input/relative_rms_error, correlation, mean_bias   (rows, q)
 * </pre>
 */
public final class ComparisonFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/comparison";
    /** Current layout version. */
    public static final int VERSION = 1;

    private ComparisonFile() {
    }

    /** Writes the report atomically. */
    public static void write(Path path, ComparisonReport report) {
        Metric[] metrics = Metric.values();
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            file.putAttribute("case_name", report.caseName());
            file.putAttribute("reference_runs", report.referenceRuns());
            file.putAttribute("level", report.level());
            file.putAttribute("resamples", report.resamples());
            file.putAttribute("metrics", Arrays.stream(metrics).map(Metric::key).toArray(String[]::new));
            file.putDataset("exact_max_relative_error", report.exactMaxRelativeError())
                    .putAttribute("names", QuantitiesOfInterest.NAMES.toArray(new String[0]));
            for (String quantity : QuantitiesOfInterest.NAMES) {
                List<ComparisonRow> rows = report.rowsOf(quantity);
                WritableGroup group = file.putGroup(quantity);
                group.putAttribute("candidates", rows.stream().map(ComparisonRow::candidate).toArray(String[]::new));
                group.putDataset("values", rows.stream().map(ComparisonRow::values).toArray(double[][]::new));
                group.putDataset("lower", bounds(rows, true));
                group.putDataset("upper", bounds(rows, false));
                group.putDataset("sizes", rows.stream().mapToInt(ComparisonRow::candidateSize).toArray());
                group.putDataset("reference_sizes", rows.stream().mapToInt(ComparisonRow::referenceSize).toArray());
            }
            if (!report.perInput().isEmpty()) {
                List<PerInputFidelity> perInput = report.perInput();
                WritableGroup group = file.putGroup("per_input");
                group.putAttribute("candidates", perInput.stream().map(PerInputFidelity::candidate)
                        .toArray(String[]::new));
                group.putDataset("runs", perInput.stream().mapToInt(PerInputFidelity::runs).toArray());
                group.putDataset("relative_rms_error", perInput.stream().map(PerInputFidelity::relativeRmsError)
                        .toArray(double[][]::new));
                group.putDataset("correlation", perInput.stream().map(PerInputFidelity::correlation)
                        .toArray(double[][]::new));
                group.putDataset("mean_bias", perInput.stream().map(PerInputFidelity::meanBias)
                        .toArray(double[][]::new));
            }
        });
    }

    /**
     * Reads a comparison back, so that it prints through {@link ComparisonReport}'s own formatting; a NaN
     * bound in the file means "no interval".
     *
     * @throws UserInputException when the file is not a comparison of this version, or holds other metrics
     */
    public static ComparisonReport read(Path path) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "comparison")) {
            String[] metrics = (String[]) file.getAttribute("metrics").getData();
            String[] known = Arrays.stream(Metric.values()).map(Metric::key).toArray(String[]::new);
            if (!Arrays.equals(metrics, known)) {
                throw new UserInputException("'" + path + "' holds the metrics " + Arrays.toString(metrics)
                        + "; this build knows " + Arrays.toString(known));
            }
            List<ComparisonRow> rows = new ArrayList<>();
            for (String quantity : QuantitiesOfInterest.NAMES) {
                String[] candidates = (String[]) file.getByPath(quantity).getAttribute("candidates").getData();
                double[][] values = (double[][]) data(file, quantity + "/values");
                double[][] lower = (double[][]) data(file, quantity + "/lower");
                double[][] upper = (double[][]) data(file, quantity + "/upper");
                int[] sizes = (int[]) data(file, quantity + "/sizes");
                int[] referenceSizes = (int[]) data(file, quantity + "/reference_sizes");
                for (int r = 0; r < candidates.length; r++) {
                    Interval[] intervals = new Interval[metrics.length];
                    for (int m = 0; m < metrics.length; m++) {
                        intervals[m] = Double.isNaN(lower[r][m]) ? null : new Interval(lower[r][m], upper[r][m]);
                    }
                    rows.add(new ComparisonRow(candidates[r], quantity, referenceSizes[r], sizes[r], values[r],
                            intervals));
                }
            }
            List<PerInputFidelity> perInput = new ArrayList<>();
            if (file.getChild("per_input") != null) {
                String[] candidates = (String[]) file.getByPath("per_input").getAttribute("candidates").getData();
                int[] runs = (int[]) data(file, "per_input/runs");
                double[][] error = (double[][]) data(file, "per_input/relative_rms_error");
                double[][] correlation = (double[][]) data(file, "per_input/correlation");
                double[][] bias = (double[][]) data(file, "per_input/mean_bias");
                for (int r = 0; r < candidates.length; r++) {
                    perInput.add(new PerInputFidelity(candidates[r], runs[r], error[r], correlation[r], bias[r]));
                }
            }
            return new ComparisonReport((String) file.getAttribute("case_name").getData(),
                    number(file, "reference_runs").intValue(), (double[]) data(file, "exact_max_relative_error"),
                    rows, number(file, "level").doubleValue(), number(file, "resamples").intValue(), perInput);
        }
    }

    private static Object data(HdfFile file, String path) {
        return file.getDatasetByPath(path).getData();
    }

    private static Number number(HdfFile file, String attribute) {
        return (Number) file.getAttribute(attribute).getData();
    }

    private static double[][] bounds(List<ComparisonRow> rows, boolean lower) {
        return rows.stream().map(row -> Arrays.stream(row.intervals())
                .mapToDouble(interval -> interval == null ? Double.NaN : bound(interval, lower)).toArray())
                .toArray(double[][]::new);
    }

    private static double bound(Interval interval, boolean lower) {
        return lower ? interval.lower() : interval.upper();
    }
}
