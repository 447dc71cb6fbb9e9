package org.submodeluq.montecarlo.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * The comparison of Monte Carlo results with reference full runs: per quantity, the noise floor, the
 * exact replay and each candidate, every metric with its bootstrap interval.
 *
 * @param caseName the case compared
 * @param referenceRuns how many reference (test split) runs
 * @param exactMaxRelativeError per quantity, the exact replay's worst relative error over the runs
 * @param level the bootstrap intervals' confidence level
 * @param resamples bootstrap resamples per interval
 * @param perInput conditional generators' traces against the full runs at the same inputs, pair by pair
 */
public record ComparisonReport(String caseName, int referenceRuns, double[] exactMaxRelativeError,
                               List<ComparisonRow> rows, double level, int resamples,
                               List<PerInputFidelity> perInput) {

    /** The exact replay's largest relative error that still means "the same model". */
    public static final double EXACT_TOLERANCE = 1e-8;

    public ComparisonReport {
        exactMaxRelativeError = exactMaxRelativeError.clone();
        rows = List.copyOf(rows);
        perInput = List.copyOf(perInput);
    }

    /** The same report with these per-input rows. */
    public ComparisonReport withPerInput(List<PerInputFidelity> rows) {
        return new ComparisonReport(caseName, referenceRuns, exactMaxRelativeError, this.rows, level, resamples, rows);
    }

    @Override
    public double[] exactMaxRelativeError() {
        return exactMaxRelativeError.clone();
    }

    /** The table for a terminal: one aligned block per quantity. */
    public String text() {
        StringBuilder out = new StringBuilder(intro()).append("\n");
        for (String quantity : QuantitiesOfInterest.NAMES) {
            List<String[]> table = new ArrayList<>();
            table.add(headings());
            for (ComparisonRow row : rowsOf(quantity)) {
                table.add(cells(row));
            }
            out.append("\n").append(quantity).append("\n");
            int[] widths = new int[table.get(0).length];
            for (String[] line : table) {
                for (int c = 0; c < line.length; c++) {
                    widths[c] = Math.max(widths[c], line[c].length());
                }
            }
            for (String[] line : table) {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < line.length; c++) {
                    text.append(c == 0 ? String.format("%-" + widths[c] + "s", line[c])
                            : String.format("  %" + widths[c] + "s", line[c]));
                }
                out.append(text.toString().stripTrailing()).append("\n");
            }
        }
        if (!perInput.isEmpty()) {
            out.append("\n").append(PER_INPUT_INTRO).append("\n");
            for (PerInputFidelity row : perInput) {
                out.append(String.join("  ", perInputCells(row))).append("\n");
            }
        }
        return out.toString();
    }

    /** The same tables in Markdown. */
    public String markdown() {
        StringBuilder out = new StringBuilder(intro()).append("\n");
        for (String quantity : QuantitiesOfInterest.NAMES) {
            out.append("\n**").append(quantity).append("**\n\n");
            String[] headings = headings();
            out.append("| ").append(String.join(" | ", headings)).append(" |\n");
            out.append("|---".repeat(headings.length)).append("|\n");
            for (ComparisonRow row : rowsOf(quantity)) {
                out.append("| ").append(String.join(" | ", cells(row))).append(" |\n");
            }
        }
        if (!perInput.isEmpty()) {
            out.append("\n**Per input**\n\n").append(PER_INPUT_INTRO).append("\n\n");
            String[] headings = perInputHeadings();
            out.append("| ").append(String.join(" | ", headings)).append(" |\n");
            out.append("|---".repeat(headings.length)).append("|\n");
            for (PerInputFidelity row : perInput) {
                out.append("| ").append(String.join(" | ", perInputCells(row))).append(" |\n");
            }
        }
        return out.toString();
    }

    /** What the per-input rows are. */
    public static final String PER_INPUT_INTRO = "Per input: the submodel under a conditional generator's traces "
            + "against the full run at the same inputs, run by run (relative RMS error, correlation, mean bias). "
            + "Runs a generator was fitted on appear only through cross-fitted predictions, from fits that left them out.";

    /** The column headings of the per-input table. */
    public static String[] perInputHeadings() {
        List<String> headings = new ArrayList<>(List.of("candidate", "runs"));
        QuantitiesOfInterest.NAMES.forEach(name -> headings.add(name + ": rel. RMS / corr. / bias"));
        return headings.toArray(new String[0]);
    }

    /** A per-input row's cells, as every format of the table prints them. */
    public static String[] perInputCells(PerInputFidelity row) {
        List<String> cells = new ArrayList<>(List.of(row.candidate(), String.valueOf(row.runs())));
        for (int q = 0; q < row.correlation().length; q++) {
            cells.add(String.format(Locale.ROOT, "%.3f / %.3f / %+.1f%%", row.relativeRmsError()[q],
                    row.correlation()[q], 100 * row.meanBias()[q]));
        }
        return cells.toArray(new String[0]);
    }

    /** The rows of one quantity: noise floor, exact, then the candidates in the order given. */
    public List<ComparisonRow> rowsOf(String quantity) {
        return rows.stream().filter(row -> row.quantity().equals(quantity)).toList();
    }

    /** The paragraph above the tables: what the rows and brackets mean, and the exact replay's errors. */
    public String intro() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Case %s: each quantity's distribution against %d reference full runs (test split). Relative errors "
                        + "are (candidate - reference) / reference; brackets: %.0f %% bootstrap intervals (%d resamples). "
                        + "The noise floor compares the two halves of the reference runs, %d against %d: two samples of "
                        + "one distribution differ by that much. A candidate of many samples against all %d runs has "
                        + "about half that sampling noise.\nExact replay (test traces through the submodel), worst "
                        + "relative error per run:", caseName, referenceRuns, 100 * level, resamples,
                (referenceRuns + 1) / 2, referenceRuns / 2, referenceRuns));
        for (int q = 0; q < exactMaxRelativeError.length; q++) {
            text.append(String.format(Locale.ROOT, " %s %.1e%s", QuantitiesOfInterest.NAMES.get(q),
                    exactMaxRelativeError[q], q + 1 < exactMaxRelativeError.length ? "," : ""));
        }
        if (Arrays.stream(exactMaxRelativeError).anyMatch(error -> !(error <= EXACT_TOLERANCE))) {
            text.append(String.format(Locale.ROOT, "%nWARNING: the exact replay misses the reference by more than "
                    + "%.0e: the submodel does not reproduce these full runs (another discretisation or solver?), so "
                    + "the rows below mix generator error with model error.", EXACT_TOLERANCE));
        }
        return text.toString();
    }

    /** The column headings of every quantity's table. */
    public static String[] headings() {
        List<String> headings = new ArrayList<>(List.of("candidate", "n"));
        for (Metric metric : Metric.values()) {
            headings.add(metric.heading() + (metric.relativeError() ? " err" : ""));
        }
        return headings.toArray(new String[0]);
    }

    /** A row's cells, as every format of the table prints them. */
    public static String[] cells(ComparisonRow row) {
        List<String> cells = new ArrayList<>(List.of(row.candidate(), String.valueOf(row.candidateSize())));
        for (Metric metric : Metric.values()) {
            cells.add(cell(metric, row.value(metric), row.interval(metric)));
        }
        return cells.toArray(new String[0]);
    }

    private static String cell(Metric metric, double value, Interval interval) {
        if (metric.relativeError()) {
            String text = String.format(Locale.ROOT, "%+.1f%%", 100 * value);
            return interval == null ? text : text + String.format(Locale.ROOT, " [%+.1f, %+.1f]",
                    100 * interval.lower(), 100 * interval.upper());
        }
        String text = String.format(Locale.ROOT, metric == Metric.KS_P ? "%.2g" : "%.3f", value);
        return interval == null ? text : text + String.format(Locale.ROOT, " [%.3f, %.3f]", interval.lower(),
                interval.upper());
    }
}
