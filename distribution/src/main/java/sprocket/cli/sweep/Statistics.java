package sprocket.cli.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A run's statistics ({@code --stats-json}, docs/stats.md) as columns of its row: each number and string a column,
 * nested objects and arrays flattened with {@code _} ({@code counters_clock_ticks}, {@code cpu_busy_cycles_0},
 * {@code cpu_memory_1_cache_hits}, {@code syscalls_by_name_read_calls}). {@code processes} and
 * {@code fairness_groups} have a shape that changes from run to run, so they stay in the {@code stats_json} column.
 */
final class Statistics {
    /** The top-level keys of the statistics object (docs/stats.md): what a sweep file's {@code stats} may name. */
    static final List<String> KEYS = List.of("schema_version", "machine", "model", "memory_system", "scheduler",
            "scheduler_ejected", "time_limit_reached", "kernel_lock", "clock_hz", "simulated_cycles",
            "simulated_seconds", "cpu_busy_cycles", "cpu_utilisation", "context_switches", "syscalls", "forks", "execs",
            "page_faults", "tlb_misses", "ipis", "shootdowns", "interrupts", "cpu_memory", "kernel_lock_spin_cycles",
            "kernel_lock_contended", "proc_table_overflows", "interrupted", "deadlock", "voluntary_switches",
            "involuntary_switches", "migrations", "mean_wait_cycles", "max_wait_cycles", "mean_turnaround_cycles",
            "jain_fairness", "fairness_groups", "processes", "syscalls_by_name", "trace_events", "trace_digest",
            "counters");
    /** Kept whole in stats_json only: their keys or lengths differ between runs of one sweep. */
    private static final List<String> NOT_FLATTENED = List.of("processes", "fairness_groups", "deadlock");
    private static final JsonFactory JSON = new JsonFactory();
    /** What {@link #column} replaces: compiled once, not at each of a row's hundred-odd keys. */
    private static final Pattern NOT_SQL = Pattern.compile("[^A-Za-z0-9_]");

    private Statistics() {
    }

    /** The columns of {@code stats}, of the top-level keys in {@code keep} (all when empty), in the object's order. */
    static Map<String, Object> columns(String statsJson, List<String> keep) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(statsJson)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if ((keep.isEmpty() || keep.contains(key)) && !NOT_FLATTENED.contains(key)) {
                    flatten(p, column(key), out);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the kernel's own JSON, from a string
        }
        return out;
    }

    private static void flatten(JsonParser p, String name, Map<String, Object> out) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    flatten(p, name + "_" + column(key), out);
                }
            }
            case START_ARRAY -> {
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) flatten(p, name + "_" + i++, out);
            }
            case VALUE_NUMBER_INT -> out.put(name, p.getLongValue());
            case VALUE_NUMBER_FLOAT -> out.put(name, p.getDoubleValue());
            case VALUE_STRING -> out.put(name, p.getText());
            case VALUE_TRUE, VALUE_FALSE -> out.put(name, p.getText());
            default -> {
                // null: no column
            }
        }
    }

    /** A name any SQL dialect takes unquoted: letters, digits and underscores ({@code sched.lottery.draws} too). */
    static String column(String key) {
        return NOT_SQL.matcher(key).replaceAll("_");
    }
}
