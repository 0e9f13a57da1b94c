package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.answer;
import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.hw.Machine;
import sprocket.api.spi.Counter;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sysconf;
import sprocket.kernel.config.KernelTunables;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.proc.FdTable;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.proc.Usage;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;

/** time(2), sched_yield(2), nice(2), the affinity calls, priocntl(2), getrusage(2) and sysconf(3C). */
@Singleton
final class SchedCalls {
    private final Engine engine;
    private final ProcTable table;
    private final KernelTunables tunables;
    private final Counter tlbMisses;
    private final long clockHz;
    private final int pageSize;

    @Inject
    SchedCalls(Engine engine, ProcTable table, KernelTunables tunables, Machine machine, Stats stats) {
        this.engine = engine;
        this.table = table;
        this.tunables = tunables;
        this.tlbMisses = stats.counter("tlb_misses");
        this.clockHz = machine.description().clockHz();
        this.pageSize = machine.memory().pageSize();
    }

    long time(Proc p) {
        return p.cpu().now / clockHz;
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
            case Sysconf._SC_NGROUPS_MAX -> 16;
            case Sysconf._SC_OPEN_MAX -> FdTable.NOFILE;
            case Sysconf._SC_PAGESIZE -> pageSize;
            case Sysconf._SC_NPROC_CONF, Sysconf._SC_NPROC_ONLN -> engine.cpuCount();
            default -> fail(p, Errno.EINVAL);
        };
    }
}
