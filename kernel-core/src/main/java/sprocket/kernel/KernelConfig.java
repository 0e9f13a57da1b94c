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
import sprocket.api.spi.Provider;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;
import sprocket.kernel.config.ConfigSettings;
import sprocket.kernel.config.KernelKeys;
import sprocket.kernel.config.Values;

/**
 * A checked kernel configuration: a {@code key = value} file like a kernel {@code .config}, with {@code #}
 * comments, {@code --set} overrides on top. Unknown keys, unknown providers, bad values and conflicts are errors
 * with file and line, all reported together.
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
    private final ConfigSettings settings;

    private KernelConfig(Map<Slot, Provider> chosen, Map<String, String> values, Map<String, String> sources,
            Map<String, Tunable> declared) {
        this.chosen = chosen;
        this.values = values;
        this.sources = sources;
        this.declared = declared;
        this.settings = new ConfigSettings(declared, values);
    }

    private record Entry(String value, String file, int line) {
        String where() {
            return line > 0 ? file + ":" + line : file;
        }
    }

    /** Reads and checks {@code file} with {@code overrides} ("key=value", from --set) applied on top. */
    public static KernelConfig load(Path file, List<String> overrides, Catalog catalog) throws ConfigException {
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
        return check(entries, catalog, errors);
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

    private static KernelConfig check(Map<String, Entry> entries, Catalog catalog, List<ConfigError> errors)
            throws ConfigException {
        Map<Slot, Provider> chosen = new LinkedHashMap<>();
        Map<String, Tunable> declared = new LinkedHashMap<>();
        for (Tunable t : KernelKeys.ALL) declared.put(t.key(), t);
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
            chosen.put(slot, p);
            for (Tunable t : p.tunables()) declared.putIfAbsent(t.key(), t);
        }
        // mount(2) may make a file system of any type found, so every type's keys are the kernel's to accept.
        for (ProviderInfo info : catalog.providers(Slot.FS)) {
            Provider type = catalog.provider(Slot.FS, info.name());
            if (type != null && ApiVersion.compatible(type.apiVersion())) {
                for (Tunable t : type.tunables()) declared.putIfAbsent(t.key(), t);
            }
        }
        // The scheduler the kernel falls back to after ejecting a plug-in reads its own keys (at their defaults).
        Provider fallback = catalog.provider(Slot.SCHED, Kernel.FALLBACK_SCHEDULER);
        if (fallback != null) {
            for (Tunable t : fallback.tunables()) declared.putIfAbsent(t.key(), t);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> en : entries.entrySet()) {
            String key = en.getKey();
            Entry e = en.getValue();
            if (isSlot(key)) continue;
            Tunable t = declared.get(key);
            if (t == null && RENAMED.containsKey(key)) {
                errors.add(error(e, key + " is now " + RENAMED.get(key) + ": " + RENAMED_WHY.get(key)));
                continue;
            }
            if (t == null) {
                errors.add(error(e, "unknown key '" + key + "'" + suggestion(key, declared)));
                continue;
            }
            String why = Values.check(t, e.value);
            if (why != null) {
                errors.add(error(e, key + ": " + why));
                continue;
            }
            values.put(key, e.value);
            sources.put(key, e.where());
        }
        Provider hw = chosen.get(Slot.HW);
        // Conflicts are judged on the values that are valid on their own; a bad value was reported above.
        if (hw instanceof HardwareProvider machine) {
            Settings s = new ConfigSettings(declared, values);
            long cpus = s.getLong("hw.cpus");
            if (values.containsKey("hw.cpus") && cpus > machine.maxCpus()) {
                errors.add(error(entries.get("hw.cpus"), "hw.cpus = " + cpus + " but the " + machine.name()
                        + " machine has at most " + machine.maxCpus() + " CPUs"));
            }
            long mem = s.getSize("hw.memory");
            if (values.containsKey("hw.memory") && mem < machine.minMemory()) {
                errors.add(error(entries.get("hw.memory"), "hw.memory = " + s.get("hw.memory") + " but the "
                        + machine.name() + " machine needs at least " + machine.minMemory() / 1024 + "K"));
            }
            if (values.containsKey("hw.memory") && mem > machine.maxMemory()) {
                errors.add(error(entries.get("hw.memory"), "hw.memory = " + s.get("hw.memory") + " but the "
                        + machine.name() + " machine takes at most " + machine.maxMemory() / (1024 * 1024) + "M"));
            }
        }
        if (!errors.isEmpty()) throw new ConfigException(errors);
        return new KernelConfig(chosen, values, sources, declared);
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

    /** " (did you mean 'x'?)" for a key one or two edits from a declared one. */
    private static String suggestion(String key, Map<String, Tunable> declared) {
        String best = null;
        int bestDistance = 3;
        for (String k : declared.keySet()) {
            int d = distance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
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
