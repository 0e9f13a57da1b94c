package sprocket.cli.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sprocket.cli.compare.Comparison;
import sprocket.cli.compare.Grid;
import sprocket.cli.compare.Outcome;
import sprocket.cli.compare.Variant;
import sprocket.kernel.RunStats;

/**
 * A sweep's results as a comparison ({@code sprocket compare --from}): a column per distinct value of the chosen
 * parameters, its figures the mean and spread over every run in it (the seeds, and whatever else was not chosen).
 */
public final class FromResults {
    /** What a row says about its run but is not a parameter to group by. */
    private static final List<String> NOT_PARAMETERS = List.of("run", "seed", "outcome", "exit_status", "error", "stats_json");

    private FromResults() {
    }

    /**
     * The comparison of {@code table}'s runs grouped by {@code by}; with no keys, by every parameter but the seed. A
     * key that is not a parameter of the sweep is an {@link IllegalArgumentException} naming those there are.
     */
    public static Comparison of(Table table, List<String> by, String title) {
        List<String> parameters = parameters(table);
        for (String k : by) {
            if (!parameters.contains(k)) {
                throw new IllegalArgumentException("--by " + k + ": not a parameter of this sweep (it has: "
                        + String.join(", ", parameters) + ")");
            }
        }
        if (table.rows().isEmpty()) throw new IllegalArgumentException("the results hold no runs");
        List<String> keys = by.isEmpty() ? parameters : by;
        Map<List<Object>, Integer> columns = new LinkedHashMap<>();
        Map<Integer, String> configOf = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Map<String, Object> row = table.row(i);
            List<Object> key = new ArrayList<>();
            for (String k : keys) key.add(row.get(k));
            int column = columns.computeIfAbsent(key, x -> columns.size());
            String config = String.valueOf(row.get("config"));
            configOf.merge(column, config, (a, b) -> a.equals(b) ? a : "(several)");
            Map<String, String> varied = new LinkedHashMap<>();
            for (String k : keys) varied.put(k, String.valueOf(row.get(k)));
            variants.add(new Variant(((Long) row.get("run")).intValue(), column, Path.of(config), varied,
                    (Long) row.get("seed")));
        }
        // A column's configuration: its runs' one, or "(several)" when the grouping spans configurations.
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            v = new Variant(v.index(), v.column(), Path.of(configOf.get(v.column())), v.varied(), v.seed());
            variants.set(i, v);
            outcomes.add(outcome(table.row(i), v));
        }
        List<String> shown = new ArrayList<>(keys);
        shown.remove("config");
        return new Comparison(title, List.of(), Grid.of(variants, columns.size(), shown), outcomes, Map.of());
    }

    /** The columns that say what ran: configuration, program, arguments and the varied keys. */
    static List<String> parameters(Table table) {
        List<String> out = new ArrayList<>();
        for (Table.Column c : table.columns()) {
            if (NOT_PARAMETERS.contains(c.name())) continue;
            if (c.name().equals("schema_version")) break; // the statistics start here
            out.add(c.name());
        }
        return out;
    }

    private static Outcome outcome(Map<String, Object> row, Variant v) {
        String brief = String.valueOf(row.get("outcome"));
        Outcome.Kind kind = switch (brief) {
            case "ok" -> Outcome.Kind.OK;
            case "config error" -> Outcome.Kind.CONFIG;
            case "kernel panic" -> Outcome.Kind.PANIC;
            case "error" -> Outcome.Kind.ERROR;
            default -> Outcome.Kind.FAILED;
        };
        Object json = row.get("stats_json");
        RunStats stats = json == null ? null : RunStats.fromJson((String) json);
        Object error = row.get("error");
        return new Outcome(v, kind, ((Long) row.get("exit_status")).intValue(), error == null ? "" : (String) error,
                stats, "");
    }
}
