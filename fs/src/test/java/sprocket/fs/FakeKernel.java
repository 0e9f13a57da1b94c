package sprocket.fs;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;

/** A hand-written KernelServices: a clock that charges advance, settings from a map, no processes. */
final class FakeKernel implements KernelServices {

    static final long HZ = 1_000_000;

    long now;
    long charged;
    final Map<String, String> settings = new TreeMap<>();
    Credentials credentials = new Credentials(0, 0, 0, 0, 022);
    /** Runs at each charge, where the real kernel may let another CPU in; cleared while it runs. */
    Runnable onCharge;

    FakeKernel() {
        settings.put(MemFsProvider.NFILE, "1000");
    }

    @Override
    public int sleep(Object channel, boolean interruptible) {
        throw new AssertionError("memfs never sleeps");
    }

    @Override
    public void wakeup(Object channel) {
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public int pid() {
        return 1;
    }

    @Override
    public void signal(int pid, int sig) {
        throw new AssertionError("memfs sends no signals");
    }

    @Override
    public void charge(long cycles) {
        if (cycles < 0) throw new AssertionError("negative charge " + cycles);
        charged += cycles;
        now += cycles;
        Runnable r = onCharge;
        if (r != null) {
            onCharge = null;
            r.run();
            onCharge = r;
        }
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long clockHz() {
        return HZ;
    }

    @Override
    public Counter counter(String name) {
        return new Counter() {
            private long value;

            @Override
            public void add(long n) {
                value += n;
            }

            @Override
            public long get() {
                return value;
            }
        };
    }

    @Override
    public RandomGenerator random(String stream) {
        return new SplittableRandom(stream.hashCode());
    }

    @Override
    public Settings settings() {
        return new Settings() {
            @Override
            public String get(String key) {
                String v = settings.get(key);
                if (v == null) throw new IllegalArgumentException("undeclared key " + key);
                return v;
            }

            @Override
            public long getLong(String key) {
                return Long.parseLong(get(key));
            }

            @Override
            public long getSize(String key) {
                return getLong(key);
            }

            @Override
            public boolean getBool(String key) {
                return Boolean.parseBoolean(get(key));
            }

            @Override
            public long seed() {
                return 1;
            }
        };
    }
}
