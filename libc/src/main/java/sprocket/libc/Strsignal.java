package sprocket.libc;

import sprocket.api.Signals;

/**
 * strsignal(3C): the words a signal is reported with ("Killed", "Terminated", "Stopped"...), as shells and time(1)
 * print them for a child a signal ended or stopped.
 */
public final class Strsignal {
    private static final String[] TEXT = new String[Signals.NSIG];

    static {
        TEXT[Signals.SIGHUP] = "Hangup";
        TEXT[Signals.SIGINT] = "Interrupt";
        TEXT[Signals.SIGQUIT] = "Quit";
        TEXT[Signals.SIGILL] = "Illegal instruction";
        TEXT[Signals.SIGTRAP] = "Trace/breakpoint trap";
        TEXT[Signals.SIGABRT] = "Aborted";
        TEXT[Signals.SIGEMT] = "EMT trap";
        TEXT[Signals.SIGFPE] = "Floating point exception";
        TEXT[Signals.SIGKILL] = "Killed";
        TEXT[Signals.SIGBUS] = "Bus error";
        TEXT[Signals.SIGSEGV] = "Segmentation fault";
        TEXT[Signals.SIGSYS] = "Bad system call";
        TEXT[Signals.SIGPIPE] = "Broken pipe";
        TEXT[Signals.SIGALRM] = "Alarm clock";
        TEXT[Signals.SIGTERM] = "Terminated";
        TEXT[Signals.SIGUSR1] = "User defined signal 1";
        TEXT[Signals.SIGUSR2] = "User defined signal 2";
        TEXT[Signals.SIGCHLD] = "Child exited";
        TEXT[Signals.SIGPWR] = "Power failure";
        TEXT[Signals.SIGWINCH] = "Window changed";
        TEXT[Signals.SIGURG] = "Urgent I/O condition";
        TEXT[Signals.SIGPOLL] = "I/O possible";
        TEXT[Signals.SIGSTOP] = "Stopped (signal)";
        TEXT[Signals.SIGTSTP] = "Stopped";
        TEXT[Signals.SIGCONT] = "Continued";
        TEXT[Signals.SIGTTIN] = "Stopped (tty input)";
        TEXT[Signals.SIGTTOU] = "Stopped (tty output)";
        TEXT[Signals.SIGVTALRM] = "Virtual timer expired";
        TEXT[Signals.SIGPROF] = "Profiling timer expired";
        TEXT[Signals.SIGXCPU] = "CPU time limit exceeded";
        TEXT[Signals.SIGXFSZ] = "File size limit exceeded";
    }

    private Strsignal() {
    }

    /** strsignal(3C): the description of {@code sig}, or "Unknown signal N". */
    public static String strsignal(int sig) {
        return Signals.valid(sig) ? TEXT[sig] : "Unknown signal " + sig;
    }
}
