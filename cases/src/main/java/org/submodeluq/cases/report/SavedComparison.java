package org.submodeluq.cases.report;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.fem.io.Hdf5Files;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.spec.CaseException;
import org.submodeluq.montecarlo.compare.ComparisonFile;
import org.submodeluq.montecarlo.compare.ComparisonReport;
import org.submodeluq.montecarlo.compare.ComparisonRow;
import org.submodeluq.montecarlo.compare.Metric;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * A comparison read back from the layout {@link ComparisonFile} writes, so that the report prints it
 * through {@link ComparisonReport}'s own formatting; a NaN bound there means "no interval".
 *
 * @param toolVersion the submodel-uq version that wrote the file
 */
record SavedComparison(ComparisonReport report, String toolVersion) {

    static SavedComparison read(Path path) {
        try (HdfFile file = Hdf5Files.open(path, ComparisonFile.FORMAT, ComparisonFile.VERSION, "comparison")) {
            String[] metrics = (String[]) file.getAttribute("metrics").getData();
            String[] known = Arrays.stream(Metric.values()).map(Metric::key).toArray(String[]::new);
            if (!Arrays.equals(metrics, known)) {
                throw new CaseException("'" + path + "' holds the metrics " + Arrays.toString(metrics)
                        + "; this build knows " + Arrays.toString(known));
            }
            List<ComparisonRow> rows = new ArrayList<>();
            for (String quantity : QuantitiesOfInterest.NAMES) {
                Node group = file.getByPath(quantity);
                String[] candidates = (String[]) group.getAttribute("candidates").getData();
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
            ComparisonReport report = new ComparisonReport((String) file.getAttribute("case_name").getData(),
                    number(file, "reference_runs").intValue(), (double[]) data(file, "exact_max_relative_error"),
                    rows, number(file, "level").doubleValue(), number(file, "resamples").intValue());
            return new SavedComparison(report, (String) file.getAttribute("tool_version").getData());
        }
    }

    private static Object data(HdfFile file, String path) {
        return file.getDatasetByPath(path).getData();
    }

    private static Number number(HdfFile file, String attribute) {
        return (Number) file.getAttribute(attribute).getData();
    }
}
