package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import java.util.Locale;
import sprocket.api.Signals;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * kill(1): "sends a signal to the specified processes" — SIGTERM unless {@code -SIG} or {@code -s SIG}
 * names another, by name (TERM, SIGTERM) or number; signal 0 only checks that the process exists. A
 * negative pid names a process group ({@code kill -- -5}); {@code kill -l} lists the signal names. Exit 0
 * if every process was signalled, 1 if any kill(2) failed, 2 for a usage error.
 */
public final class Kill implements Program {

    private static final String USAGE = "usage: kill [-s signal | -signal] pid ...\n       kill -l\n";

    @Override
    public String name() {
        return "kill";
    }

    @Override
    public String summary() {
        return "kill [-SIG | -s SIG] PID...: send a signal to processes or (negative PID) process groups";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int sig = Signals.SIGTERM;
        int a = 1;
        if (a < argv.length && argv[a].equals("-l")) {
            return list(sys, argv.length - a == 1);
        }
        if (a < argv.length && argv[a].equals("-s")) {
            if (a + 1 >= argv.length) return usage(sys, "kill: -s needs a signal name\n");
            sig = signal(argv[a + 1]);
            if (sig < 0) return usage(sys, "kill: " + argv[a + 1] + ": unknown signal\n");
            a += 2;
        } else if (a < argv.length && argv[a].length() > 1 && argv[a].charAt(0) == '-' && !argv[a].equals("--")) {
            sig = signal(argv[a].substring(1));
            if (sig < 0) return usage(sys, "kill: " + argv[a].substring(1) + ": unknown signal\n");
            a++;
        }
        if (a < argv.length && argv[a].equals("--")) a++;
        if (a >= argv.length) return usage(sys, "");

        int status = 0;
        for (; a < argv.length; a++) {
            long pid = Strtol.number(argv[a], Integer.MIN_VALUE + 1L, Integer.MAX_VALUE);
            if (pid == Strtol.BAD_NUMBER) {
                Stdio.fputs(sys, STDERR_FILENO, "kill: " + argv[a] + ": not a process id\n");
                status = 1;
                continue;
            }
            if (sys.kill((int) pid, sig) == -1) {
                Strerror.perror(sys, "kill: " + pid);
                status = 1;
            }
        }
        return status;
    }

    /** The signal a name or number stands for ("TERM", "sigterm", "SIGTERM", "15", "0"), or -1. */
    public static int signal(String s) {
        if (s.equals("0")) return 0;
        return Signals.byName(s.toUpperCase(Locale.ROOT));
    }

    private static int list(Sys sys, boolean alone) {
        if (!alone) return usage(sys, "kill: -l takes no operands\n");
        StringBuilder names = new StringBuilder();
        for (int s = 1; s < Signals.NSIG; s++) {
            if (s > 1) names.append(s % 8 == 1 ? '\n' : ' ');
            names.append(Signals.name(s).substring(3));
        }
        names.append('\n');
        if (Stdio.fputs(sys, STDOUT_FILENO, names.toString()) == Stdio.EOF) {
            Strerror.perror(sys, "kill: write");
            return 1;
        }
        return 0;
    }

    private static int usage(Sys sys, String why) {
        Stdio.fputs(sys, STDERR_FILENO, why + USAGE);
        return 2;
    }
}
