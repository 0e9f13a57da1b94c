package sprocket.kernel.vfs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;
import sprocket.api.Errno;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Rlimit;

/**
 * A hand-written KernelServices: a clock that charges advance, settings from a map, a caller whose pid a test
 * switches to play several processes. A sleep runs what the test queued for it (another process's step, or a
 * signal arriving); a sleep with nothing queued would never end, so it fails the test.
 */
final class FakeKernel implements KernelServices {

    static final long HZ = 1_000_000;

    long now;
    long charged;
    final Map<String, String> settings = new TreeMap<>();
    Credentials credentials = new Credentials(0, 0, 0, 0, 022);
    /** Runs at each charge, where the real kernel may let another CPU in; cleared while it runs. */
    Runnable onCharge;
    /** The calling process. */
    int pid = 1;
    /** RLIMIT_FSIZE of the caller. */
    long fileSizeLimit = Rlimit.RLIM_INFINITY;
    /** Signals sent, as "pid:sig". */
    final List<String> signals = new ArrayList<>();
    final List<Object> slept = new ArrayList<>();
    final List<Object> woken = new ArrayList<>();
    private final ArrayDeque<IntSupplier> onSleep = new ArrayDeque<>();
    /** The process table /proc shows, by pid; a test adds and removes processes. */
    final TreeMap<Integer, sprocket.api.kernel.ProcessInfo> processes = new TreeMap<>();

    FakeKernel() {
        settings.put("hw.memory", Long.toString(32L << 20));
        settings.put("fs.memfs.size", "0");
    }

    /** Runs {@code step} as process {@code asPid}, then returns to the caller's pid. */
    void as(int asPid, Runnable step) {
        int saved = pid;
        pid = asPid;
        try {
            step.run();
        } finally {
            pid = saved;
        }
    }

    /** At the next sleep, {@code other} runs as process {@code otherPid} and the sleeper is woken. */
    FakeKernel thenOther(int otherPid, Runnable other) {
        onSleep.add(() -> {
            as(otherPid, other);
            return 0;
        });
        return this;
    }

    /** At the next sleep, a signal arrives: the sleep returns EINTR. */
    FakeKernel thenSignal() {
        onSleep.add(() -> Errno.EINTR);
        return this;
    }

    boolean allSleepsUsed() {
        return onSleep.isEmpty();
    }

    @Override
    public int sleep(Object channel, boolean interruptible) {
        slept.add(channel);
        IntSupplier next = onSleep.poll();
        if (next == null) throw new AssertionError("sleeps on " + channel + " with nobody left to wake it");
        int r = next.getAsInt();
        if (r == Errno.EINTR && !interruptible) throw new AssertionError("EINTR from an uninterruptible sleep");
        return r;
    }

    @Override
    public void wakeup(Object channel) {
        woken.add(channel);
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public long fileSizeLimit() {
        return fileSizeLimit;
    }

    @Override
    public void signal(int pid, int sig) {
        signals.add(pid + ":" + sig);
    }

    @Override
    public void prdaFilled(long physicalAddress) {
        throw new AssertionError("only the memory manager fills a PRDA");
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

    @Override
    public sprocket.api.kernel.ProcessInfo[] processes() {
        return processes.values().toArray(new sprocket.api.kernel.ProcessInfo[0]);
    }

    @Override
    public sprocket.api.kernel.ProcessInfo process(int pid) {
        return processes.get(pid);
    }

    /** What /proc/loadavg shows; a test sets it. */
    sprocket.api.kernel.LoadAverage load = new sprocket.api.kernel.LoadAverage(0, 0, 0, 0, 0, 0);

    @Override
    public sprocket.api.kernel.LoadAverage loadAverage() {
        return load;
    }

    /** What /proc/stat shows; a test sets it. */
    long[][] ticks = new long[1][5];

    @Override
    public long[][] cpuTicks() {
        return ticks;
    }

    @Override
    public sprocket.api.kernel.SystemTables tables() {
        throw new AssertionError("only /proc/sysinfo's reads ask for the tables");
    }
}
