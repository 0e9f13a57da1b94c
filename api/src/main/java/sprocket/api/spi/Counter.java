package sprocket.api.spi;

/**
 * A statistic the kernel reports after a run (and in {@code --stats-json} under its name). Providers get
 * one by name from their context once, at creation, and bump it on the hot path.
 */
public interface Counter {

    /** Adds {@code n}. */
    void add(long n);

    /** Adds one. */
    default void increment() {
        add(1);
    }

    /** The current total. */
    long get();
}
