package sprocket.cli.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sprocket.cli.compare.Outcome;
import sprocket.cli.compare.Variant;

/**
 * A run's row in the results: what ran (run number, configuration, program, arguments, varied values, seed), how it
 * ended (outcome, exit status, error), then its statistics as columns and whole as {@code stats_json}.
 */
final class Rows {
    private Rows() {
    }

    static Map<String, Object> of(SweepRun run, Outcome o, List<String> numeric, List<String> keep) {
        Variant v = run.variant();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", (long) run.index());
        row.put("config", v.configName());
        row.put("program", run.command().getFirst());
        row.put("args", String.join(" ", run.command().subList(1, run.command().size())));
        v.varied().forEach((k, value) -> row.put(k, numeric.contains(k) ? (Object) Long.parseLong(value) : value));
        row.put("seed", v.seed());
        row.put("outcome", o.brief());
        row.put("exit_status", (long) o.exitStatus());
        row.put("error", o.ok() ? null : o.message());
        if (o.stats() != null) {
            String json = o.stats().toJson();
            row.putAll(Statistics.columns(json, keep));
            row.put("stats_json", json);
        }
        return row;
    }
}
