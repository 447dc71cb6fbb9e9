package org.submodeluq.montecarlo.multifidelity;

import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * A {@link MultifidelityReport} in HDF5, read back whole so that the report and later commands print it
 * through the same code.
 *
 * <pre>
 * /                    format, format_version, case_name, level, surrogates; full_run_seconds and
 *                      surrogate_seconds when measured; reference_runs when checked
 * /QUANTITY            attributes pairs, cheap_sizes, threshold
 * /QUANTITY/mean       [estimate, standard error, lower, upper] of: multifidelity, full runs only, each surrogate
 * /QUANTITY/exceedance [estimate, standard error, lower, upper] of: multifidelity, full runs only (its standard
 *                      error NaN: a Wilson interval)
 * /QUANTITY/weights, correlations (one per surrogate); attribute variance_reduction on /QUANTITY
 * /QUANTITY/reference  [mean, standard error, exceedance] when checked
 * </pre>
 */
public final class MultifidelityFile {

    /** Value of the {@code format} attribute. */
    public static final String FORMAT = "submodel-uq/multifidelity";
    /** Current layout version. */
    public static final int VERSION = 1;

    private MultifidelityFile() {
    }

    /** Writes the report atomically. */
    public static void write(Path path, MultifidelityReport report) {
        Hdf5Files.writeAtomically(path, FORMAT, VERSION, file -> {
            file.putAttribute("case_name", report.caseName());
            file.putAttribute("level", report.level());
            file.putAttribute("surrogates", report.surrogates().toArray(new String[0]));
            if (report.costs() != null) {
                file.putAttribute("full_run_seconds", report.costs().fullRun());
                file.putAttribute("surrogate_seconds", report.costs().surrogates());
            }
            if (report.reference() != null) {
                file.putAttribute("reference_runs", report.reference().runs());
            }
            for (int q = 0; q < report.quantities().size(); q++) {
                QuantityEstimate estimate = report.quantities().get(q);
                WritableGroup group = file.putGroup(estimate.quantity());
                group.putAttribute("pairs", estimate.pairs());
                group.putAttribute("cheap_sizes", estimate.cheapSizes());
                group.putAttribute("threshold", estimate.threshold());
                group.putAttribute("variance_reduction", estimate.mean().varianceReduction());
                List<double[]> means = new ArrayList<>();
                means.add(row(estimate.mean().estimate(), estimate.mean().standardError(), estimate.mean().interval()));
                means.add(row(estimate.fullRunsMean().estimate(), estimate.fullRunsMean().standardError(),
                        estimate.fullRunsMean().interval()));
                estimate.surrogateMeans().forEach(m -> means.add(row(m.estimate(), m.standardError(), m.interval())));
                group.putDataset("mean", means.toArray(double[][]::new));
                group.putDataset("exceedance", new double[][] {
                        row(estimate.exceedance().estimate(), estimate.exceedance().standardError(),
                                estimate.exceedanceInterval()),
                        row(estimate.fullRunsExceedance(), Double.NaN, estimate.fullRunsExceedanceInterval())});
                group.putDataset("weights", estimate.mean().weights());
                group.putDataset("correlations", estimate.mean().correlations());
                if (report.reference() != null) {
                    MultifidelityReport.Reference reference = report.reference();
                    group.putDataset("reference", new double[] {reference.means()[q], reference.standardErrors()[q],
                            reference.exceedances()[q]});
                }
            }
        });
    }

    /** Reads a report back; {@code quantities} names the groups, in order. */
    public static MultifidelityReport read(Path path, List<String> quantities) {
        try (HdfFile file = Hdf5Files.open(path, FORMAT, VERSION, "multifidelity estimate")) {
            List<String> surrogates = List.of((String[]) file.getAttribute("surrogates").getData());
            double level = number(file.getAttribute("level").getData());
            List<QuantityEstimate> estimates = new ArrayList<>();
            double[][] reference = new double[quantities.size()][];
            for (int q = 0; q < quantities.size(); q++) {
                String name = quantities.get(q);
                var group = file.getByPath(name);
                double[][] mean = (double[][]) file.getDatasetByPath(name + "/mean").getData();
                double[][] exceedance = (double[][]) file.getDatasetByPath(name + "/exceedance").getData();
                double[] weights = (double[]) file.getDatasetByPath(name + "/weights").getData();
                double[] correlations = (double[]) file.getDatasetByPath(name + "/correlations").getData();
                double reduction = number(group.getAttribute("variance_reduction").getData());
                List<PlainEstimate> alone = new ArrayList<>();
                for (int k = 0; k < surrogates.size(); k++) {
                    alone.add(plain(mean[2 + k]));
                }
                estimates.add(new QuantityEstimate(name, (int) number(group.getAttribute("pairs").getData()),
                        (int[]) group.getAttribute("cheap_sizes").getData(),
                        new ControlVariateEstimate(mean[0][0], mean[0][1], interval(mean[0]), weights, correlations,
                                reduction), plain(mean[1]), alone, number(group.getAttribute("threshold").getData()),
                        new ControlVariateEstimate(exceedance[0][0], exceedance[0][1],
                                new Interval(Double.NaN, Double.NaN), weights, correlations, Double.NaN),
                        interval(exceedance[0]), exceedance[1][0], interval(exceedance[1])));
                if (file.getAttribute("reference_runs") != null) {
                    reference[q] = (double[]) file.getDatasetByPath(name + "/reference").getData();
                }
            }
            MultifidelityReport.Reference checked = file.getAttribute("reference_runs") == null ? null
                    : new MultifidelityReport.Reference((int) number(file.getAttribute("reference_runs").getData()),
                    column(reference, 0), column(reference, 1), column(reference, 2));
            MultifidelityReport.Costs costs = file.getAttribute("full_run_seconds") == null ? null
                    : new MultifidelityReport.Costs(number(file.getAttribute("full_run_seconds").getData()),
                    (double[]) file.getAttribute("surrogate_seconds").getData());
            return new MultifidelityReport((String) file.getAttribute("case_name").getData(), surrogates, estimates,
                    checked, costs, level);
        }
    }

    private static double[] row(double estimate, double standardError, Interval interval) {
        return new double[] {estimate, standardError, interval.lower(), interval.upper()};
    }

    private static PlainEstimate plain(double[] row) {
        return new PlainEstimate(row[0], row[1], interval(row));
    }

    private static Interval interval(double[] row) {
        return new Interval(row[2], row[3]);
    }

    private static double[] column(double[][] rows, int c) {
        return Arrays.stream(rows).mapToDouble(row -> row[c]).toArray();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
