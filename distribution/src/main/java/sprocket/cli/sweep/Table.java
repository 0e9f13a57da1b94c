package sprocket.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of named, typed columns, every value null or of its column's type: what a results file holds.
 *
 * @param columns the columns, in order
 * @param rows each row's values in the columns' order
 */
public record Table(List<Column> columns, List<Object[]> rows) {

    /** The column types a results file uses: Parquet's INT64, DOUBLE and BYTE_ARRAY annotated UTF8. */
    public enum Type {
        INT64, DOUBLE, STRING;

        /** The type that holds {@code v}: Long, Double or String. */
        static Type of(Object v) {
            return switch (v) {
                case Long n -> INT64;
                case Double d -> DOUBLE;
                case String s -> STRING;
                default -> throw new IllegalArgumentException("no column type for " + v.getClass().getName());
            };
        }
    }

    /**
     * One column.
     *
     * @param name its name
     * @param type its values' type
     * @param required whether it never holds null
     */
    public record Column(String name, Type type, boolean required) {
    }

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The place of the column called {@code name}, or -1. */
    public int index(String name) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(name)) return i;
        return -1;
    }

    /**
     * A table of {@code rows} (each a map of column name to value) whose columns are every name they use, in the
     * order first seen; a column holding integers in some rows and fractions in others is DOUBLE. {@code required}
     * names the columns that are never null.
     */
    public static Table of(List<Map<String, Object>> rows, List<String> required) {
        Map<String, Type> types = new LinkedHashMap<>();
        for (String r : required) types.put(r, null);
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getValue() == null) {
                    types.putIfAbsent(e.getKey(), null);
                    continue;
                }
                Type t = Type.of(e.getValue());
                Type had = types.get(e.getKey());
                if (had == null || had == t) {
                    types.put(e.getKey(), t);
                } else if (had != Type.STRING && t != Type.STRING) {
                    types.put(e.getKey(), Type.DOUBLE);
                } else {
                    throw new IllegalArgumentException("column " + e.getKey() + " holds " + had + " and " + t);
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        types.forEach((name, type) -> columns.add(new Column(name, type == null ? Type.STRING : type,
                required.contains(name))));
        List<Object[]> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                Object v = row.get(columns.get(i).name());
                if (v instanceof Long n && columns.get(i).type() == Type.DOUBLE) v = n.doubleValue();
                if (v == null && columns.get(i).required()) {
                    throw new IllegalArgumentException("column " + columns.get(i).name() + " is null in a row");
                }
                values[i] = v;
            }
            out.add(values);
        }
        return new Table(columns, out);
    }

    /** Row {@code i} as a map of column name to value, nulls included (so that {@link #of} keeps their columns). */
    public Map<String, Object> row(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        Object[] r = rows.get(i);
        for (int c = 0; c < columns.size(); c++) m.put(columns.get(c).name(), r[c]);
        return m;
    }
}
