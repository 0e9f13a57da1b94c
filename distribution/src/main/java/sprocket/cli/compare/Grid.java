package sprocket.cli.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Every combination a comparison runs: each configuration file, crossed with each value of each varied key (the first
 * {@code --vary} changing slowest), each with every seed. Runs that differ only in their seed form one column.
 */
public final class Grid {

    private final List<Variant> variants;
    private final int columns;
    private final List<String> variedKeys;

    private Grid(List<Variant> variants, int columns, List<String> variedKeys) {
        this.variants = List.copyOf(variants);
        this.columns = columns;
        this.variedKeys = List.copyOf(variedKeys);
    }

    /**
     * The grid of {@code configs} crossed with {@code vary} (each {@code KEY=V1,V2,...}) and {@code seeds} seeds
     * from each configuration's own: {@code baseSeed} gives that seed for a file. A malformed {@code --vary} is an
     * {@link IllegalArgumentException} with a message for the user.
     */
    public static Grid of(List<Path> configs, List<String> vary, int seeds, ToLongFunction<Path> baseSeed) {
        Map<String, List<String>> axes = parse(vary);
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combinations) {
                for (String value : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(axis.getKey(), value);
                    next.add(m);
                }
            }
            combinations = next;
        }
        List<Variant> out = new ArrayList<>();
        int column = 0;
        for (Path config : configs) {
            long base = baseSeed.applyAsLong(config);
            for (Map<String, String> c : combinations) {
                for (int s = 0; s < seeds; s++) {
                    out.add(new Variant(out.size(), column, config,
                            Collections.unmodifiableMap(new LinkedHashMap<>(c)), base + s));
                }
                column++;
            }
        }
        return new Grid(out, column, new ArrayList<>(axes.keySet()));
    }

    /** {@code KEY=V1,V2,...} options as ordered axes; a key given twice, an empty key or value is an error. */
    static Map<String, List<String>> parse(List<String> vary) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String spec : vary) {
            int eq = spec.indexOf('=');
            String key = eq < 0 ? "" : spec.substring(0, eq).strip();
            if (key.isEmpty() || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--vary " + spec + ": want KEY=VALUE1,VALUE2,...");
            }
            List<String> values = new ArrayList<>();
            for (String v : spec.substring(eq + 1).split(",", -1)) {
                String value = v.strip();
                if (value.isEmpty()) throw new IllegalArgumentException("--vary " + spec + ": an empty value");
                if (values.contains(value)) {
                    throw new IllegalArgumentException("--vary " + spec + ": " + value + " given twice");
                }
                values.add(value);
            }
            if (axes.put(key, values) != null) {
                throw new IllegalArgumentException("--vary " + key + " given twice: list every value in one option");
            }
        }
        return axes;
    }

    /** Every run, in column order, seeds within a column in order. */
    public List<Variant> variants() {
        return variants;
    }

    /** How many columns the table has. */
    public int columns() {
        return columns;
    }

    /** The keys {@code --vary} named, in order. */
    public List<String> variedKeys() {
        return variedKeys;
    }
}
