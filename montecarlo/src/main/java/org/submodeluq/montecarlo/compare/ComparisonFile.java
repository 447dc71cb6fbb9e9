package org.submodeluq.montecarlo.compare;

import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.fem.io.Hdf5Files;
import org.submodeluq.fem.model.QuantitiesOfInterest;
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
 * </pre>
 */
public final class ComparisonFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/comparison";
    /** Current layout version. */
    public static final int VERSION = 1;

    private ComparisonFile() {
    }

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
        });
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
