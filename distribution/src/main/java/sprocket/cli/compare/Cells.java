package sprocket.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table's contents as text, shared by the terminal table and the HTML report: the header rows (configuration and
 * varied values), the outcome, then a row per {@link Figure} with speedup after simulated time. A figure that differs
 * from the first column's by more than {@link #NOTABLE} carries its ratio to it.
 */
final class Cells {
    /** Ratios closer to 1 than this are not shown: they are the noise of a few percent. */
    static final double NOTABLE = 0.05;

    private Cells() {
    }

    /** One row: its label and a cell per column. */
    record Row(String label, List<String> cells, boolean header) {
    }

    /** Every row of the table for {@code columns}, the first column being the reference for ratios. */
    static List<Row> rows(List<Column> columns, List<String> variedKeys, int seeds) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("configuration", columns.stream().map(c -> c.variant().configName()).toList(), true));
        for (String key : variedKeys) {
            rows.add(new Row(key, columns.stream().map(c -> c.varied().get(key)).toList(), true));
        }
        if (seeds > 1) {
            rows.add(new Row("seeds", columns.stream().map(c -> c.runs().getFirst().variant().seed() + ".."
                    + c.runs().getLast().variant().seed()).toList(), true));
        }
        rows.add(new Row("outcome", columns.stream().map(Column::outcome).toList(), false));
        Column first = columns.getFirst();
        for (Figure f : Figure.values()) {
            List<String> cells = new ArrayList<>();
            for (Column c : columns) cells.add(cell(f, c.mean(f), first.mean(f), c.index() == first.index()));
            rows.add(new Row(f.label(), cells, false));
            if (f == Figure.SIMULATED_TIME) {
                if (seeds > 1) {
                    rows.add(new Row("  spread over seeds", columns.stream().map(c -> c.ok()
                            ? String.format(Locale.ROOT, "±%.1f%%", 100 * c.spread(f)) : "-").toList(), false));
                }
                rows.add(new Row("speedup", columns.stream().map(c -> speedup(first, c)).toList(), false));
            }
        }
        return rows;
    }

    /** The first column's simulated time over {@code c}'s: above 1 when {@code c} is faster. */
    static double speedupOf(Column first, Column c) {
        return first.mean(Figure.SIMULATED_TIME) / c.mean(Figure.SIMULATED_TIME);
    }

    private static String speedup(Column first, Column c) {
        double s = speedupOf(first, c);
        return Double.isNaN(s) || Double.isInfinite(s) ? "-" : String.format(Locale.ROOT, "%.2fx", s);
    }

    private static String cell(Figure f, double value, double reference, boolean isReference) {
        if (Double.isNaN(value)) return "-";
        String text = value(f, value);
        if (isReference || Double.isNaN(reference) || reference == 0) return text;
        double ratio = value / reference;
        if (Math.abs(ratio - 1) <= NOTABLE) return text;
        return text + " (" + ratio(ratio) + ")";
    }

    /** A figure's value as the table shows it: a time with its unit, a count with thousands separators. */
    static String value(Figure f, double value) {
        if (f == Figure.SIMULATED_TIME) return time(value);
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** A ratio to the reference column, {@code 0.57x} or {@code 12x}. */
    static String ratio(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0fx", r) : String.format(Locale.ROOT, "%.2fx", r);
    }

    /** Seconds in the unit that suits them, four significant digits. */
    static String time(double seconds) {
        if (seconds == 0) return "0 s";
        if (seconds < 1e-3) return String.format(Locale.ROOT, "%.4g us", seconds * 1e6);
        if (seconds < 1) return String.format(Locale.ROOT, "%.4g ms", seconds * 1e3);
        return String.format(Locale.ROOT, "%.4g s", seconds);
    }
}
