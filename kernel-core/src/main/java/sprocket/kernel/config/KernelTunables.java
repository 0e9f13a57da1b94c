package sprocket.kernel.config;

import sprocket.api.spi.Settings;
import sprocket.kernel.lock.Locks;

/** The kernel's own tunables, read once at boot from the checked configuration. */
public final class KernelTunables {
    public final int cpus;
    public final long memory;
    public final int maxusers;
    public final int maxpid;
    /**
     * Host heap the processes may take (kernel.heap_budget), in bytes: the configured figure, or when it is 0, 3/4 of
     * the JVM's maximum heap less the simulated memory (which lives on that heap too). The maximum heap is fixed when
     * the JVM starts, so a run's trace depends on it only if the run reaches the budget.
     */
    public final long heapBudget;
    public final Locks.Mode lock;
    public final int hz;
    public final long quantum;
    /** The quantum while CPUs share cache lines (kernel.sharing_quantum), at most {@link #quantum}. */
    public final long sharingQuantum;
    public final long seed;
    /** RLIMIT_STACK's soft value: how far a stack may grow. */
    public final long stackLimit;
    /** Entries of the system open file table (SVR4's nfile): one open more fails with ENFILE. */
    public final int nfile;
    /** Entries of the in-core inode table (SVR4's ninode): opening one more file fails with ENFILE. */
    public final int ninode;
    /** How long a runnable process may wait, in simulated milliseconds, before the policy is ejected. */
    public final long watchdogMillis;
    /** Which scheduling policies run their callbacks on a host thread of their own: plugins, all or none. */
    public final String schedIsolation;
    /** Host milliseconds one callback of an isolated policy may run before it is cut off. */
    public final long schedHostMillis;
    /** Bytes of host heap one callback of an isolated policy may allocate before it is cut off. */
    public final long schedHostBytes;
    /** How long a run may last, in simulated seconds (kernel.time_limit); 0 for no limit. */
    public final long timeLimitSeconds;

    public KernelTunables(Settings s) {
        cpus = s.getInt("hw.cpus");
        memory = s.getSize("hw.memory");
        maxusers = s.getInt("kernel.maxusers");
        maxpid = s.getInt("kernel.maxpid");
        long budget = s.getSize("kernel.heap_budget");
        heapBudget = budget != 0 ? budget : defaultHeapBudget(Runtime.getRuntime().maxMemory(), memory);
        lock = "giant".equals(s.get("kernel.lock")) ? Locks.Mode.GIANT : Locks.Mode.FINE;
        hz = s.getInt("kernel.hz");
        quantum = s.getLong("kernel.quantum");
        sharingQuantum = Math.min(quantum, s.getLong("kernel.sharing_quantum"));
        seed = s.seed();
        stackLimit = s.getSize("kernel.stack");
        nfile = s.getInt("kernel.nfile");
        ninode = s.getInt("kernel.ninode");
        watchdogMillis = s.getLong("kernel.sched_watchdog");
        timeLimitSeconds = s.getLong("kernel.time_limit");
        schedIsolation = s.get("kernel.sched_isolation");
        schedHostMillis = s.getLong("kernel.sched_host_limit");
        schedHostBytes = s.getSize("kernel.sched_host_memory");
    }

    /** kernel.heap_budget's default for a JVM whose maximum heap is {@code maxHeap} simulating {@code memory} of RAM. */
    static long defaultHeapBudget(long maxHeap, long memory) {
        return Math.max(0, (maxHeap - memory) / 4 * 3);
    }
}
