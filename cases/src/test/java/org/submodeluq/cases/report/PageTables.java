package org.submodeluq.cases.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tables read back from the report's HTML and Markdown by text matching, as a reader's script would. */
final class PageTables {

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd]>(.*?)</t[hd]>", Pattern.DOTALL);

    private PageTables() {
    }

    /** The rows (the heading row first) of the table with this id, cells unescaped. */
    static List<List<String>> html(String page, String id) {
        int start = page.indexOf("<table id=\"" + id + "\">");
        if (start < 0) {
            throw new AssertionError("no table with id " + id);
        }
        String table = page.substring(start, page.indexOf("</table>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                        .replace("&#39;", "'").replace("&amp;", "&"));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The rows (the heading row first) of the first table after the line {@code heading}. */
    static List<List<String>> markdown(String text, String heading) {
        List<String> lines = Arrays.asList(text.split("\n"));
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new AssertionError("no line '" + heading + "'");
        }
        List<List<String>> rows = new ArrayList<>();
        int line = at + 1;
        while (line < lines.size() && !lines.get(line).startsWith("|")) {
            line++;
        }
        for (; line < lines.size() && lines.get(line).startsWith("|"); line++) {
            if (!lines.get(line).startsWith("|---")) {
                String row = lines.get(line);
                rows.add(Arrays.asList(row.substring(2, row.length() - 2).split(" \\| ", -1)));
            }
        }
        return rows;
    }
}
