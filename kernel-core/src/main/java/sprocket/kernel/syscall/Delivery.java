package sprocket.kernel.syscall;

import static sprocket.api.Signals.bit;
import static sprocket.api.Signals.defaultAction;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Wait;
import sprocket.kernel.lifecycle.Exit;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcessExit;
import sprocket.kernel.proc.SigState;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.signal.Stop;
import sprocket.kernel.stats.Stats;

/**
 * Acting on signals (issig and psig) as a process returns to user mode, as signal(2) and the Unix signal table
 * give it: default actions terminate, dump core, are ignored, stop or continue; SIGKILL and SIGSTOP can be neither
 * caught nor ignored nor blocked; a handler runs on the process's own stack with the signal blocked.
 */
@Singleton
public final class Delivery {
    private final Stop stop;
    private final Exit exit;
    private final Stats.Count delivered;

    @Inject
    Delivery(Stop stop, Exit exit, Stats stats) {
        this.stop = stop;
        this.exit = exit;
        this.delivered = stats.counter("signals");
    }

    /**
     * Acts on the pending, unblocked signals of the running process {@code p}, lowest number first. Does not
     * return if one terminates it.
     */
    void check(Proc p) {
        if (p.exiting()) throw ProcessExit.INSTANCE;
        SigState s = p.sig;
        int ready;
        while ((ready = s.pending() & ~(s.blocked() & ~Signals.UNMASKABLE)) != 0) {
            int sig = Integer.numberOfTrailingZeros(ready);
            s.pending(s.pending() & ~bit(sig));
            delivered.increment();
            s.delivered++;
            Sigaction act = s.action(sig);
            SignalHandler h = (bit(sig) & Signals.UNMASKABLE) != 0 ? SignalHandler.DEFAULT : act.handler();
            if (h == SignalHandler.IGNORE) continue;
            if (h == SignalHandler.DEFAULT) {
                switch (defaultAction(sig)) {
                    case TERMINATE -> exit.exit(p, Wait.signaled(sig, false));
                    case CORE -> exit.exit(p, Wait.signaled(sig, true));
                    case STOP -> stop.stop(p, sig);
                    case IGNORE, CONTINUE -> { }
                }
                continue;
            }
            runHandler(p, sig, act, h);
        }
    }

    /**
     * Acts on the one signal that kills or stops {@code p} ({@link Signals#killOrStop}), leaving every other signal
     * pending: for a process woken in a wait no other signal may end (vfork(2)'s parent). Does not return if it
     * kills; returns once continued if it stops.
     */
    void killOrStop(Proc p) {
        int sig = Signals.killOrStop(p);
        if (sig == 0) return;
        SigState s = p.sig;
        s.pending(s.pending() & ~bit(sig));
        delivered.increment();
        s.delivered++;
        switch (defaultAction(sig)) {
            case TERMINATE -> exit.exit(p, Wait.signaled(sig, false));
            case CORE -> exit.exit(p, Wait.signaled(sig, true));
            default -> stop.stop(p, sig);
        }
    }

    private static void runHandler(Proc p, int sig, Sigaction act, SignalHandler h) {
        SigState s = p.sig;
        int saved = s.blocked();
        int mask = act.mask();
        if ((act.flags() & Sigaction.SA_NODEFER) == 0) mask |= bit(sig);
        s.blocked((saved | mask) & ~Signals.UNMASKABLE);
        if ((act.flags() & Sigaction.SA_RESETHAND) != 0) s.setAction(sig, SigState.DEFAULT_ACTION);
        try {
            h.handle(p.sys, sig);
        } finally {
            s.blocked(saved);
        }
    }

    /**
     * The running process touched memory it may not: {@code sig} (SIGSEGV, SIGBUS) now. A handler may run once; if
     * it returns without mending the mapping the retried access faults again and the default action applies, since
     * re-executing the access forever would hang the simulation. Returns when the access should be retried.
     */
    void fault(Proc p, int sig, boolean secondTime) {
        SigState s = p.sig;
        SignalHandler h = s.handler(sig);
        boolean catchable = h != SignalHandler.DEFAULT && h != SignalHandler.IGNORE && (s.blocked() & bit(sig)) == 0;
        delivered.increment();
        s.delivered++;
        if (!catchable || secondTime) exit.exit(p, Wait.signaled(sig, true));
        if (p.inKernel()) p.leaveKernel();
        runHandler(p, sig, s.action(sig), h);
    }
}
