package sprocket.kernel.config;

import java.util.Locale;
import sprocket.api.spi.Tunable;

/** Reading and checking a configuration value against its {@link Tunable}. */
public final class Values {
    private Values() {
    }

    /** Why {@code value} is not a valid value of {@code t}, or null when it is. */
    public static String check(Tunable t, String value) {
        switch (t.type()) {
            case INT -> {
                Long v = parseLong(value);
                if (v == null) return "'" + value + "' is not a whole number";
                if (v < t.min() || v > t.max()) return value + " is out of range " + t.min() + ".." + t.max();
            }
            case SIZE -> {
                Long v = parseSize(value);
                if (v == null) return "'" + value + "' is not a size (a number with an optional K, M or G suffix)";
                if (v < t.min() || v > t.max()) {
                    return value + " is out of range " + human(t.min()) + ".." + human(t.max());
                }
            }
            case CHOICE -> {
                if (!t.choices().contains(value)) return "'" + value + "' is not one of " + String.join(", ", t.choices());
            }
            case BOOL -> {
                if (!value.equals("true") && !value.equals("false")) return "'" + value + "' is not true or false";
            }
        }
        return null;
    }

    public static Long parseLong(String s) {
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Bytes in {@code 64M}, {@code 512K}, {@code 1G}, {@code 4096}, {@code 16MiB}; null if malformed. */
    public static Long parseSize(String s) {
        String v = s.trim().toUpperCase(Locale.ROOT);
        if (v.endsWith("IB")) v = v.substring(0, v.length() - 2);
        else if (v.endsWith("B")) v = v.substring(0, v.length() - 1);
        long mul = 1;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'K' -> mul = 1L << 10;
                case 'M' -> mul = 1L << 20;
                case 'G' -> mul = 1L << 30;
                default -> mul = 1;
            }
            if (mul != 1) v = v.substring(0, v.length() - 1);
        }
        Long n = parseLong(v);
        if (n == null || n < 0 || n > Long.MAX_VALUE / mul) return null;
        return n * mul;
    }

    /** The values {@code t} allows, as a person writes them: "1..64", "1M..3G", "giant, fine", "true, false". */
    public static String range(Tunable t) {
        return switch (t.type()) {
            case INT -> t.min() == Long.MIN_VALUE && t.max() == Long.MAX_VALUE ? "any 64-bit value"
                    : t.min() + ".." + t.max();
            case SIZE -> human(t.min()) + ".." + human(t.max());
            case CHOICE -> String.join(", ", t.choices());
            case BOOL -> "true, false";
        };
    }

    static String human(long bytes) {
        if (bytes == 0) return "0";
        if (bytes % (1L << 30) == 0) return (bytes >> 30) + "G";
        if (bytes % (1L << 20) == 0) return (bytes >> 20) + "M";
        if (bytes % (1L << 10) == 0) return (bytes >> 10) + "K";
        return Long.toString(bytes);
    }
}
