package sprocket.kernel;

import sprocket.api.spi.Tunable;
import sprocket.kernel.config.Values;

/**
 * One configuration key as {@code sprocket config keys} lists it.
 *
 * @param tunable the key's declaration: type, default, bounds and description
 * @param declaredBy who declares it: {@code "kernel"}, or the slot and provider, {@code "sched fair"}
 * @param value the value a configuration gives it, or its default when listed without one
 * @param source where the value comes from: {@code "file:line"}, {@code "--set ..."} or {@code "default"}
 */
public record ConfigKey(Tunable tunable, String declaredBy, String value, String source) {

    public String key() {
        return tunable.key();
    }

    /** The values allowed, as written in a file: "1..64", "1M..3G", "giant, fine". */
    public String range() {
        return Values.range(tunable);
    }

    /** What kind of value it takes, in words: "a whole number", "a size", "a word", "a truth value". */
    public String kind() {
        return switch (tunable.type()) {
            case INT -> "a whole number";
            case SIZE -> "a size in bytes, K, M or G";
            case CHOICE -> "one of";
            case BOOL -> "a truth value";
        };
    }
}
