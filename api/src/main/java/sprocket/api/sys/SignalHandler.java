package sprocket.api.sys;

/**
 * A signal disposition. A handler runs on the process's own stack at its next return to user mode;
 * {@link #DEFAULT} (SIG_DFL) and {@link #IGNORE} (SIG_IGN) are compared by identity.
 */
@FunctionalInterface
public interface SignalHandler {

    /** SIG_DFL: the signal's default action. */
    SignalHandler DEFAULT = (sys, sig) -> { };

    /** SIG_IGN: the signal is discarded. */
    SignalHandler IGNORE = (sys, sig) -> { };

    void handle(Sys sys, int sig);
}
