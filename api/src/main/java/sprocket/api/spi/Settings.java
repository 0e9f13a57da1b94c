package sprocket.api.spi;

/**
 * The configuration's values, already checked against the declared {@link Tunable}s; a key the
 * configuration does not set reads as its default. Asking for an undeclared key is a programming error and
 * throws {@link IllegalArgumentException}.
 */
public interface Settings {

    /** The value as written (after {@code --set} overrides), or the default. */
    String get(String key);

    /** An INT value. */
    long getLong(String key);

    /** An INT value that fits an int. */
    default int getInt(String key) {
        return Math.toIntExact(getLong(key));
    }

    /** A SIZE value in bytes. */
    long getSize(String key);

    /** A BOOL value. */
    boolean getBool(String key);

    /** The run's seed; providers derive their pseudo-random streams from it so runs repeat exactly. */
    long seed();
}
