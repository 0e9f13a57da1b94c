package sprocket.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/**
 * A policy's settings as the kernel's configuration would hand them over: its declared tunables' defaults, with
 * overrides checked against the declarations first, so the policy reads only valid values and an undeclared key
 * is the programming error the {@link Settings} contract says.
 */
final class DecisionSettings implements Settings {
    private final Map<String, Tunable> declared = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final long seed;

    DecisionSettings(List<Tunable> tunables, Map<String, String> overrides, long seed) {
        this.seed = seed;
        for (Tunable t : tunables) {
            declared.put(t.key(), t);
            values.put(t.key(), t.defaultValue());
        }
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            Tunable t = declared.get(o.getKey());
            if (t == null) throw new IllegalArgumentException("unknown key " + o.getKey() + "; declared: "
                    + declared.keySet());
            check(t, o.getValue());
            values.put(o.getKey(), o.getValue());
        }
    }

    private static void check(Tunable t, String value) {
        switch (t.type()) {
            case INT, SIZE -> {
                long v = t.type() == Tunable.Type.INT ? Long.parseLong(value) : size(value);
                if (v < t.min() || v > t.max()) {
                    throw new IllegalArgumentException(t.key() + " = " + value + " is outside " + t.min() + ".."
                            + t.max());
                }
            }
            case BOOL -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException(t.key() + " = " + value + " is not true or false");
                }
            }
            case CHOICE -> {
                if (!t.choices().contains(value)) {
                    throw new IllegalArgumentException(t.key() + " = " + value + " is not one of " + t.choices());
                }
            }
        }
    }

    /** A SIZE value: a byte count with an optional K, M or G suffix (powers of 1024). */
    static long size(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        int shift = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        long n = Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1));
        return n << shift;
    }

    @Override
    public String get(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("undeclared key " + key);
        return v;
    }

    @Override
    public long getLong(String key) {
        return Long.parseLong(get(key));
    }

    @Override
    public long getSize(String key) {
        return size(get(key));
    }

    @Override
    public boolean getBool(String key) {
        return Boolean.parseBoolean(get(key));
    }

    @Override
    public long seed() {
        return seed;
    }
}
