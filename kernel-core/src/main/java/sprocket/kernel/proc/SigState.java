package sprocket.kernel.proc;

import java.util.Arrays;
import sprocket.api.Signals;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.kernel.engine.Event;

/** A process's signals: pending and blocked masks, the action for each signal, the alarm(2) callout. */
public final class SigState {
    public static final Sigaction DEFAULT_ACTION = Sigaction.of(SignalHandler.DEFAULT);
    /** Every signal at SIG_DFL: the table of a process that has changed none, shared by all of them. */
    private static final Sigaction[] DEFAULTS = new Sigaction[Signals.NSIG];

    static {
        Arrays.fill(DEFAULTS, 1, Signals.NSIG, DEFAULT_ACTION);
    }

    /** The process these are the signals of: its attention bits follow whether one is ready. */
    private final Proc owner;
    private int pending;
    private int blocked;
    /**
     * The action for each signal. A forked child shares its parent's table until either changes an action (copy on
     * write), so a process that never calls sigaction(2) costs no table of its own.
     */
    private Sigaction[] actions = DEFAULTS;
    /** Whether {@link #actions} may be another process's too, so must be copied before a change. */
    private boolean shared = true;
    public Event alarm;
    /** Signals delivered to the process (getrusage's ru_nsignals). */
    public long delivered;

    SigState(Proc owner) {
        this.owner = owner;
    }

    /** The signals posted and not yet delivered or discarded, a bit each. */
    public int pending() {
        return pending;
    }

    public void pending(int signals) {
        pending = signals;
        owner.attend();
    }

    /** The signal mask: signals held pending rather than delivered. */
    public int blocked() {
        return blocked;
    }

    public void blocked(int mask) {
        blocked = mask;
        owner.attend();
    }

    public Sigaction action(int sig) {
        return actions[sig];
    }

    public SignalHandler handler(int sig) {
        return actions[sig].handler();
    }

    /** Sets the action for {@code sig}. */
    public void setAction(int sig, Sigaction a) {
        if (actions[sig] == a) return;
        own();
        actions[sig] = a;
    }

    /** fork(2): the child's actions are the parent's, shared until one of them changes one. */
    public void inherit(SigState parent) {
        actions = parent.actions;
        shared = true;
        parent.shared = true;
    }

    /** A copy of every action, indexed by signal. */
    public Sigaction[] actions() {
        return actions.clone();
    }

    /** Sets every action from {@code all} (indexed by signal, as {@link #actions()} gives them). */
    public void setActions(Sigaction[] all) {
        if (Arrays.equals(actions, all)) return;
        own();
        System.arraycopy(all, 0, actions, 0, actions.length);
    }

    /** Whether every action is the one {@code all} holds for its signal. */
    public boolean sameActions(Sigaction[] all) {
        return Arrays.equals(actions, all);
    }

    /** Whether a signal waits that is not blocked. */
    public boolean ready() {
        return (pending & ~blocked) != 0;
    }

    private void own() {
        if (shared) {
            actions = actions.clone();
            shared = false;
        }
    }
}
