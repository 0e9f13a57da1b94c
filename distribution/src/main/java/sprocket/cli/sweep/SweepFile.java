package sprocket.cli.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sprocket.kernel.ConfigError;

/**
 * A sweep file as written, each setting with its line: the {@code key = value} style of a configuration file
 * (docs/sweeps.md). Reading it checks its form only; {@link Sweep#plan} checks the names and values against the
 * providers and programs installed.
 *
 * @param file the file as named, for messages
 * @param text its content, which identifies the sweep (with its configurations') in a results folder
 * @param configs the configuration files, resolved against the sweep file's folder
 * @param programs the programs with their arguments
 * @param sets settings applied to every run
 * @param axes the varied keys, in the file's order, each with its values
 * @param seeds the seeds every combination runs with
 * @param stats the statistics kept (top-level keys of {@code --stats-json}); empty keeps them all
 */
public record SweepFile(String file, String text, List<Located<Path>> configs, List<Located<List<String>>> programs,
        List<Located<String>> sets, Map<String, Located<List<String>>> axes, List<Long> seeds,
        Located<List<String>> stats) {

    /**
     * A value and the line it was written on.
     *
     * @param line the line, from 1
     * @param value the value
     */
    public record Located<T>(int line, T value) {
    }

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)");
    /** A sweep this big is a mistake in a seed range, not a plan: a million runs is weeks on one host. */
    static final int MAX_RUNS = 1_000_000;

    /** Reads and checks the form of {@code path}; every error found is in the exception, with its line. */
    public static SweepFile read(Path path) throws SweepFileException {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SweepFileException(List.of(new ConfigError(name, 0, Files.exists(path)
                    ? "cannot read: " + e.getMessage() : "no such file")));
        }
        return parse(name, text, path.toAbsolutePath().getParent());
    }

    /** Parses {@code text}, named {@code name}, with relative configuration paths resolved against {@code dir}. */
    public static SweepFile parse(String name, String text, Path dir) throws SweepFileException {
        List<ConfigError> errors = new ArrayList<>();
        List<Located<Path>> configs = new ArrayList<>();
        List<Located<List<String>>> programs = new ArrayList<>();
        List<Located<String>> sets = new ArrayList<>();
        Map<String, Located<List<String>>> axes = new LinkedHashMap<>();
        List<Long> seeds = null;
        int seedsLine = 0;
        Located<List<String>> stats = null;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq < 0) {
                errors.add(new ConfigError(name, n, "expected 'key = value', found '" + line + "'"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.isEmpty()) {
                errors.add(new ConfigError(name, n, key + " has no value"));
                continue;
            }
            if (key.equals("config")) {
                configs.add(new Located<>(n, dir == null ? Path.of(value) : dir.resolve(value).normalize()));
            } else if (key.equals("program")) {
                programs.add(new Located<>(n, List.of(value.split("\\s+"))));
            } else if (key.startsWith("set.") && KEY.matcher(key.substring(4)).matches()) {
                sets.add(new Located<>(n, key.substring(4) + "=" + value));
            } else if (key.startsWith("vary.") && KEY.matcher(key.substring(5)).matches()) {
                String varied = key.substring(5);
                List<String> values = list(value);
                if (axes.containsKey(varied)) {
                    errors.add(new ConfigError(name, n, key + " is given twice (first at line "
                            + axes.get(varied).line() + ")"));
                } else if (values.stream().anyMatch(String::isEmpty)) {
                    errors.add(new ConfigError(name, n, key + ": an empty value"));
                } else if (values.stream().distinct().count() < values.size()) {
                    errors.add(new ConfigError(name, n, key + ": a value given twice"));
                } else if (varied.equals("seed")) {
                    errors.add(new ConfigError(name, n, "vary.seed: give the seeds with 'seeds = FIRST..LAST'"));
                } else {
                    axes.put(varied, new Located<>(n, values));
                }
            } else if (key.equals("seeds")) {
                if (seeds != null) {
                    errors.add(new ConfigError(name, n, "seeds is given twice (first at line " + seedsLine + ")"));
                    continue;
                }
                seedsLine = n;
                seeds = seeds(value, name, n, errors);
            } else if (key.equals("stats")) {
                if (stats != null) {
                    errors.add(new ConfigError(name, n, "stats is given twice (first at line " + stats.line() + ")"));
                    continue;
                }
                stats = new Located<>(n, value.equals("all") ? List.of() : list(value));
            } else {
                errors.add(new ConfigError(name, n, "unknown key '" + key + "' (a sweep file has config, program,"
                        + " seeds, stats, set.KEY and vary.KEY)"));
            }
        }
        if (configs.isEmpty()) errors.add(new ConfigError(name, 0, "no 'config = FILE' line: a sweep needs one"));
        if (programs.isEmpty()) errors.add(new ConfigError(name, 0, "no 'program = NAME ARGS' line: a sweep needs one"));
        if (!errors.isEmpty()) throw new SweepFileException(errors);
        long runs = (long) configs.size() * programs.size() * (seeds == null ? 1 : seeds.size());
        for (Located<List<String>> a : axes.values()) runs *= a.value().size();
        if (runs > MAX_RUNS) {
            throw new SweepFileException(List.of(new ConfigError(name, 0, "the grid has " + runs
                    + " runs; a sweep runs at most " + MAX_RUNS)));
        }
        return new SweepFile(name, text, configs, programs, sets, axes, seeds == null ? List.of(1L) : seeds,
                stats == null ? new Located<>(0, List.of()) : stats);
    }

    /** {@code FIRST..LAST}, or a list of seeds. */
    private static List<Long> seeds(String value, String name, int n, List<ConfigError> errors) {
        Matcher m = RANGE.matcher(value);
        List<Long> out = new ArrayList<>();
        try {
            if (m.matches()) {
                long first = Long.parseLong(m.group(1));
                long last = Long.parseLong(m.group(2));
                if (last < first || last - first >= MAX_RUNS) {
                    errors.add(new ConfigError(name, n, "seeds " + value + ": want FIRST..LAST, FIRST <= LAST, at most "
                            + MAX_RUNS + " seeds"));
                    return List.of();
                }
                for (long s = first; s <= last; s++) out.add(s);
            } else {
                for (String s : list(value)) {
                    long seed = Long.parseLong(s);
                    if (out.contains(seed)) {
                        errors.add(new ConfigError(name, n, "seeds: " + seed + " given twice"));
                        return List.of();
                    }
                    out.add(seed);
                }
            }
        } catch (NumberFormatException e) {
            errors.add(new ConfigError(name, n, "seeds = " + value + ": want FIRST..LAST or a list of numbers"));
            return List.of();
        }
        return out;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String v : value.split(",", -1)) out.add(v.strip());
        return out;
    }
}
