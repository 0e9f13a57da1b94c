package sprocket.kernel.syscall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.hw.Machine;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.Kthread;
import sprocket.kernel.lock.KernelLock;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.proc.ExecUnwind;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcessExit;
import sprocket.kernel.proc.Shaddr;
import sprocket.kernel.proc.TrapFrame;
import sprocket.kernel.stats.Stats;

/**
 * Entering and leaving the kernel, one frame for every system call: the trap's cost, the kernel lock the call's
 * area takes, the share group's synchronisation on entry, the call itself from the table, and on the way out the
 * return to user mode, where preemption, signals and blockproc(2) happen. Each call is counted, timed and, when
 * asked, traced.
 */
@Singleton
public final class Trap {
    private final Engine engine;
    private final Locks locks;
    private final UserReturn userReturn;
    private final Calls calls;
    private final SyscallFigures figures;
    private final Strace strace;
    private final long syscallCost;
    private final Stats.Count syscalls;

    @Inject
    Trap(Engine engine, Locks locks, UserReturn userReturn, Calls calls, SyscallFigures figures, Strace strace,
            Machine machine, Stats stats) {
        this.engine = engine;
        this.locks = locks;
        this.userReturn = userReturn;
        this.calls = calls;
        this.figures = figures;
        this.strace = strace;
        this.syscallCost = machine.costs().syscall();
        this.syscalls = stats.counter("syscalls");
    }

    /** The process making a call: the running one; one that is being torn down unwinds instead. */
    Proc caller() {
        Kthread t = engine.running();
        if (t == null) throw new IllegalStateException("a system call was made outside a simulated process");
        Proc p = (Proc) t;
        if (p.exiting) throw ProcessExit.INSTANCE;
        return p;
    }

    /**
     * The system call {@code e} by {@code p}, whose arguments are in its trap frame: returns the call's result (-1
     * when it failed, with errno set once the process is back in user mode).
     */
    long syscall(Proc p, Sysent e) {
        TrapFrame f = p.frame;
        long kernelBefore = p.stime();
        enter(p, e.area());
        f.error = 0;
        f.rv = null;
        long r = -1;
        int error = 0;
        Object rv = null;
        try {
            try {
                r = e.handler().call(calls, p, f);
            } catch (ExecUnwind | ProcessExit x) {
                if (strace.on()) strace.unwound(p, e, f, x instanceof ExecUnwind);
                f.clear();
                throw x;
            }
            error = f.error;
            rv = f.rv;
            if (strace.on()) strace.returned(p, e, f, r, error);
        } finally {
            try {
                leave(p);
            } finally {
                figures.add(e, p.stime() - kernelBefore, error);
            }
        }
        // A signal handler run on the way out made calls of its own: the frame is this call's again, as sigreturn
        // restores it.
        f.clear();
        f.rv = rv;
        if (error != 0) p.errno = error;
        return r;
    }

    /** Traps into the kernel for a call working in {@code area}. */
    private void enter(Proc p, Locks.Area area) {
        Cpu c = p.cpu();
        p.enterKernel();
        syscalls.value++;
        KernelLock l = locks.lockFor(area);
        // One big lock is taken on the way in, so the entry's own work is done under it (Linux 2.0's SMP entry path
        // takes kernel_flag as it saves the registers: "only one processor in the kernel at any time", as the SMP
        // HOWTO puts it); a subsystem's lock is taken by the call's code, after the entry.
        if (l != null && locks.mode == Locks.Mode.GIANT) {
            c.now += l.acquire(c.id, c.now);
            p.hold(l);
            l = null;
        }
        c.now += syscallCost;
        if (l != null) {
            c.now += l.acquire(c.id, c.now);
            p.hold(l);
        }
        // Barton and Wagner: "the collection of bits in p_flag is checked in a single test".
        if (p.syncPending != 0) p.shaddr.sync(p);
    }

    /** Returns to user mode: drops the lock, then gives the CPU up if the turn is over, then acts on signals. */
    private void leave(Proc p) {
        Shaddr group = p.shaddr;
        if (group != null && !p.exiting) {
            // A member that slept in this call may have missed another's change: it picks that up rather than
            // publishing its stale copy (the calls that change a shared resource do not sleep after changing it).
            if (p.syncPending != 0) group.sync(p);
            group.publish(p);
        }
        KernelLock l = p.heldLock();
        if (l != null) {
            Cpu c = p.cpu();
            c.now += l.release(c.id, c.now);
            p.hold(null);
        }
        p.leaveKernel();
        if (!p.exiting) userReturn.returning(p);
    }
}
