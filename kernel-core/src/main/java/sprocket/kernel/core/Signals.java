package sprocket.kernel.core;

import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Signals.Action;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

import static sprocket.api.Signals.SIGCHLD;
import static sprocket.api.Signals.SIGCONT;
import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSTOP;
import static sprocket.api.Signals.SIGTSTP;
import static sprocket.api.Signals.SIGTTIN;
import static sprocket.api.Signals.SIGTTOU;
import static sprocket.api.Signals.bit;
import static sprocket.api.Signals.defaultAction;

/**
 * Posting signals and acting on them at a process's return to user mode, as signal(2) and the seed's signal
 * table describe: default actions terminate, dump core, are ignored, stop or continue; SIGKILL and SIGSTOP can be
 * neither caught nor ignored nor blocked; a handler runs on the process's own stack with the signal blocked.
 */
@Singleton
final class Signals {
    /** Signals that can never be blocked, caught or ignored. */
    static final int UNMASKABLE = bit(SIGKILL) | bit(SIGSTOP);
    private static final int STOPS = bit(SIGSTOP) | bit(SIGTSTP) | bit(SIGTTIN) | bit(SIGTTOU);

    private final Engine engine;
    private final Lazy<Lifecycle> lifecycle;
    private final Lazy<Sys> sys;
    private final Stats.CounterImpl delivered;

    @Inject
    Signals(Engine engine, Lazy<Lifecycle> lifecycle, Lazy<Sys> sys, Stats stats) {
        this.engine = engine;
        this.lifecycle = lifecycle;
        this.sys = sys;
        this.delivered = (Stats.CounterImpl) stats.counter("signals");
    }

    /** kill(2)'s permission rule: root, or a real or effective uid matching the target's real or saved uid. */
    static boolean maySignal(Proc from, Proc to) {
        if (from.euid == 0) return true;
        return from.ruid == to.ruid || from.ruid == to.suid || from.euid == to.ruid || from.euid == to.suid;
    }

    /** Posts {@code sig} to {@code p}: records it, or discards it when ignored; wakes or continues as Unix does. */
    void post(Proc p, int sig) {
        if (!p.alive()) return;
        SignalHandler h = p.handler(sig);
        boolean ignored = h == SignalHandler.IGNORE
                || (h == SignalHandler.DEFAULT && defaultAction(sig) == Action.IGNORE);
        if (sig == SIGCONT || sig == SIGKILL) {
            p.pending &= ~STOPS;
            if (p.state == ProcState.STOPPED) {
                engine.makeRunnable(p, sprocket.api.sched.Scheduler.ENQ_WAKEUP);
                if (p.parent != null) {
                    p.stopReported = true;
                }
            }
        }
        if ((bit(sig) & STOPS) != 0) {
            p.pending &= ~bit(SIGCONT);
        }
        if (ignored && (bit(sig) & UNMASKABLE) == 0) {
            return;
        }
        // init cannot be killed: like Linux, pid 1 gets only the signals it has installed handlers for.
        if (p.pid == Lifecycle.INIT_PID && h == SignalHandler.DEFAULT) {
            return;
        }
        p.pending |= bit(sig);
        engine.trace.event(Engine.TRACE_SIGNAL, engine.now(), -1, p.pid, sig);
        if (p.state == ProcState.SLEEPING && p.channel == p.blockChannel && ProcBlock.fatalPending(p)) {
            engine.wakeup(p.blockChannel); // blockproc(2): only a signal that kills ends a block early
        }
        if ((p.pending & ~p.blocked & bit(sig)) != 0 || sig == SIGKILL) {
            engine.interrupt(p);
        }
    }

    /**
     * Acts on the pending, unblocked signals of the running process {@code p}, lowest number first. Does not
     * return if one terminates it.
     */
    void check(Proc p) {
        if (p.exiting) throw ProcessExit.INSTANCE;
        int ready;
        while ((ready = p.pending & ~(p.blocked & ~UNMASKABLE)) != 0) {
            int sig = Integer.numberOfTrailingZeros(ready);
            p.pending &= ~bit(sig);
            delivered.increment();
            p.nsignals++;
            Sigaction act = p.actions[sig];
            SignalHandler h = (bit(sig) & UNMASKABLE) != 0 ? SignalHandler.DEFAULT : act.handler();
            if (h == SignalHandler.IGNORE) continue;
            if (h == SignalHandler.DEFAULT) {
                switch (defaultAction(sig)) {
                    case TERMINATE -> lifecycle.get().exit(p, Wait.signaled(sig, false));
                    case CORE -> lifecycle.get().exit(p, Wait.signaled(sig, true));
                    case STOP -> stop(p, sig);
                    case IGNORE, CONTINUE -> { }
                }
                continue;
            }
            runHandler(p, sig, act, h);
        }
    }

    private void stop(Proc p, int sig) {
        p.status = Wait.stopped(sig);
        p.stopReported = false;
        Proc parent = p.parent;
        if (parent != null) {
            if ((parent.actions[SIGCHLD].flags() & Sigaction.SA_NOCLDSTOP) == 0) post(parent, SIGCHLD);
            engine.wakeup(parent);
        }
        engine.stopSelf(p);
    }

    private void runHandler(Proc p, int sig, Sigaction act, SignalHandler h) {
        int saved = p.blocked;
        int mask = act.mask();
        if ((act.flags() & Sigaction.SA_NODEFER) == 0) mask |= bit(sig);
        p.blocked = (saved | mask) & ~UNMASKABLE;
        if ((act.flags() & Sigaction.SA_RESETHAND) != 0) p.actions[sig] = Proc.DEFAULT_ACTION;
        try {
            h.handle(sys.get(), sig);
        } finally {
            p.blocked = saved;
        }
    }

    /**
     * The running process touched memory it may not: SIGSEGV now. A handler may run once; if it returns without
     * mending the mapping the retried access faults again and the default action applies, since re-executing the
     * access forever would hang the simulation. Returns when the access should be retried.
     */
    void fault(Proc p, int sig, boolean secondTime) {
        SignalHandler h = p.handler(sig);
        boolean catchable = h != SignalHandler.DEFAULT && h != SignalHandler.IGNORE && (p.blocked & bit(sig)) == 0;
        delivered.increment();
        p.nsignals++;
        if (!catchable || secondTime) {
            lifecycle.get().exit(p, Wait.signaled(sig, true));
        }
        p.inKernel = false;
        runHandler(p, sig, p.actions[sig], h);
    }
}
