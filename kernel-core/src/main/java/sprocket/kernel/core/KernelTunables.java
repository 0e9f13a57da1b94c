package sprocket.kernel.core;

import sprocket.api.spi.Settings;

/** The kernel's own tunables, read once at boot from the checked configuration. */
final class KernelTunables {
    final int cpus;
    final long memory;
    final int maxusers;
    final int maxpid;
    final Locks.Mode lock;
    final int hz;
    final long quantum;
    final long seed;
    /** RLIMIT_STACK's soft value: how far a stack may grow. */
    final long stackLimit;
    /** How long a runnable process may wait, in simulated milliseconds, before the policy is ejected. */
    final long watchdogMillis;

    KernelTunables(Settings s) {
        cpus = s.getInt("hw.cpus");
        memory = s.getSize("hw.memory");
        maxusers = s.getInt("kernel.maxusers");
        maxpid = s.getInt("kernel.maxpid");
        lock = "giant".equals(s.get("kernel.lock")) ? Locks.Mode.GIANT : Locks.Mode.FINE;
        hz = s.getInt("kernel.hz");
        quantum = s.getLong("kernel.quantum");
        seed = s.seed();
        stackLimit = s.getSize("kernel.stack");
        watchdogMillis = s.getLong("kernel.sched_watchdog");
    }
}
