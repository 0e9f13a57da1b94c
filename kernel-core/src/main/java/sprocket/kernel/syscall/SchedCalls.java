package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.answer;
import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Machine;
import sprocket.api.spi.Counter;
import sprocket.api.sys.Resource;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sysconf;
import sprocket.kernel.config.KernelTunables;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.TimeOfDay;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.proc.Usage;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;

/** time(2), stime(2), sched_yield(2), nice(2), getpriority(2) and setpriority(2), the affinity calls, priocntl(2), getrusage(2) and sysconf(3C). */
@Singleton
final class SchedCalls {
    private final Engine engine;
    private final ProcTable table;
    private final KernelTunables tunables;
    private final Counter tlbMisses;
    private final long clockHz;
    private final int pageSize;
    private final TimeOfDay clock;

    @Inject
    SchedCalls(Engine engine, ProcTable table, KernelTunables tunables, Machine machine, Stats stats,
            TimeOfDay clock) {
        this.engine = engine;
        this.clock = clock;
        this.table = table;
        this.tunables = tunables;
        this.tlbMisses = stats.counter("tlb_misses");
        this.clockHz = machine.description().clockHz();
        this.pageSize = machine.memory().pageSize();
    }

    long time(Proc p) {
        return clock.time();
    }

    /** stime(2): "EPERM stime will fail if the effective user ID of the calling process is not super-user." */
    int stime(Proc p, long seconds) {
        if (!p.cred.root()) return fail(p, Errno.EPERM);
        // Linux's settimeofday(2): "EINVAL ... tv.tv_sec is negative"; and none the clock cannot count in cycles.
        if (!clock.settable(seconds)) return fail(p, Errno.EINVAL);
        clock.set(seconds);
        return 0;
    }

    int sched_yield(Proc p) {
        engine.yieldCpu(p);
        return 0;
    }

    int nice(Proc p, int incr) {
        if (incr < 0 && !p.cred.root()) return fail(p, Errno.EPERM);
        int nice = Math.max(-20, Math.min(19, p.nice() + incr));
        engine.setNice(p, nice);
        return nice;
    }

    /**
     * getpriority(2): the lowest nice value of the processes {@code which} and {@code who} name. setpriority(2)
     * (Linux): "The getpriority() call returns the highest priority (lowest numerical value) enjoyed by any of the
     * specified processes."
     */
    int getpriority(Proc p, int which, int who) {
        int lowest = Integer.MAX_VALUE;
        for (Proc t : named(p, which, who)) lowest = Math.min(lowest, t.nice());
        // "ESRCH No process was located using the which and who values specified."
        if (lowest == Integer.MAX_VALUE) return fail(p, Errno.ESRCH);
        return lowest;
    }

    /** setpriority(2): every process named gets nice value {@code prio}, clamped to -20..19. */
    int setpriority(Proc p, int which, int who, int prio) {
        List<Proc> targets = named(p, which, who);
        if (targets.isEmpty()) return fail(p, Errno.ESRCH);
        // "Attempts to set a nice value outside the range are clamped to the range."
        int nice = Math.max(-20, Math.min(19, prio));
        for (Proc t : targets) {
            // "EPERM A process was located, but its effective user ID did not match either the effective or the real
            // user ID of the caller, and was not privileged."
            if (!p.cred.root() && t.cred.euid() != p.cred.euid() && t.cred.euid() != p.cred.ruid()) {
                return fail(p, Errno.EPERM);
            }
            // "EACCES The caller attempted to set a lower nice value (i.e., a higher process priority), but did not
            // have the required privilege."
            if (!p.cred.root() && nice < t.nice()) return fail(p, Errno.EACCES);
        }
        for (Proc t : targets) engine.setNice(t, nice);
        return 0;
    }

    /**
     * The live processes {@code which} (PRIO_PROCESS, PRIO_PGRP, PRIO_USER) and {@code who} (0: the caller, its
     * group, its real user) name; EINVAL for another {@code which}.
     */
    private List<Proc> named(Proc p, int which, int who) {
        List<Proc> found = new ArrayList<>();
        switch (which) {
            case Resource.PRIO_PROCESS -> {
                Proc t = target(p, who);
                if (t != null && t.alive()) found.add(t);
            }
            case Resource.PRIO_PGRP -> {
                int pgid = who == 0 ? p.pgid : who;
                for (Proc t : table.all()) if (t.alive() && t.pgid == pgid) found.add(t);
            }
            case Resource.PRIO_USER -> {
                int uid = who == 0 ? p.cred.ruid() : who;
                for (Proc t : table.all()) if (t.alive() && t.cred.ruid() == uid) found.add(t);
            }
            // "EINVAL which was not one of PRIO_PROCESS, PRIO_PGRP, or PRIO_USER."
            default -> throw ErrnoException.of(Errno.EINVAL);
        }
        return found;
    }

    private Proc target(Proc p, int pid) {
        return pid == 0 ? p : table.get(pid);
    }

    int sched_setaffinity(Proc p, int pid, long mask) {
        Proc t = target(p, pid);
        if (t == null || !t.alive()) return fail(p, Errno.ESRCH);
        if (!Signals.maySignal(p.cred, t.cred)) return fail(p, Errno.EPERM);
        long cpus = mask & engine.allCpus();
        if (cpus == 0) return fail(p, Errno.EINVAL);
        engine.setAffinity(t, cpus);
        return 0;
    }

    long sched_getaffinity(Proc p, int pid) {
        Proc t = target(p, pid);
        if (t == null || !t.alive()) return fail(p, Errno.ESRCH);
        return t.affinity();
    }

    int priocntl(Proc p, int pid, String schedClass, int priority) {
        if (schedClass == null) return fail(p, Errno.EFAULT);
        Proc t = target(p, pid);
        if (t == null || !t.alive()) return fail(p, Errno.ESRCH);
        if (!Signals.maySignal(p.cred, t.cred)) return fail(p, Errno.EPERM);
        // priocntl(2): only the super-user may place a process in the real-time class.
        if (!p.cred.root() && !schedClass.equals("TS")) return fail(p, Errno.EPERM);
        engine.priocntl(t, schedClass, priority);
        return 0;
    }

    int getrusage(Proc p, int who) {
        if (who == Rusage.RUSAGE_CHILDREN) {
            long[] u = p.usage.children();
            return answer(p, new Rusage(ns(u[Usage.UTIME]), ns(u[Usage.STIME]), u[Usage.MINFLT], u[Usage.NVCSW],
                    u[Usage.NIVCSW], u[Usage.NSIGNALS], u[Usage.TLBMISS]));
        }
        if (who != Rusage.RUSAGE_SELF) return fail(p, Errno.EINVAL);
        long now = p.cpu().now;
        long run = p.runtime() + (now - p.sliceStart());
        long sys = p.stime() + (now - p.kernelMark());
        long tlb = p.tlbMisses() + tlbMisses.get() - p.tlbMark();
        return answer(p, new Rusage(ns(run - sys), ns(sys), p.usage.minflt, p.nvcsw(), p.nivcsw(), p.sig.delivered,
                tlb));
    }

    private long ns(long cycles) {
        return cycles / clockHz * 1_000_000_000L + (cycles % clockHz) * 1_000_000_000L / clockHz;
    }

    long sysconf(Proc p, int name) {
        return switch (name) {
            case Sysconf._SC_ARG_MAX -> ProcessCalls.ARG_MAX;
            case Sysconf._SC_CHILD_MAX -> table.maxUprc;
            case Sysconf._SC_CLK_TCK -> tunables.hz;
            case Sysconf._SC_NGROUPS_MAX -> Sysconf.NGROUPS_MAX;
            // sysconf(3C): OPEN_MAX is the process's RLIMIT_NOFILE, so a lowered limit shows here too.
            case Sysconf._SC_OPEN_MAX -> FileCalls.nofile(p);
            case Sysconf._SC_PAGESIZE -> pageSize;
            case Sysconf._SC_NPROC_CONF, Sysconf._SC_NPROC_ONLN -> engine.cpuCount();
            default -> fail(p, Errno.EINVAL);
        };
    }
}
