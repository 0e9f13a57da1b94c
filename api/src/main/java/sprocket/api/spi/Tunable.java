package sprocket.api.spi;

import java.util.List;

/**
 * One configuration key a provider (or the kernel) accepts, with its type, default and bounds. The kernel
 * checks values against it, so providers read settings that are already valid.
 *
 * @param min for INT and SIZE, the least value allowed
 * @param max for INT and SIZE, the greatest value allowed
 * @param choices for CHOICE, the allowed words
 */
public record Tunable(String key, Type type, String defaultValue, long min, long max, List<String> choices,
        String description) {

    /** How a value is written. */
    public enum Type {
        /** A whole number. */
        INT,
        /** A byte count with an optional K, M or G suffix (powers of 1024): {@code 64M}. */
        SIZE,
        /** One of a fixed set of words. */
        CHOICE,
        /** {@code true} or {@code false}. */
        BOOL
    }

    public Tunable {
        choices = List.copyOf(choices);
    }

    public static Tunable integer(String key, long defaultValue, long min, long max, String description) {
        return new Tunable(key, Type.INT, Long.toString(defaultValue), min, max, List.of(), description);
    }

    public static Tunable size(String key, String defaultValue, long min, long max, String description) {
        return new Tunable(key, Type.SIZE, defaultValue, min, max, List.of(), description);
    }

    public static Tunable choice(String key, String defaultValue, List<String> choices, String description) {
        return new Tunable(key, Type.CHOICE, defaultValue, 0, 0, choices, description);
    }

    public static Tunable bool(String key, boolean defaultValue, String description) {
        return new Tunable(key, Type.BOOL, Boolean.toString(defaultValue), 0, 0, List.of(), description);
    }
}
