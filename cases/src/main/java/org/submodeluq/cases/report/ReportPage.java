package org.submodeluq.cases.report;

import java.util.List;

/** The report's blocks as one HTML page (inline style, no script) and as one Markdown file. */
final class ReportPage {

    private static final String STYLE = """
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
                   max-width: 1400px; margin: 2em auto; padding: 0 1.5em; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
            h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; font-family: ui-monospace, Menlo, Consolas, monospace; }
            p { max-width: 62em; }
            table { border-collapse: collapse; margin: 0.4em 0 1em; font-variant-numeric: tabular-nums; }
            th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: right; white-space: nowrap; }
            th { background: #f4f4f4; }
            td:first-child, th:first-child { text-align: left; }
            tbody tr:nth-child(even) { background: #fafafa; }
            pre { background: #f6f8fa; padding: 0.8em 1em; border-radius: 4px; overflow-x: auto; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 1em; }
            figure { margin: 0; }
            figure img { width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: 0.85em; color: #555; }
            """;

    private ReportPage() {
    }

    static String html(String title, List<Block> blocks) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        blocks.forEach(block -> out.append(block.html()));
        return out.append("</body>\n</html>\n").toString();
    }

    static String markdown(String title, List<Block> blocks) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n");
        blocks.forEach(block -> out.append("\n").append(block.markdown()));
        return out.toString();
    }
}
