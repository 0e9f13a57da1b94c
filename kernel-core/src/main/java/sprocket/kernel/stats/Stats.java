package sprocket.kernel.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import sprocket.api.spi.Counter;

/** The run's named counters: the kernel's own and whatever the providers ask for. */
public final class Stats {
    private final Map<String, Count> counters = new LinkedHashMap<>();

    /**
     * The counter named {@code name}, created on first use. The kernel bumps its own counters through the returned
     * object's field on hot paths; providers see it as a {@link Counter}.
     */
    public Count counter(String name) {
        return counters.computeIfAbsent(name, n -> new Count());
    }

    /** The value of {@code name}, 0 if nothing counted it. */
    public long get(String name) {
        Count c = counters.get(name);
        return c == null ? 0 : c.value;
    }

    /** Every counter by name, sorted, for reports. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.value));
        return out;
    }

    /** One counter; {@link #value} is public so that the kernel's hot paths add to it without a call. */
    public static final class Count implements Counter {
        public long value;

        @Override
        public void add(long n) {
            value += n;
        }

        @Override
        public void increment() {
            value++;
        }

        @Override
        public long get() {
            return value;
        }
    }
}
