package sprocket.ipc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;
import sprocket.api.Errno;
import sprocket.api.ipc.IpcContext;
import sprocket.api.ipc.SocketNames;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/**
 * Kernel services for one calling process with no engine behind them. A sleep runs what the test queued
 * for it (the other process doing its part, or a signal arriving) and returns that step's result; a sleep
 * with nothing queued would never end, so it fails the test.
 */
final class FakeKernel implements KernelServices {

    static final int PID = 42;
    static final long HZ = 1000;

    final List<Object> slept = new ArrayList<>();
    final List<Object> woken = new ArrayList<>();
    final List<String> signals = new ArrayList<>();
    private final ArrayDeque<IntSupplier> onSleep = new ArrayDeque<>();
    long clock;
    long charged;
    Credentials credentials = new Credentials(100, 101, 20, 21, 022);
    int pid = PID;
    /** The provider's tunables at their defaults, which a test may change before creating the IPC set. */
    final Map<String, Long> tunables = new TreeMap<>();

    /** The memory manager the IPC set gets: shared-memory segments only. */
    final FakeMemory memory = new FakeMemory();

    /** The name space the IPC set gets: socket nodes only. */
    final FakeNames names = new FakeNames(this);

    FakeKernel() {
        for (Tunable t : new SysvIpcProvider().tunables()) tunables.put(t.key(), parse(t.defaultValue()));
    }

    /** A tunable's value: a number, with a K, M or G suffix for a SIZE. */
    static long parse(String value) {
        int shift = switch (value.charAt(value.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        return Long.parseLong(shift == 0 ? value : value.substring(0, value.length() - 1)) << shift;
    }

    /** What the provider's create gets: this kernel and {@link #memory}. */
    IpcContext context() {
        return new IpcContext() {
            @Override
            public KernelServices kernel() {
                return FakeKernel.this;
            }

            @Override
            public sprocket.api.vm.MemoryManager memory() {
                return memory;
            }

            @Override
            public SocketNames names() {
                return names;
            }
        };
    }

    /** Runs {@code step} as process {@code asPid} with {@code asCred}, then returns to the caller's identity. */
    void as(int asPid, Credentials asCred, Runnable step) {
        int savedPid = pid;
        Credentials savedCred = credentials;
        pid = asPid;
        credentials = asCred;
        try {
            step.run();
        } finally {
            pid = savedPid;
            credentials = savedCred;
        }
    }

    /** At the next sleep, {@code other} runs (another process) and the sleeper is woken. */
    FakeKernel thenOther(Runnable other) {
        onSleep.add(() -> {
            other.run();
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
        return next.getAsInt();
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
    public void signal(int pid, int sig) {
        signals.add(pid + ":" + sig);
    }

    @Override
    public void prdaFilled(long physicalAddress) {
        throw new AssertionError("only the memory manager fills a PRDA");
    }

    @Override
    public void charge(long cycles) {
        charged += cycles;
        clock += cycles;
    }

    @Override
    public long now() {
        return clock;
    }

    @Override
    public long clockHz() {
        return HZ;
    }

    @Override
    public Counter counter(String name) {
        long[] cell = new long[1];
        return new Counter() {
            @Override
            public void add(long n) {
                cell[0] += n;
            }

            @Override
            public long get() {
                return cell[0];
            }
        };
    }

    @Override
    public RandomGenerator random(String stream) {
        return new SplittableRandom(stream.length());
    }

    @Override
    public Settings settings() {
        return new Settings() {
            @Override
            public String get(String key) {
                return Long.toString(getLong(key));
            }

            @Override
            public long getLong(String key) {
                Long v = tunables.get(key);
                if (v == null) throw new IllegalArgumentException("undeclared key " + key);
                return v;
            }

            @Override
            public long getSize(String key) {
                return getLong(key);
            }

            @Override
            public boolean getBool(String key) {
                throw new IllegalArgumentException("no BOOL key " + key);
            }

            @Override
            public long seed() {
                return 1;
            }
        };
    }

    @Override
    public long fileSizeLimit() {
        return sprocket.api.sys.Rlimit.RLIM_INFINITY;
    }

    /** This module never asks about processes; a fake process table with none in it. */
    @Override
    public sprocket.api.kernel.ProcessInfo[] processes() {
        return new sprocket.api.kernel.ProcessInfo[0];
    }

    @Override
    public sprocket.api.kernel.ProcessInfo process(int pid) {
        return null;
    }

    // What procfs shows: this module never asks.
    @Override
    public sprocket.api.kernel.LoadAverage loadAverage() {
        throw procfsOnly();
    }

    @Override
    public long[][] cpuTicks() {
        throw procfsOnly();
    }

    @Override
    public sprocket.api.kernel.SystemTables tables() {
        throw procfsOnly();
    }

    private static AssertionError procfsOnly() {
        return new AssertionError("the IPC layer asks nothing of what procfs shows");
    }
}
