package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sysconf;

/** Time, the CPU and scheduling: burn, the cycle counter, time(2), sched_yield(2), nice(2), sysconf(3C). */
@Singleton
final class CpuCalls {
    private final SyscallFrame frame;
    private final Engine engine;
    private final ProcTable table;
    private final KernelTunables tunables;
    private final long clockHz;
    private final int pageSize;

    @Inject
    CpuCalls(SyscallFrame frame, Engine engine, ProcTable table, KernelTunables tunables) {
        this.frame = frame;
        this.engine = engine;
        this.table = table;
        this.tunables = tunables;
        this.clockHz = engine.machine.description().clockHz();
        this.pageSize = engine.machine.memory().pageSize();
    }


    public int errno() {
        return frame.user().errno;
    }

    public void errno(int value) {
        frame.user().errno = value;
    }

    public void burn(long cycles) {
        Proc p = frame.user();
        if (cycles > 0) engine.burn(p, cycles);
    }

    public long cycles() {
        Proc p = frame.user();
        return p.cpu.now;
    }

    public long nanotime() {
        Proc p = frame.user();
        long now = p.cpu.now;
        return now / clockHz * 1_000_000_000L + (now % clockHz) * 1_000_000_000L / clockHz;
    }

    public long time() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return p.cpu.now / clockHz;
        } finally {
            frame.leave(p);
        }
    }

    public int sched_yield() {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            engine.yieldCpu(p);
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public int nice(int incr) {
        Proc p = frame.enter(Locks.Area.SCHED);
        try {
            if (incr < 0 && p.euid != 0) return SyscallFrame.fail(p, Errno.EPERM);
            p.nice = Math.max(-20, Math.min(19, p.nice + incr));
            engine.scheduler.priorityChanged(p);
            return p.nice;
        } finally {
            frame.leave(p);
        }
    }

    private Proc target(Proc p, int pid) {
        return pid == 0 ? p : table.get(pid);
    }

    public int sched_setaffinity(int pid, long mask) {
        Proc p = frame.enter(Locks.Area.SCHED);
        try {
            Proc t = target(p, pid);
            if (t == null || !t.alive()) return SyscallFrame.fail(p, Errno.ESRCH);
            if (!Signals.maySignal(p, t)) return SyscallFrame.fail(p, Errno.EPERM);
            long cpus = mask & allCpus();
            if (cpus == 0) return SyscallFrame.fail(p, Errno.EINVAL);
            engine.setAffinity(t, cpus);
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public long sched_getaffinity(int pid) {
        Proc p = frame.enter(Locks.Area.SCHED);
        try {
            Proc t = target(p, pid);
            if (t == null || !t.alive()) return SyscallFrame.fail(p, Errno.ESRCH);
            return t.affinity;
        } finally {
            frame.leave(p);
        }
    }

    public int priocntl(int pid, String schedClass, int priority) {
        Proc p = frame.enter(Locks.Area.SCHED);
        try {
            if (schedClass == null) return SyscallFrame.fail(p, Errno.EFAULT);
            Proc t = target(p, pid);
            if (t == null || !t.alive()) return SyscallFrame.fail(p, Errno.ESRCH);
            if (!Signals.maySignal(p, t)) return SyscallFrame.fail(p, Errno.EPERM);
            // priocntl(2): only the super-user may place a process in the real-time class.
            if (p.euid != 0 && !schedClass.equals("TS")) return SyscallFrame.fail(p, Errno.EPERM);
            int r = engine.scheduler.priocntl(t, schedClass, priority);
            if (r != 0) return SyscallFrame.fail(p, r);
            t.priority = priority;
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public Rusage getrusage(int who) {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            if (who == Rusage.RUSAGE_CHILDREN) {
                long[] u = p.childUsage;
                return new Rusage(ns(u[0]), ns(u[1]), u[2], u[3], u[4], u[5], u[6]);
            }
            if (who != Rusage.RUSAGE_SELF) {
                SyscallFrame.fail(p, Errno.EINVAL);
                return null;
            }
            long now = p.cpu.now;
            long run = p.runtime + (now - p.sliceStart);
            long sys = p.stime + (now - p.kernelMark);
            long tlb = p.tlbMisses + engine.stats.counter("tlb_misses").get() - p.tlbMark;
            return new Rusage(ns(run - sys), ns(sys), p.minflt, p.nvcsw, p.nivcsw, p.nsignals, tlb);
        } finally {
            frame.leave(p);
        }
    }

    private long ns(long cycles) {
        return cycles / clockHz * 1_000_000_000L + (cycles % clockHz) * 1_000_000_000L / clockHz;
    }

    private long allCpus() {
        int n = engine.cpus.length;
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    public long sysconf(int name) {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            return switch (name) {
                case Sysconf._SC_ARG_MAX -> ProcessCalls.ARG_MAX;
                case Sysconf._SC_CHILD_MAX -> table.maxUprc;
                case Sysconf._SC_CLK_TCK -> tunables.hz;
                case Sysconf._SC_NGROUPS_MAX -> 16;
                case Sysconf._SC_OPEN_MAX -> FdTable.NOFILE;
                case Sysconf._SC_PAGESIZE -> pageSize;
                case Sysconf._SC_NPROC_CONF, Sysconf._SC_NPROC_ONLN -> engine.cpus.length;
                default -> SyscallFrame.fail(p, Errno.EINVAL);
            };
        } finally {
            frame.leave(p);
        }
    }
}
