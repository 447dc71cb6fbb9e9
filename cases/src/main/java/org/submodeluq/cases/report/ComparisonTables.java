package org.submodeluq.cases.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.montecarlo.compare.ComparisonReport;

/**
 * The comparison as {@link ComparisonReport#markdown()} formats it, cut into its introduction and one
 * {@link Table} per quantity (id {@code comparison-QUANTITY}): the report prints the cells that
 * {@code compare} prints, and formats none of them itself.
 *
 * @param intro the paragraph above the tables: what the rows and brackets mean, the exact replay's errors
 * @param quantities the quantities, in the order of {@code tables}
 */
record ComparisonTables(String intro, List<String> quantities, List<Table> tables) {

    /** The HTML id of a quantity's table. */
    static String id(String quantity) {
        return "comparison-" + quantity;
    }

    static ComparisonTables of(ComparisonReport report) {
        List<String> intro = new ArrayList<>();
        List<String> quantities = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<String> headings = null;
        List<List<String>> rows = new ArrayList<>();
        for (String line : report.markdown().split("\n")) {
            if (line.startsWith("**") && line.endsWith("**") && line.length() > 4) {
                if (headings != null) {
                    tables.add(new Table(id(quantities.get(quantities.size() - 1)), headings, rows));
                }
                quantities.add(line.substring(2, line.length() - 2));
                headings = null;
                rows = new ArrayList<>();
            } else if (line.startsWith("| ") && !quantities.isEmpty()) {
                // a row; the |---| separator does not start with "| "
                List<String> cells = Arrays.asList(line.substring(2, line.length() - 2).split(" \\| ", -1));
                if (headings == null) {
                    headings = cells;
                } else {
                    rows.add(cells);
                }
            } else if (quantities.isEmpty() && !line.isBlank()) {
                intro.add(line);
            }
        }
        if (headings != null) {
            tables.add(new Table(id(quantities.get(quantities.size() - 1)), headings, rows));
        }
        return new ComparisonTables(String.join("\n", intro), quantities, tables);
    }
}
