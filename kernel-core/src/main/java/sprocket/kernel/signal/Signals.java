package sprocket.kernel.signal;

import static sprocket.api.Signals.SIGCONT;
import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSTOP;
import static sprocket.api.Signals.SIGTSTP;
import static sprocket.api.Signals.SIGTTIN;
import static sprocket.api.Signals.SIGTTOU;
import static sprocket.api.Signals.bit;
import static sprocket.api.Signals.defaultAction;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Signals.Action;
import sprocket.api.sys.SignalHandler;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.ThreadState;
import sprocket.kernel.proc.Cred;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.SigState;
import sprocket.kernel.stats.Trace;

/**
 * Posting signals (psignal): recording one as pending, or discarding it when ignored, and waking, continuing or
 * interrupting the target as signal(2) and the Unix signal table describe. Acting on a pending signal happens at the
 * target's return to user mode, in the system call layer.
 */
@Singleton
public final class Signals {
    /** Signals that can never be blocked, caught or ignored. */
    public static final int UNMASKABLE = bit(SIGKILL) | bit(SIGSTOP);
    private static final int STOPS = bit(SIGSTOP) | bit(SIGTSTP) | bit(SIGTTIN) | bit(SIGTTOU);
    /** pid 1. */
    public static final int INIT_PID = 1;

    private final Engine engine;
    private final Trace trace;

    @Inject
    Signals(Engine engine, Trace trace) {
        this.engine = engine;
        this.trace = trace;
    }

    /** kill(2)'s permission rule: root, or a real or effective uid matching the target's real or saved uid. */
    public static boolean maySignal(Cred from, Cred to) {
        if (from.root()) return true;
        return from.ruid() == to.ruid() || from.ruid() == to.suid() || from.euid() == to.ruid()
                || from.euid() == to.suid();
    }

    /** Posts {@code sig} to {@code p}: records it, or discards it when ignored; wakes or continues as Unix does. */
    public void post(Proc p, int sig) {
        if (!p.alive()) return;
        SigState s = p.sig;
        SignalHandler h = s.handler(sig);
        // SIGCONT's default action is done here, on posting (it continues a stopped process); left pending it would
        // interrupt a sleep for nothing, so unless it is blocked it is discarded as Linux and SVR4 discard it.
        boolean ignored = h == SignalHandler.IGNORE
                || (h == SignalHandler.DEFAULT && (defaultAction(sig) == Action.IGNORE
                        || defaultAction(sig) == Action.CONTINUE && (s.blocked() & bit(sig)) == 0));
        if (sig == SIGCONT || sig == SIGKILL) {
            s.pending(s.pending() & ~STOPS);
            if (p.state() == ThreadState.STOPPED) {
                engine.resume(p);
                if (p.parent != null) p.stopReported = true;
            }
        }
        if ((bit(sig) & STOPS) != 0) s.pending(s.pending() & ~bit(SIGCONT));
        if (ignored && (bit(sig) & UNMASKABLE) == 0) return;
        // init cannot be killed: like Linux, pid 1 gets only the signals it has installed handlers for.
        if (p.pid == INIT_PID && h == SignalHandler.DEFAULT) return;
        s.pending(s.pending() | bit(sig));
        trace.event(Trace.SIGNAL, engine.now(), -1, p.pid, sig);
        if (engine.asleepOn(p, p.blockChannelIfMade()) && fatalPending(p)) {
            engine.wakeup(p.blockChannel()); // blockproc(2): only a signal that kills ends a block early
        }
        if (p.vforkChild != null && engine.asleepOn(p, p.vforkChild) && killOrStopPending(p)) {
            engine.wake(p); // vfork(2)'s parent waits uninterruptibly, but SIGKILL and SIGSTOP reach it there too
        }
        if ((s.pending() & ~s.blocked() & bit(sig)) != 0 || sig == SIGKILL) engine.interrupt(p);
    }

    /**
     * Whether a signal that will kill or stop {@code p} waits to be delivered (SIGKILL, SIGSTOP, or one whose default
     * action terminates, dumps core or stops): such a signal reaches a process even in an uninterruptible wait.
     */
    public static boolean killOrStopPending(Proc p) {
        return killOrStop(p) != 0;
    }

    /** The signal {@link #killOrStopPending} finds, SIGKILL first, then the lowest; 0 when there is none. */
    public static int killOrStop(Proc p) {
        return firstEnding(p, true);
    }

    /** Whether a signal that will kill {@code p} waits to be delivered: only that ends a blockproc(2) early. */
    public static boolean fatalPending(Proc p) {
        return firstEnding(p, false) != 0;
    }

    /**
     * The pending, unblocked signal that ends {@code p}'s running, SIGKILL first, then the lowest: one that kills it
     * (SIGKILL, or a default action that terminates or dumps core) or, with {@code stops}, stops it; 0 when none.
     */
    private static int firstEnding(Proc p, boolean stops) {
        SigState s = p.sig;
        int ready = s.pending() & ~(s.blocked() & ~UNMASKABLE);
        if ((ready & bit(SIGKILL)) != 0) return SIGKILL;
        while (ready != 0) {
            int sig = Integer.numberOfTrailingZeros(ready);
            ready &= ready - 1;
            if (sig == SIGSTOP && stops) return sig;
            if (s.handler(sig) == SignalHandler.DEFAULT) {
                Action a = defaultAction(sig);
                if (a == Action.TERMINATE || a == Action.CORE || stops && a == Action.STOP) return sig;
            }
        }
        return 0;
    }
}
