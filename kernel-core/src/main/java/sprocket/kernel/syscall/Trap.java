package sprocket.kernel.syscall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Machine;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.lock.KernelLock;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.proc.ExecUnwind;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcessExit;
import sprocket.kernel.proc.Shaddr;
import sprocket.kernel.proc.TrapFrame;

/**
 * Entering and leaving the kernel, one frame for every system call: the trap's cost, the kernel lock the call's
 * area takes, the share group's synchronisation on entry, the call itself from the table, and on the way out the
 * return to user mode, where preemption, signals and blockproc(2) happen. Each call is counted, timed and, when
 * asked, traced.
 */
@Singleton
public final class Trap {
    private final Locks locks;
    private final UserReturn userReturn;
    private final Calls calls;
    /** The per-call figures' own array (SyscallFigures's): one dependent load fewer on every call. */
    private final long[] figures;
    private final Strace strace;
    /** Whether calls are traced: read on every call, so kept here rather than behind the tracer. */
    private final boolean tracing;
    private final long syscallCost;

    @Inject
    Trap(Locks locks, UserReturn userReturn, Calls calls, SyscallFigures figures, Strace strace,
            Machine machine) {
        this.locks = locks;
        this.userReturn = userReturn;
        this.calls = calls;
        this.figures = figures.array();
        this.strace = strace;
        this.tracing = strace.on();
        this.syscallCost = machine.costs().syscall();
    }

    /**
     * The system call {@code e} by {@code p}, whose arguments are in its trap frame: returns the call's result (-1
     * when it failed, with errno set once the process is back in user mode). A handler fails by {@link Errors#fail}
     * or by letting a provider's {@link ErrnoException} pass; both end here the same way.
     *
     * <p>Kept small on purpose, and so are the methods it inlines: C2 inlines it into each stub, where {@code e} is a
     * constant and the handler is inlined in turn, only while its own compiled code stays under InlineSmallCode (2,500
     * bytes); a method compiled bigger than that is "already compiled into a big method" and is called instead, and
     * every call then pays for a generic frame. So whatever an ordinary call does not need (an error, a call that
     * takes or returns objects, the tracer, a share group, a kernel lock, preemption, signals) is a call out of line.
     */
    long syscall(Proc p, Sysent e) {
        long kernelBefore = enter(p, e);
        long r;
        try {
            r = e.handler().call(calls, p, p.frame);
        } catch (ErrnoException x) {
            // A provider (or the kernel's own file layer) failed the call: the one place that becomes -1 and errno.
            r = Errors.fail(p, x.errno());
        } catch (RuntimeException | Error x) {
            unwound(p, e, kernelBefore, x);
            throw x;
        }
        if (p.frame.error != 0 || e.objects() || tracing) return returnedSlowly(p, e, kernelBefore, r);
        exitKernel(p);
        SyscallFigures.add(figures, e, p.stime() - kernelBefore, 0);
        toUser(p);
        return r;
    }

    /** The handler returned {@code r} from a call that failed, takes objects or is traced: the whole way back. */
    private long returnedSlowly(Proc p, Sysent e, long kernelBefore, long r) {
        TrapFrame f = p.frame;
        int error = f.error;
        // The frame holds no error between calls: only a failed call pays for clearing it.
        if (error != 0) f.error = 0;
        Object rv = f.rv;
        if (tracing) strace.returned(p, e, f, r, error);
        exitKernel(p);
        SyscallFigures.add(figures, e, p.stime() - kernelBefore, error);
        toUser(p);
        if (e.objects()) {
            // A signal handler run on the way out made calls of its own: the frame is this call's again, as
            // sigreturn restores it, and lets the caller's objects go.
            f.clear();
            f.rv = rv;
        }
        if (error != 0) p.errno = error;
        return r;
    }

    /**
     * The handler did not return: exec(2) replaced the image, the process exited, or the kernel broke. The call is
     * traced and counted and the process leaves the kernel; then {@code x} goes on up.
     */
    private void unwound(Proc p, Sysent e, long kernelBefore, Throwable x) {
        TrapFrame f = p.frame;
        if (tracing && (x instanceof ExecUnwind || x instanceof ProcessExit)) {
            strace.unwound(p, e, f, x instanceof ExecUnwind);
        }
        f.error = 0;
        f.clear();
        exitKernel(p);
        SyscallFigures.add(figures, e, p.stime() - kernelBefore, 0);
        toUser(p);
    }

    /** Traps into the kernel for the call {@code e}; returns the process's kernel time before. */
    private long enter(Proc p, Sysent e) {
        long kernelBefore = p.stime();
        if (e.objects()) p.frame.rv = null;
        Cpu c = p.cpu();
        p.enterKernel();
        KernelLock l = locks.lockFor(e.area());
        if (l != null) lockOnEntry(p, c, l);
        else c.now += syscallCost;
        // Barton and Wagner: "the collection of bits in p_flag is checked in a single test".
        if (p.attention() != 0 && p.syncPending != 0) p.shaddr().sync(p);
        return kernelBefore;
    }

    /**
     * Pays for the trap and takes the kernel lock of the call's area, held until the call returns (or sleeps). One big
     * lock is taken on the way in, so the entry's own work is done under it (Linux 2.0's SMP entry path takes
     * kernel_flag as it saves the registers: "only one processor in the kernel at any time", as the SMP HOWTO puts
     * it); a subsystem's lock is taken by the call's code, after the entry.
     */
    private void lockOnEntry(Proc p, Cpu c, KernelLock l) {
        if (locks.mode != Locks.Mode.GIANT) c.now += syscallCost;
        c.now += l.acquire(c.id, c.now);
        p.hold(l);
        if (locks.mode == Locks.Mode.GIANT) c.now += syscallCost;
    }

    /**
     * Leaves the kernel: a share group member publishes, the lock is dropped, the kernel time is charged. Nothing here
     * throws, so the call's figures, taken next, need no finally around it (C2 keeps fewer values live without one).
     */
    private void exitKernel(Proc p) {
        // The attention word: nonzero only for what some processes need (exit, a share group, blockproc, a signal).
        if (p.attention() != 0 && p.shaddr() != null && !p.exiting()) leaveGroup(p, p.shaddr());
        KernelLock l = p.heldLock();
        if (l != null) release(p, l);
        p.leaveKernel();
    }

    /**
     * Returns to user mode: the CPU is given up if the turn is over, then signals are acted on (a handler's own calls
     * are its own, not this call's). A process being torn down goes on unwinding instead.
     */
    private void toUser(Proc p) {
        if (p.attention() == 0 || !p.exiting()) userReturn.returning(p);
    }

    /**
     * A share group member leaves the kernel: one that slept in this call may have missed another's change, so it
     * picks that up rather than publishing its stale copy (the calls that change a shared resource do not sleep after
     * changing it).
     */
    private static void leaveGroup(Proc p, Shaddr group) {
        if (p.syncPending != 0) group.sync(p);
        group.publish(p);
    }

    /** Drops the kernel lock held across the call. */
    private static void release(Proc p, KernelLock l) {
        Cpu c = p.cpu();
        c.now += l.release(c.id, c.now);
        p.hold(null);
    }
}
