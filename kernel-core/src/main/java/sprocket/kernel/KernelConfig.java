package sprocket.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import sprocket.api.ApiVersion;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.spi.Conflict;
import sprocket.api.spi.Provider;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;
import sprocket.kernel.config.ConfigSettings;
import sprocket.kernel.config.KernelKeys;
import sprocket.kernel.config.Suggestion;
import sprocket.kernel.config.Values;

/**
 * A checked kernel configuration: a {@code key = value} file like a kernel {@code .config}, with {@code #}
 * comments, {@code --set} overrides on top. Unknown keys, unknown providers, bad values and conflicts are errors
 * with file and line, all reported together. A key that only a provider the configuration does not choose declares
 * is ignored with a warning (an error when strict), so one file can tune several schedulers.
 */
public final class KernelConfig {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    /** Keys that moved, with the key a configuration now sets and why: reported as errors that say so. */
    private static final Map<String, String> RENAMED = Map.of("fs.nfile", "kernel.nfile");
    private static final Map<String, String> RENAMED_WHY = Map.of("fs.nfile",
            "the system open file table is the kernel's, shared by files, pipes and sockets");

    private final Map<Slot, Provider> chosen;
    private final Map<String, String> values;
    private final Map<String, String> sources;
    private final Map<String, Tunable> declared;
    private final Map<String, String> declarers;
    private final List<ConfigError> warnings;
    private final ConfigSettings settings;

    private KernelConfig(Checked c, List<ConfigError> warnings) {
        this.chosen = c.chosen;
        this.values = c.values;
        this.sources = c.sources;
        this.declared = c.declared;
        this.declarers = c.declarers;
        this.warnings = List.copyOf(warnings);
        this.settings = new ConfigSettings(declared, values);
    }

    private record Entry(String value, String file, int line) {
        String where() {
            return line > 0 ? file + ":" + line : file;
        }
    }

    /** What checking has found so far: the providers chosen, the keys they declare, the values that passed. */
    private record Checked(Map<Slot, Provider> chosen, Map<String, Tunable> declared, Map<String, String> declarers,
            Map<String, String> values, Map<String, String> sources) {
        Checked() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                    new LinkedHashMap<>());
        }

        void declare(Tunable t, String by) {
            if (declared.putIfAbsent(t.key(), t) == null) declarers.put(t.key(), by);
        }
    }

    /** Reads and checks {@code file} with {@code overrides} ("key=value", from --set) applied on top. */
    public static KernelConfig load(Path file, List<String> overrides, Catalog catalog) throws ConfigException {
        return load(file, overrides, catalog, false);
    }

    /**
     * Reads and checks {@code file} with {@code overrides} applied on top. With {@code strict}, a key of a provider
     * the configuration does not choose is an error rather than a warning.
     */
    public static KernelConfig load(Path file, List<String> overrides, Catalog catalog, boolean strict)
            throws ConfigException {
        String name = file.toString();
        List<ConfigError> errors = new ArrayList<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigError(name, 0, "no such file")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(name, 0, "cannot read: " + e.getMessage())));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            parse(line, name, i + 1, entries, errors, false);
        }
        for (String o : overrides) {
            parse(o.strip(), "--set " + o.strip(), 0, entries, errors, true);
        }
        return check(entries, catalog, errors, strict);
    }

    private static void parse(String line, String file, int lineNo, Map<String, Entry> entries,
            List<ConfigError> errors, boolean override) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            errors.add(new ConfigError(file, lineNo, "expected 'key = value', found '" + line + "'"));
            return;
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (!KEY.matcher(key).matches()) {
            errors.add(new ConfigError(file, lineNo, "'" + key + "' is not a configuration key"));
            return;
        }
        if (value.isEmpty()) {
            errors.add(new ConfigError(file, lineNo, key + " has no value"));
            return;
        }
        Entry prev = entries.get(key);
        if (prev != null && !override && prev.line > 0) {
            errors.add(new ConfigError(file, lineNo, key + " is set twice (first at line " + prev.line + ")"));
            return;
        }
        entries.put(key, new Entry(value, file, lineNo));
    }

    private static KernelConfig check(Map<String, Entry> entries, Catalog catalog, List<ConfigError> errors,
            boolean strict) throws ConfigException {
        Checked c = new Checked();
        for (Tunable t : KernelKeys.ALL) c.declare(t, KernelKeys.DECLARER);
        for (Slot slot : Slot.values()) {
            Entry e = entries.get(slot.key());
            List<ProviderInfo> available = catalog.providers(slot);
            String list = available.isEmpty() ? "none" : available.stream().map(ProviderInfo::name)
                    .collect(Collectors.joining(", "));
            String wanted;
            if (e == null) {
                if (available.size() != 1) {
                    errors.add(new ConfigError(firstFile(entries), 0, "no " + slot.key() + " provider named; set "
                            + slot.key() + " = one of: " + list));
                    continue;
                }
                wanted = available.get(0).name();
            } else {
                wanted = e.value;
            }
            Provider p = catalog.provider(slot, wanted);
            if (p == null) {
                errors.add(error(e, "unknown " + slot.key() + " provider '" + wanted + "'; available: " + list));
                continue;
            }
            if (!ApiVersion.compatible(p.apiVersion())) {
                errors.add(error(e, slot.key() + " provider '" + wanted + "' was built for API " + p.apiVersion()
                        + " but this kernel provides API " + ApiVersion.CURRENT));
                continue;
            }
            c.chosen.put(slot, p);
            for (Tunable t : p.tunables()) c.declare(t, slot.key() + " " + p.name());
        }
        // mount(2) may make a file system of any type found, so every type's keys are the kernel's to accept.
        for (ProviderInfo info : catalog.providers(Slot.FS)) {
            Provider type = catalog.provider(Slot.FS, info.name());
            if (type != null && ApiVersion.compatible(type.apiVersion())) {
                for (Tunable t : type.tunables()) c.declare(t, "fs " + type.name() + " (mount(2) may make one)");
            }
        }
        // The scheduler the kernel falls back to after ejecting a plug-in reads its own keys (at their defaults).
        Provider fallback = catalog.provider(Slot.SCHED, Kernel.FALLBACK_SCHEDULER);
        if (fallback != null) {
            for (Tunable t : fallback.tunables()) c.declare(t, "sched " + fallback.name() + " (the fallback scheduler)");
        }
        List<ConfigError> warnings = new ArrayList<>();
        for (Map.Entry<String, Entry> en : entries.entrySet()) {
            String key = en.getKey();
            Entry e = en.getValue();
            if (isSlot(key)) continue;
            Tunable t = c.declared.get(key);
            if (t == null && RENAMED.containsKey(key)) {
                errors.add(error(e, key + " is now " + RENAMED.get(key) + ": " + RENAMED_WHY.get(key)));
                continue;
            }
            if (t == null) {
                String owners = owners(catalog, key, c.chosen);
                if (owners == null) {
                    errors.add(error(e, "unknown key '" + key + "'" + Suggestion.near(key, c.declared.keySet())));
                } else if (strict) {
                    errors.add(error(e, key + " is a key of " + owners + "; --strict refuses it"));
                } else {
                    warnings.add(error(e, key + " is a key of " + owners + "; ignored"));
                }
                continue;
            }
            String why = Values.check(t, e.value);
            if (why != null) {
                errors.add(error(e, key + ": " + why));
                continue;
            }
            c.values.put(key, e.value);
            c.sources.put(key, e.where());
        }
        // Conflicts are judged on the values that are valid on their own; a bad value was reported above.
        Settings s = new ConfigSettings(c.declared, c.values);
        if (c.chosen.get(Slot.HW) instanceof HardwareProvider machine) machineBounds(machine, s, c, entries, errors);
        for (Map.Entry<Slot, Provider> p : c.chosen.entrySet()) {
            List<Conflict> found;
            try {
                found = p.getValue().conflicts(s);
            } catch (RuntimeException ex) {
                errors.add(new ConfigError(firstFile(entries), 0, p.getKey().key() + " provider '"
                        + p.getValue().name() + "' failed while checking the settings: " + ex));
                continue;
            }
            for (Conflict x : found) {
                ConfigError err = conflict(x, s, c, entries);
                if (err != null) errors.add(err);
            }
        }
        if (!errors.isEmpty()) throw new ConfigException(errors);
        return new KernelConfig(c, warnings);
    }

    /** The CPU count and memory size the chosen machine can be built with, as it declares them. */
    private static void machineBounds(HardwareProvider machine, Settings s, Checked c, Map<String, Entry> entries,
            List<ConfigError> errors) {
        long cpus = s.getLong("hw.cpus");
        if (c.values.containsKey("hw.cpus") && cpus > machine.maxCpus()) {
            errors.add(error(entries.get("hw.cpus"), "hw.cpus = " + cpus + " but the " + machine.name()
                    + " machine has at most " + machine.maxCpus() + " CPUs"));
        }
        long mem = s.getSize("hw.memory");
        if (c.values.containsKey("hw.memory") && mem < machine.minMemory()) {
            errors.add(error(entries.get("hw.memory"), "hw.memory = " + s.get("hw.memory") + " but the "
                    + machine.name() + " machine needs at least " + machine.minMemory() / 1024 + "K"));
        }
        if (c.values.containsKey("hw.memory") && mem > machine.maxMemory()) {
            errors.add(error(entries.get("hw.memory"), "hw.memory = " + s.get("hw.memory") + " but the "
                    + machine.name() + " machine takes at most " + machine.maxMemory() / (1024 * 1024) + "M"));
        }
    }

    /**
     * A provider's conflict as an error at the first of its keys the configuration sets, naming every key with its
     * value and where that came from; null when one of the keys had a bad value, already reported.
     */
    private static ConfigError conflict(Conflict x, Settings s, Checked c, Map<String, Entry> entries) {
        Entry at = null;
        for (String key : x.keys()) {
            Entry e = entries.get(key);
            if (e != null && !c.values.containsKey(key)) return null;
            if (e != null && at == null) at = e;
        }
        List<String> parts = new ArrayList<>();
        for (String key : x.keys()) {
            Entry e = entries.get(key);
            String where = e == null ? "the default" : e.file.equals(at.file) && e.line > 0 ? "line " + e.line : e.where();
            parts.add(key + " = " + (c.declared.containsKey(key) ? s.get(key) : "?") + " (" + where + ")");
        }
        String keys = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        String message = keys + " conflict: " + x.reason();
        return at == null ? new ConfigError(firstFile(entries), 0, message) : error(at, message);
    }

    /**
     * "the sched provider 'fair', which this configuration does not choose (sched = rr)" for a key that only providers
     * not chosen declare; null when no provider found declares it.
     */
    private static String owners(Catalog catalog, String key, Map<Slot, Provider> chosen) {
        List<Map.Entry<Slot, Provider>> found = catalog.declaring(key);
        if (found.isEmpty()) return null;
        String names = found.stream().map(p -> "'" + p.getValue().name() + "'").collect(Collectors.joining(" and "));
        List<Slot> slots = found.stream().map(Map.Entry::getKey).distinct().toList();
        String instead = slots.stream().filter(chosen::containsKey)
                .map(slot -> slot.key() + " = " + chosen.get(slot).name()).collect(Collectors.joining(", "));
        return "the " + slots.stream().map(Slot::key).collect(Collectors.joining("/")) + " provider"
                + (found.size() > 1 ? "s " : " ") + names + ", which this configuration does not choose"
                + (instead.isEmpty() ? "" : " (" + instead + ")");
    }

    private static String firstFile(Map<String, Entry> entries) {
        return entries.values().stream().filter(e -> e.line > 0).map(Entry::file).findFirst().orElse("config");
    }

    private static ConfigError error(Entry e, String message) {
        if (e == null) return new ConfigError("config", 0, message);
        return new ConfigError(e.file, e.line, message);
    }

    private static boolean isSlot(String key) {
        for (Slot s : Slot.values()) {
            if (s.key().equals(key)) return true;
        }
        return false;
    }

    /** The name of the provider chosen for {@code slot}. */
    public String provider(Slot slot) {
        return chosen.get(slot).name();
    }

    Provider providerInstance(Slot slot) {
        return chosen.get(slot);
    }

    /** The effective value of {@code key}: from the file, an override, or the default. */
    public String value(String key) {
        return settings.get(key);
    }

    /** The checked settings providers read. */
    public Settings settings() {
        return settings;
    }

    /** What was accepted but not used, with file and line: keys of providers this configuration does not choose. */
    public List<ConfigError> warnings() {
        return warnings;
    }

    /** Every key this configuration accepts, the kernel's first, with its effective value and where it came from. */
    public List<ConfigKey> keys() {
        List<ConfigKey> out = new ArrayList<>();
        for (Tunable t : declared.values()) {
            out.add(new ConfigKey(t, declarers.get(t.key()), settings.get(t.key()),
                    sources.getOrDefault(t.key(), "default")));
        }
        return out;
    }

    /** "key = value  (where)" for every slot and tunable, for {@code sprocket config check}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Slot, Provider> e : chosen.entrySet()) {
            out.add(e.getKey().key() + " = " + e.getValue().name() + "  (" + e.getValue().description() + ")");
        }
        for (Tunable t : declared.values()) {
            String src = sources.getOrDefault(t.key(), "default");
            out.add(t.key() + " = " + settings.get(t.key()) + "  (" + src + ")");
        }
        return out;
    }
}
