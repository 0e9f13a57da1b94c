package sprocket.cli;

import sprocket.api.Signals;
import sprocket.api.sys.Wait;

/**
 * What a shell says when a program dies of a signal, as the System V sh does: "Memory fault - core dumped" for
 * SIGSEGV with a core, "Killed" for SIGKILL. Nothing for a program that exits.
 */
final class DeathReport {
    private DeathReport() {
    }

    /** The line for wait status {@code status}, or null when the program exited normally. */
    static String of(int status) {
        if (!Wait.WIFSIGNALED(status)) return null;
        int sig = Wait.WTERMSIG(status);
        String what = switch (sig) {
            case Signals.SIGHUP -> "Hangup";
            case Signals.SIGINT -> "";
            case Signals.SIGQUIT -> "Quit";
            case Signals.SIGILL -> "Illegal instruction";
            case Signals.SIGTRAP -> "Trace/BPT trap";
            case Signals.SIGABRT -> "Abort";
            case Signals.SIGEMT -> "EMT trap";
            case Signals.SIGFPE -> "Floating exception";
            case Signals.SIGKILL -> "Killed";
            case Signals.SIGBUS -> "Bus error";
            case Signals.SIGSEGV -> "Memory fault";
            case Signals.SIGSYS -> "Bad system call";
            case Signals.SIGPIPE -> "";
            case Signals.SIGALRM -> "Alarm call";
            case Signals.SIGTERM -> "Terminated";
            case Signals.SIGXCPU -> "Cpu limit exceeded";
            case Signals.SIGXFSZ -> "File size limit exceeded";
            default -> "Signal " + sig;
        };
        // sh stays silent for an interrupt or a broken pipe, which the user caused or expects.
        if (what.isEmpty()) return null;
        return Wait.WCOREDUMP(status) ? what + " - core dumped" : what;
    }
}
