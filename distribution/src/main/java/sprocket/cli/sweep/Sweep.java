package sprocket.cli.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sprocket.cli.compare.Grid;
import sprocket.cli.compare.Outcome;
import sprocket.cli.compare.Simulation;
import sprocket.cli.compare.Variant;
import sprocket.cli.sweep.SweepFile.Located;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigError;
import sprocket.kernel.ConfigException;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.ProgramInfo;

/**
 * A sweep file checked against the installed providers and programs, its grid expanded: every configuration, crossed
 * with every program, every value of each varied key (the first changing slowest) and every seed. {@link #row} runs
 * one of them through {@code sprocket compare}'s {@link Simulation} and makes its row of the results.
 */
public final class Sweep {
    /** The columns every row has, before the varied keys' and the statistics'. */
    static final List<String> REQUIRED = List.of("run");

    private final SweepFile file;
    private final List<SweepRun> runs;
    private final List<Simulation> simulations;
    private final String identity;
    private final List<String> numericAxes;

    private Sweep(SweepFile file, List<SweepRun> runs, List<Simulation> simulations, String identity) {
        this.file = file;
        this.runs = List.copyOf(runs);
        this.simulations = List.copyOf(simulations);
        this.identity = identity;
        this.numericAxes = numericAxes(file);
    }

    /**
     * Checks every name and value of {@code file} (configurations, settings, each varied value on each
     * configuration, programs, statistics) and expands the grid; nothing runs. Every error found is in the exception.
     */
    public static Sweep plan(SweepFile file, Catalog catalog) throws SweepFileException {
        List<ConfigError> errors = new ArrayList<>();
        List<String> sets = file.sets().stream().map(Located::value).toList();
        for (Located<Path> config : file.configs()) {
            if (!load(file, config, sets, null, catalog, errors)) continue;
            for (Map.Entry<String, Located<List<String>>> axis : file.axes().entrySet()) {
                for (String value : axis.getValue().value()) {
                    List<String> with = new ArrayList<>(sets);
                    with.add(axis.getKey() + "=" + value);
                    load(file, config, with, new Located<>(axis.getValue().line(),
                            "vary." + axis.getKey() + " = " + value), catalog, errors);
                }
            }
        }
        List<String> installed = catalog.programs().stream().map(ProgramInfo::name).toList();
        for (Located<List<String>> p : file.programs()) {
            if (!installed.contains(p.value().getFirst())) {
                errors.add(new ConfigError(file.file(), p.line(), "/bin/" + p.value().getFirst()
                        + ": no such program (installed: " + String.join(" ", installed) + ")"));
            }
        }
        for (String s : file.stats().value()) {
            if (!Statistics.KEYS.contains(s)) {
                errors.add(new ConfigError(file.file(), file.stats().line(), "stats: unknown statistic '" + s
                        + "' (docs/stats.md lists them: " + String.join(", ", Statistics.KEYS) + ")"));
            }
        }
        if (!errors.isEmpty()) throw new SweepFileException(errors);

        List<Simulation> simulations = new ArrayList<>();
        for (Located<List<String>> p : file.programs()) {
            List<String> command = p.value();
            simulations.add(new Simulation(catalog, sets, false, command.getFirst(), command.subList(1, command.size())));
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        file.axes().forEach((k, v) -> axes.put(k, v.value()));
        List<Map<String, String>> combinations = Grid.combinations(axes);
        List<SweepRun> runs = new ArrayList<>();
        for (Located<Path> config : file.configs()) {
            for (int p = 0; p < file.programs().size(); p++) {
                for (Map<String, String> c : combinations) {
                    for (long seed : file.seeds()) {
                        int index = runs.size();
                        runs.add(new SweepRun(index, p, file.programs().get(p).value(),
                                new Variant(index, 0, config.value(), Collections.unmodifiableMap(c), seed)));
                    }
                }
            }
        }
        return new Sweep(file, runs, simulations, identity(file));
    }

    /** Loads {@code config} with {@code overrides}; its errors go to {@code errors} at the sweep file's line. */
    private static boolean load(SweepFile file, Located<Path> config, List<String> overrides, Located<String> varied,
            Catalog catalog, List<ConfigError> errors) {
        try {
            KernelConfig.load(config.value(), overrides, catalog, false);
            return true;
        } catch (ConfigException e) {
            for (ConfigError c : e.errors()) {
                int line = varied == null ? config.line() : varied.line();
                String what = varied == null ? "config " + config.value() : varied.value() + " on " + config.value();
                for (Located<String> s : file.sets()) {
                    if (c.file().equals("--set " + s.value())) {
                        line = s.line();
                        what = "set." + s.value().replaceFirst("=", " = ");
                    }
                }
                if (varied != null && c.file().startsWith("--set ")
                        && !c.file().equals("--set " + varied.value().substring(5).replace(" = ", "="))) {
                    continue; // a setting's own error, reported once at its line
                }
                String message = c.file().startsWith("--set ") ? c.message() : c.toString();
                ConfigError error = new ConfigError(file.file(), line, what + ": " + message);
                if (!errors.contains(error)) errors.add(error);
            }
            return false;
        }
    }

    /** A digest of the sweep file and of each configuration file's content: what its results are the results of. */
    private static String identity(SweepFile file) throws SweepFileException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(file.text().getBytes(StandardCharsets.UTF_8));
            for (Located<Path> c : file.configs()) {
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(c.value()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new SweepFileException(List.of(new ConfigError(file.file(), 0, "cannot read a configuration: "
                    + e.getMessage())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public SweepFile file() {
        return file;
    }

    /** Every run, in grid order. */
    public List<SweepRun> runs() {
        return runs;
    }

    /** What identifies this sweep's results: the same file and configurations give the same string. */
    public String identity() {
        return identity;
    }

    /** The varied keys, in the file's order. */
    public List<String> variedKeys() {
        return List.copyOf(file.axes().keySet());
    }

    /** The varied keys whose every value is a whole number: their columns are numbers. */
    private static List<String> numericAxes(SweepFile file) {
        List<String> out = new ArrayList<>();
        file.axes().forEach((k, values) -> {
            if (values.value().stream().allMatch(v -> v.matches("-?\\d{1,18}"))) out.add(k);
        });
        return out;
    }

    /** Runs {@code run} on the calling thread and returns its row; nothing is thrown, a failure is in the row. */
    public Map<String, Object> row(SweepRun run) {
        Outcome o;
        try {
            o = simulations.get(run.program()).run(run.variant(), k -> { });
        } catch (RuntimeException | Error e) { // StackOverflowError, OutOfMemoryError in one run: a row, not the end
            o = new Outcome(run.variant(), Outcome.Kind.ERROR, -1, e.toString(), null, "");
        }
        return Rows.of(run, o, numericAxes, file.stats().value());
    }
}
