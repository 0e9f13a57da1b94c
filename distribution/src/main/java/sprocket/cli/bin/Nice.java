package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Environ;
import sprocket.libc.Exec;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * nice(1): "invoke a utility with an altered nice value": nice(2) adds the increment ({@code -n N}, or the old
 * {@code -N}; 10 by default) and the utility is exec'd. Only root may lower the value (a negative increment): for
 * anyone else nice says so and runs the utility unchanged, as GNU nice does. Without a utility it prints the current
 * nice value. Exit: the utility's status; 126 when it could not be run, 127 when it was not found, 125 for an error
 * of nice's own.
 */
public final class Nice implements Program {

    private static final String USAGE = "usage: nice [-n increment] utility [argument...]\n";

    @Override
    public String name() {
        return "nice";
    }

    @Override
    public String summary() {
        return "nice [-n N] CMD [ARG...]: run a command with its nice value raised by N (10)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long increment = 10;
        int a = 1;
        if (a < argv.length && argv[a].startsWith("-n")) {
            String n = argv[a].length() > 2 ? argv[a].substring(2) : a + 1 < argv.length ? argv[++a] : null;
            increment = n == null ? Strtol.BAD_NUMBER : Strtol.number(n, -1000, 1000);
            if (increment == Strtol.BAD_NUMBER) return usage(sys);
            a++;
        } else if (a < argv.length && argv[a].length() > 1 && !argv[a].equals("--") && argv[a].charAt(0) == '-'
                && (Character.isDigit(argv[a].charAt(1)) || argv[a].charAt(1) == '-')) {
            // The historical nice -5 (and nice --5 for -5).
            increment = Strtol.number(argv[a].substring(1), -1000, 1000);
            if (increment == Strtol.BAD_NUMBER) return usage(sys);
            a++;
        }
        if (a < argv.length && argv[a].equals("--")) a++;
        if (a < argv.length && argv[a].startsWith("-")) return usage(sys);
        if (a == argv.length) {
            sys.errno(0);
            int now = sys.nice(0);
            if (Stdio.puts(sys, Integer.toString(now)) == Stdio.EOF) {
                Strerror.perror(sys, "nice: write");
                return 125;
            }
            return 0;
        }
        // nice(2) may return -1 as a value: errno tells a failure.
        sys.errno(0);
        if (sys.nice((int) increment) == -1 && sys.errno() != 0) Strerror.perror(sys, "nice: cannot set the nice value");
        String path = Environ.getenv(sys, "PATH");
        return Run.exec(sys, "nice", path == null ? Exec.DEFAULT_PATH : path,
                java.util.Arrays.copyOfRange(argv, a, argv.length), sys.environ());
    }

    private static int usage(Sys sys) {
        Usage.fail(sys, USAGE);
        return 125;
    }
}
