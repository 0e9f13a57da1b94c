package sprocket.kernel.signal;

import static sprocket.api.Signals.SIGCHLD;
import static sprocket.api.Signals.SIGCONT;
import static sprocket.api.Signals.bit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Wait;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.proc.Proc;

/**
 * A process stopping by a stop signal's default action: its parent hears of it (SIGCHLD unless SA_NOCLDSTOP, and a
 * wake-up for waitpid(2) with WUNTRACED), and it sleeps until SIGCONT or SIGKILL. On the way back to user mode, or,
 * as 4.4BSD's tsleep does for a terminal's SIGTTIN and SIGTTOU, inside the call that raised it, which then goes on.
 */
@Singleton
public final class Stop {
    private final Engine engine;
    private final Signals signals;

    @Inject
    Stop(Engine engine, Signals signals) {
        this.engine = engine;
        this.signals = signals;
    }

    /** The running process {@code p} stops with {@code sig}; returns once it is continued. */
    public void stop(Proc p, int sig) {
        p.status = Wait.stopped(sig);
        p.stopReported = false;
        Proc parent = p.parent;
        if (parent != null) {
            if ((parent.sig.action(SIGCHLD).flags() & Sigaction.SA_NOCLDSTOP) == 0) signals.post(parent, SIGCHLD);
            engine.wakeup(parent);
        }
        engine.stopSelf(p);
    }

    /**
     * Inside a call, as 4.4BSD's tsleep: the running process {@code p}, sent {@code sig} (pending, at its default
     * action), takes it here and stops; once continued, the SIGCONT that did it does nothing more by default, and the
     * call goes on.
     */
    public void stopInCall(Proc p, int sig) {
        p.sig.pending(p.sig.pending() & ~bit(sig));
        stop(p, sig);
        if (p.sig.handler(SIGCONT) == SignalHandler.DEFAULT) p.sig.pending(p.sig.pending() & ~bit(SIGCONT));
    }
}
