package org.submodeluq.cases.report;

import java.util.List;

/** A piece of the report that writes itself both as HTML and as Markdown, so the two never drift apart. */
interface Block {

    String html();

    String markdown();

    /** A section title; {@code level} 2 for sections, 3 below them. */
    record Heading(int level, String text) implements Block {

        @Override
        public String html() {
            return "<h" + level + ">" + Html.escape(text) + "</h" + level + ">\n";
        }

        @Override
        public String markdown() {
            return "#".repeat(level) + " " + text + "\n";
        }
    }

    /** Plain text; its line breaks are kept. */
    record Paragraph(String text) implements Block {

        @Override
        public String html() {
            return "<p>" + Html.escape(text).replace("\n", "<br>\n") + "</p>\n";
        }

        @Override
        public String markdown() {
            return text.replace("\n", "  \n") + "\n";
        }
    }

    /** Text shown as it is, such as the case file. */
    record Verbatim(String text) implements Block {

        @Override
        public String html() {
            return "<pre>" + Html.escape(text.strip()) + "</pre>\n";
        }

        @Override
        public String markdown() {
            return "```\n" + text.strip() + "\n```\n";
        }
    }

    /** Figures side by side, as many per row as the page is wide. */
    record Figures(List<Figure> figures) implements Block {

        @Override
        public String html() {
            StringBuilder out = new StringBuilder("<div class=\"grid\">\n");
            for (Figure figure : figures) {
                out.append("<figure><a href=\"").append(Html.escape(figure.file())).append("\"><img src=\"")
                        .append(Html.escape(figure.file())).append("\" alt=\"").append(Html.escape(figure.caption()))
                        .append("\" width=\"640\" height=\"420\"></a><figcaption>")
                        .append(Html.escape(figure.caption())).append("</figcaption></figure>\n");
            }
            return out.append("</div>\n").toString();
        }

        @Override
        public String markdown() {
            return String.join("\n", figures.stream().map(figure -> "![" + figure.caption() + "](" + figure.file() + ")\n")
                    .toList());
        }
    }
}
