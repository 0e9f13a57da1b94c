package sprocket.kernel.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import sprocket.api.spi.Counter;

/** The run's named counters: the kernel's own and whatever the providers ask for. */
final class Stats {
    private final Map<String, CounterImpl> counters = new LinkedHashMap<>();

    /** The counter named {@code name}, created on first use. */
    Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> new CounterImpl());
    }

    long get(String name) {
        CounterImpl c = counters.get(name);
        return c == null ? 0 : c.value;
    }

    /** Every counter by name, sorted, for reports. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.value));
        return out;
    }

    static final class CounterImpl implements Counter {
        long value;

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
