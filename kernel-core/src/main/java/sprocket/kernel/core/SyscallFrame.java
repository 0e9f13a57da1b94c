package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.fs.Lookup;

/**
 * Entering and leaving the kernel, shared by every system call: the trap's cost, the kernel lock the
 * configuration asks for, and on the way out the return to user mode, where preemption and signals happen.
 */
@Singleton
final class SyscallFrame {
    private final Engine engine;
    private final Locks locks;
    private final Signals signals;
    private final long syscallCost;
    private final Stats.CounterImpl syscalls;
    private final ProcBlock blocking;

    @Inject
    SyscallFrame(Engine engine, Locks locks, Signals signals, Stats stats, ProcBlock blocking) {
        this.engine = engine;
        this.blocking = blocking;
        this.locks = locks;
        this.signals = signals;
        this.syscallCost = engine.costs.syscall();
        this.syscalls = (Stats.CounterImpl) stats.counter("syscalls");
    }

    /** Traps into the kernel for a call working in {@code area}; returns the calling process. */
    Proc enter(Locks.Area area) {
        Proc p = engine.running;
        if (p == null) throw new IllegalStateException("a system call was made outside a simulated process");
        if (p.exiting) throw ProcessExit.INSTANCE;
        Cpu c = p.cpu;
        p.kernelMark = c.now;
        c.now += syscallCost;
        syscalls.value++;
        p.inKernel = true;
        KernelLock l = locks.lockFor(area);
        if (l != null) {
            c.now += l.acquire(c.id, c.now);
            p.heldLock = l;
        }
        // The paper: "the collection of bits in p_flag is checked in a single test".
        if (p.syncPending != 0) p.shaddr.sync(p);
        return p;
    }

    /** Returns to user mode: drops the lock, then gives the CPU up if the turn is over, then acts on signals. */
    void leave(Proc p) {
        Shaddr group = p.shaddr;
        if (group != null && !p.exiting) {
            // A member that slept in this call may have missed another's change: it picks that up rather than
            // publishing its stale copy (the calls that change a shared resource do not sleep after changing it).
            if (p.syncPending != 0) group.sync(p);
            group.publish(p);
        }
        KernelLock l = p.heldLock;
        if (l != null) {
            p.cpu.now += l.release(p.cpu.id, p.cpu.now);
            p.heldLock = null;
        }
        p.inKernel = false;
        p.stime += p.cpu.now - p.kernelMark;
        if (p.exiting) return;
        if (p.cpu.now >= p.cpu.limit) {
            engine.preemptionPoint(p);
        } else if ((p.pending & ~p.blocked) != 0) {
            signals.check(p);
        }
        if (p.blockCount < 0) {
            blocking.blockme(p);
            if ((p.pending & ~p.blocked) != 0) signals.check(p);
        }
    }

    /** The running process, for work done in user mode (loads, stores, burning cycles). */
    Proc user() {
        Proc p = engine.running;
        if (p == null) throw new IllegalStateException("memory was touched outside a simulated process");
        if (p.exiting) throw ProcessExit.INSTANCE;
        return p;
    }

    /** Fails the call: -1 with errno set. */
    static int fail(Proc p, int errno) {
        p.errno = errno;
        return -1;
    }

    /** A provider's negative-errno result: the value itself, or -1 with errno set. */
    static long result(Proc p, long r) {
        if (r < 0) {
            p.errno = (int) -r;
            return -1;
        }
        return r;
    }

    /** Where the process resolves paths from, and as whom. */
    static Lookup lookup(Proc p) {
        return new Lookup(p.cwd, p.root, Lifecycle.credentials(p));
    }
}
