package sprocket.cli.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sprocket.kernel.ConfigKey;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.Slot;

/**
 * What several configuration files set differently: the providers they choose and the keys any of them sets (a
 * default that follows from the machine, such as its cache sizes, is the machine's and not listed). Two stock
 * configurations differ in CPU count, kernel locking and memory as well as the machine, so a table of them compares
 * more than machines; this is what the note under the table says.
 */
final class Differences {
    private Differences() {
    }

    /** Each differing key with its value in each file, in the files' order; empty when they agree. */
    static Map<String, List<String>> of(Map<Path, KernelConfig> configs) {
        Set<String> keys = new LinkedHashSet<>();
        for (Slot s : Slot.values()) keys.add(s.key());
        for (KernelConfig c : configs.values()) {
            for (ConfigKey k : c.keys()) {
                if (!k.source().equals("default") && !k.key().equals("seed")) keys.add(k.key());
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : keys) {
            List<String> values = new ArrayList<>();
            for (KernelConfig c : configs.values()) values.add(value(c, key));
            if (values.stream().distinct().count() > 1) out.put(key, values);
        }
        return out;
    }

    private static String value(KernelConfig c, String key) {
        for (Slot s : Slot.values()) {
            if (s.key().equals(key)) return c.provider(s);
        }
        String v = c.value(key);
        return v == null ? "(not used)" : v;
    }

    /** The note: what differs, and how to compare the machines alone. Empty when nothing differs. */
    static String note(Map<String, List<String>> differences, Path first, String command) {
        if (differences.isEmpty()) return "";
        StringBuilder b = new StringBuilder("The configurations differ in more than one setting:");
        differences.forEach((k, v) -> b.append(' ').append(k).append(" (").append(String.join(" / ", v)).append(')')
                .append(';'));
        b.setLength(b.length() - 1);
        b.append(".");
        if (differences.containsKey("hw") && differences.size() > 1) {
            List<String> machines = differences.get("hw").stream().distinct().toList();
            b.append(" To compare the machines alone, vary the machine on one configuration: sprocket compare -c ")
                    .append(first).append(" --vary hw=").append(String.join(",", machines)).append(' ')
                    .append(command);
        }
        return b.toString();
    }
}
