package org.submodeluq.cases.report;

import java.util.ArrayList;
import java.util.List;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.compare.ComparisonReport;
import org.submodeluq.montecarlo.compare.ComparisonRow;

/**
 * The comparison's introduction and one {@link Table} per quantity (id {@code comparison-QUANTITY}),
 * with the headings and cells {@link ComparisonReport} gives every format: the report prints what
 * {@code compare} prints, and formats none of it itself.
 *
 * @param intro the paragraph above the tables: what the rows and brackets mean, the exact replay's errors
 * @param quantities the quantities, in the order of {@code tables}
 * @param perInput the conditional generators' per-input table (id {@code per-input}), or null when the
 *     comparison has none
 */
record ComparisonTables(String intro, List<String> quantities, List<Table> tables, Table perInput) {

    /** The HTML id of a quantity's table. */
    static String id(String quantity) {
        return "comparison-" + quantity;
    }

    static ComparisonTables of(ComparisonReport report) {
        List<Table> tables = new ArrayList<>();
        for (String quantity : QuantitiesOfInterest.NAMES) {
            List<List<String>> rows = new ArrayList<>();
            for (ComparisonRow row : report.rowsOf(quantity)) {
                rows.add(List.of(ComparisonReport.cells(row)));
            }
            tables.add(new Table(id(quantity), List.of(ComparisonReport.headings()), rows));
        }
        Table perInput = report.perInput().isEmpty() ? null : new Table("per-input",
                List.of(ComparisonReport.perInputHeadings()), report.perInput().stream()
                .map(row -> List.of(ComparisonReport.perInputCells(row))).toList());
        return new ComparisonTables(report.intro(), QuantitiesOfInterest.NAMES, tables, perInput);
    }
}
