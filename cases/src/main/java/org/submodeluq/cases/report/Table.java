package org.submodeluq.cases.report;

import java.util.List;

/**
 * A table of already formatted cells, written the same way into the HTML and the Markdown report, so
 * that both show the same text.
 *
 * @param id the HTML id, by which tests and readers find the table
 */
record Table(String id, List<String> headings, List<List<String>> rows) implements Block {

    Table {
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headings.size()) {
                throw new IllegalArgumentException("table " + id + ": a row of " + row.size() + " cells under "
                        + headings.size() + " headings: " + row);
            }
        }
    }

    @Override
    public String html() {
        StringBuilder out = new StringBuilder("<table id=\"").append(Html.escape(id)).append("\">\n<thead><tr>");
        headings.forEach(heading -> out.append("<th>").append(Html.escape(heading)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    @Override
    public String markdown() {
        StringBuilder out = new StringBuilder(line(headings)).append("|---".repeat(headings.size())).append("|\n");
        rows.forEach(row -> out.append(line(row)));
        return out.toString();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|")).toList()) + " |\n";
    }
}
