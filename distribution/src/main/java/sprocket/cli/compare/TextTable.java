package sprocket.cli.compare;

import java.util.List;

/** The side-by-side table for a terminal: a label column, then one left-aligned column per combination. */
final class TextTable {
    private static final int GAP = 3;

    private TextTable() {
    }

    static String render(List<Column> columns, List<String> variedKeys, int seeds) {
        List<Cells.Row> rows = Cells.rows(columns, variedKeys, seeds);
        int labelWidth = 0;
        int[] widths = new int[columns.size()];
        for (Cells.Row r : rows) {
            labelWidth = Math.max(labelWidth, r.label().length());
            for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], r.cells().get(i).length());
        }
        StringBuilder b = new StringBuilder();
        boolean headerDone = false;
        for (Cells.Row r : rows) {
            if (!r.header() && !headerDone) {
                int total = labelWidth;
                for (int w : widths) total += GAP + w;
                b.append("-".repeat(total)).append('\n');
                headerDone = true;
            }
            StringBuilder line = new StringBuilder(pad(r.label(), labelWidth));
            for (int i = 0; i < widths.length; i++) line.append(" ".repeat(GAP)).append(pad(r.cells().get(i), widths[i]));
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
