package sprocket.kernel.proc;

import sprocket.api.Signals;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.kernel.engine.Event;

/** A process's signals: pending and blocked masks, the action for each signal, the alarm(2) callout. */
public final class SigState {
    public static final Sigaction DEFAULT_ACTION = Sigaction.of(SignalHandler.DEFAULT);

    public int pending;
    public int blocked;
    public final Sigaction[] actions = new Sigaction[Signals.NSIG];
    public Event alarm;
    /** Signals delivered to the process (getrusage's ru_nsignals). */
    public long delivered;

    SigState() {
        for (int i = 1; i < Signals.NSIG; i++) actions[i] = DEFAULT_ACTION;
    }

    public SignalHandler handler(int sig) {
        return actions[sig].handler();
    }

    /** Whether a signal waits that is not blocked. */
    public boolean ready() {
        return (pending & ~blocked) != 0;
    }
}
