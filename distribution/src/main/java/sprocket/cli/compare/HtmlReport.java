package sprocket.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparison as one self-contained HTML page: the table, the notes, a bar chart per figure across the columns,
 * the CPUs' busy time, and speedup against CPU count when {@code hw.cpus} varies. Styles are inline and the charts
 * inline SVG; a Content-Security-Policy forbids loading anything, so the page shows the same offline as online.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    static String render(String command, Comparison comparison, List<String> variedKeys, int seeds, List<String> notes) {
        List<Column> columns = comparison.columns();
        List<String> labels = labels(columns, variedKeys);
        Charts charts = new Charts();
        StringBuilder b = new StringBuilder();
        b.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        b.append("<title>sprocket compare: ").append(esc(command)).append("</title>\n");
        b.append("""
                <style>
                body { font-family: sans-serif; margin: 1.5em; color: #222; }
                h1 { font-size: 1.4em; margin-bottom: 0.2em; }
                h2 { font-size: 1.15em; margin-top: 1.6em; }
                code { background: #f3f3f3; padding: 0.1em 0.3em; }
                table { border-collapse: collapse; font-size: 0.9em; }
                th, td { padding: 0.25em 0.8em; border-bottom: 1px solid #ddd; text-align: right; white-space: nowrap; }
                th:first-child, td:first-child { text-align: left; }
                thead th { background: #eef3f8; }
                td.failed { color: #b00020; font-weight: bold; }
                .ratio { color: #555; font-size: 0.85em; }
                .charts { display: flex; flex-wrap: wrap; gap: 1em; }
                figure.chart { margin: 0; border: 1px solid #ddd; }
                ul.notes li { margin-bottom: 0.5em; white-space: pre-wrap; }
                </style>
                </head>
                <body>
                """);
        b.append("<h1>sprocket compare</h1>\n<p><code>").append(esc(command)).append("</code>, ")
                .append(comparison.columns().size()).append(" combinations, ").append(seeds)
                .append(seeds == 1 ? " seed" : " seeds").append(" each.</p>\n");
        table(b, Cells.rows(columns, variedKeys, seeds));
        if (!notes.isEmpty()) {
            b.append("<ul class=\"notes\">\n");
            for (String n : notes) b.append("<li>").append(esc(n)).append("</li>\n");
            b.append("</ul>\n");
        }
        if (variedKeys.contains("hw.cpus")) {
            b.append("<h2>Speedup against CPU count</h2>\n<div class=\"charts\">\n");
            figure(b, "speedup", charts.speedup(Charts.byAllButCpus(columns)));
            b.append("</div>\n");
        }
        b.append("<h2>CPU busy time</h2>\n<div class=\"charts\">\n");
        figure(b, "cpu-busy", charts.busy(columns, labels));
        b.append("</div>\n");
        b.append("<h2>Figures</h2>\n<p>Each figure across the combinations (runs that failed have no bar).</p>\n");
        b.append("<div class=\"charts\">\n");
        List<String> flat = new ArrayList<>();
        for (Figure f : Figure.values()) {
            if (columns.stream().noneMatch(c -> c.mean(f) > 0)) {
                flat.add(f.label());
                continue;
            }
            figure(b, "figure-" + f.key(), charts.bars(f, columns, labels));
        }
        b.append("</div>\n");
        if (!flat.isEmpty()) {
            b.append("<p>No chart where every combination counted 0: ").append(esc(String.join(", ", flat)))
                    .append(".</p>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    /** Short names for the columns on the charts' axes: the configuration when there are several, the varied values. */
    static List<String> labels(List<Column> columns, List<String> variedKeys) {
        boolean severalConfigs = columns.stream().map(c -> c.variant().config()).distinct().count() > 1;
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            List<String> parts = new ArrayList<>();
            if (severalConfigs || variedKeys.isEmpty()) parts.add(c.variant().configName());
            for (Map.Entry<String, String> e : c.varied().entrySet()) {
                String key = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
                parts.add(key + "=" + e.getValue());
            }
            String label = String.join(", ", parts);
            // Categories must differ: a name given twice (the same file twice) gets its column number.
            out.add(out.contains(label) ? label + " #" + (c.index() + 1) : label);
        }
        return out;
    }

    private static void table(StringBuilder b, List<Cells.Row> rows) {
        b.append("<table>\n<thead>\n");
        boolean body = false;
        for (Cells.Row r : rows) {
            if (!r.header() && !body) {
                b.append("</thead>\n<tbody>\n");
                body = true;
            }
            b.append("<tr><th>").append(esc(r.label())).append("</th>");
            for (String cell : r.cells()) {
                if (r.header()) {
                    b.append("<th>").append(esc(cell)).append("</th>");
                } else if (r.label().equals("outcome") && !cell.equals("ok")) {
                    b.append("<td class=\"failed\">").append(esc(cell)).append("</td>");
                } else {
                    int paren = cell.indexOf(" (");
                    b.append("<td>");
                    if (paren < 0) {
                        b.append(esc(cell));
                    } else {
                        b.append(esc(cell.substring(0, paren))).append(" <span class=\"ratio\">")
                                .append(esc(cell.substring(paren + 1))).append("</span>");
                    }
                    b.append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void figure(StringBuilder b, String id, String svg) {
        b.append("<figure class=\"chart\" id=\"").append(id).append("\">").append(svg).append("</figure>\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
