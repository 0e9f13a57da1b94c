package sprocket.vm.regions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Prctl;

/**
 * The kernel services the memory manager uses: charging cycles, counters, and filling a PRDA (recorded, and t_pid
 * written as the kernel does). The rest must not be called.
 */
final class FakeKernel implements KernelServices {
    static final class FakeCounter implements Counter {
        private long value;

        @Override public void add(long n) { value += n; }
        @Override public long get() { return value; }
    }

    final Map<String, FakeCounter> counters = new LinkedHashMap<>();
    long charged;
    /** The physical address of every PRDA page the memory manager said it filled, in order. */
    final List<Long> prdaFills = new ArrayList<>();
    /** What prdaFilled writes at t_pid, as the kernel writes the calling process's pid. */
    int pid = 100;
    /** vm.data_reserve, the only key the memory manager reads. */
    long dataReserve = 64L << 20;
    /** The machine's memory, where prdaFilled writes; the fixture sets it. */
    FakePhysicalMemory memory;
    private final Settings settings = new Settings() {
        @Override public String get(String key) { return Long.toString(getSize(key)); }
        @Override public long getLong(String key) { return getSize(key); }
        @Override public boolean getBool(String key) { throw undeclared(key); }
        @Override public long seed() { return 1; }

        @Override
        public long getSize(String key) {
            if (!key.equals("vm.data_reserve")) throw undeclared(key);
            return dataReserve;
        }
    };

    long count(String name) {
        FakeCounter c = counters.get(name);
        return c == null ? 0 : c.get();
    }

    @Override public void charge(long cycles) { charged += cycles; }

    @Override
    public void prdaFilled(long physicalAddress) {
        prdaFills.add(physicalAddress);
        memory.store(physicalAddress + (Prctl.T_PID - Prctl.PRDA), 4, pid);
    }
    @Override public Counter counter(String name) { return counters.computeIfAbsent(name, n -> new FakeCounter()); }

    @Override public int sleep(Object channel, boolean interruptible) { throw unused(); }
    @Override public void wakeup(Object channel) { throw unused(); }
    @Override public Credentials credentials() { throw unused(); }
    @Override public int pid() { throw unused(); }
    @Override public void signal(int pid, int sig) { throw unused(); }
    /** The fake has one clock that never moves: the flat memory system it gets ignores it. */
    @Override public long now() { return 0; }
    @Override public long clockHz() { throw unused(); }
    @Override public RandomGenerator random(String stream) { throw unused(); }
    @Override public Settings settings() { return settings; }

    private static IllegalArgumentException undeclared(String key) {
        return new IllegalArgumentException("undeclared key " + key);
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("the memory manager should not need this");
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
        throw unused();
    }

    @Override
    public long[][] cpuTicks() {
        throw unused();
    }

    @Override
    public sprocket.api.kernel.SystemTables tables() {
        throw unused();
    }
}
