package sprocket.api;

/**
 * Signal numbers as IRIX and the SVR4 MIPS ABI number them (the third column of the usual signal(7)
 * table), and each signal's default action.
 */
public final class Signals {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGABRT = 6;
    public static final int SIGEMT = 7;
    public static final int SIGFPE = 8;
    public static final int SIGKILL = 9;
    public static final int SIGBUS = 10;
    public static final int SIGSEGV = 11;
    public static final int SIGSYS = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGALRM = 14;
    public static final int SIGTERM = 15;
    public static final int SIGUSR1 = 16;
    public static final int SIGUSR2 = 17;
    public static final int SIGCHLD = 18;
    /** The System V name of SIGCHLD. */
    public static final int SIGCLD = SIGCHLD;
    public static final int SIGPWR = 19;
    public static final int SIGWINCH = 20;
    public static final int SIGURG = 21;
    public static final int SIGPOLL = 22;
    public static final int SIGIO = SIGPOLL;
    public static final int SIGSTOP = 23;
    public static final int SIGTSTP = 24;
    public static final int SIGCONT = 25;
    public static final int SIGTTIN = 26;
    public static final int SIGTTOU = 27;
    public static final int SIGVTALRM = 28;
    public static final int SIGPROF = 29;
    public static final int SIGXCPU = 30;
    public static final int SIGXFSZ = 31;
    /** Signals are numbered 1..NSIG-1. */
    public static final int NSIG = 32;

    /** What the kernel does with a signal whose disposition is the default. */
    public enum Action { TERMINATE, CORE, IGNORE, STOP, CONTINUE }

    private static final String[] NAMES = {
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGEMT", "SIGFPE", "SIGKILL",
        "SIGBUS", "SIGSEGV", "SIGSYS", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGUSR1", "SIGUSR2", "SIGCHLD",
        "SIGPWR", "SIGWINCH", "SIGURG", "SIGPOLL", "SIGSTOP", "SIGTSTP", "SIGCONT", "SIGTTIN", "SIGTTOU",
        "SIGVTALRM", "SIGPROF", "SIGXCPU", "SIGXFSZ"
    };

    private static final Action[] DEFAULTS = new Action[NSIG];

    static {
        java.util.Arrays.fill(DEFAULTS, Action.TERMINATE);
        for (int s : new int[] {SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGEMT, SIGFPE, SIGBUS, SIGSEGV, SIGSYS,
                SIGXCPU, SIGXFSZ}) {
            DEFAULTS[s] = Action.CORE;
        }
        for (int s : new int[] {SIGCHLD, SIGPWR, SIGWINCH, SIGURG}) {
            DEFAULTS[s] = Action.IGNORE;
        }
        for (int s : new int[] {SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU}) {
            DEFAULTS[s] = Action.STOP;
        }
        DEFAULTS[SIGCONT] = Action.CONTINUE;
    }

    private Signals() {
    }

    /** Whether {@code sig} names a signal (1..NSIG-1). */
    public static boolean valid(int sig) {
        return sig > 0 && sig < NSIG;
    }

    /** The default action, from the signal table. */
    public static Action defaultAction(int sig) {
        return DEFAULTS[sig];
    }

    /** {@code "SIGTERM"} for 15. */
    public static String name(int sig) {
        return valid(sig) ? NAMES[sig] : "SIG" + sig;
    }

    /** The number for a name such as {@code "TERM"}, {@code "SIGTERM"} or {@code "15"}; -1 if none. */
    public static int byName(String name) {
        String n = name.startsWith("SIG") ? name : "SIG" + name;
        for (int s = 1; s < NSIG; s++) {
            if (NAMES[s].equals(n)) return s;
        }
        if (n.equals("SIGCLD")) return SIGCLD;
        if (n.equals("SIGIO")) return SIGIO;
        try {
            int s = Integer.parseInt(name);
            return valid(s) ? s : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The bit for {@code sig} in a signal mask. */
    public static int bit(int sig) {
        return 1 << sig;
    }
}
