package sprocket.cli.bin;

import java.util.Locale;
import sprocket.api.Signals;
import sprocket.api.sys.Program;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Environ;
import sprocket.libc.Exec;
import sprocket.libc.Strerror;
import sprocket.libc.Strsignal;

/**
 * time(1): "invoke a utility, and write the elapsed (real) time, the user CPU time and the system CPU time" to
 * standard error when it ends, in POSIX's {@code -p} form ("real %f\nuser %f\nsys %f\n", seconds to the hundredth).
 * Real time is the simulated clock (clock_gettime's monotonic nanoseconds); user and system time are getrusage(2)'s
 * RUSAGE_CHILDREN, before and after, so they count the utility and every child it waited for. time ignores SIGINT
 * and SIGQUIT while it waits, as POSIX suggests, and the utility gets them back. Exit: the utility's status (128 + the
 * signal if one killed it, with the signal's name); 126 when it could not be run, 127 when it was not found.
 */
public final class Time implements Program {

    @Override
    public String name() {
        return "time";
    }

    @Override
    public String summary() {
        return "time [-p] CMD [ARG...]: run a command, then its real, user and system time on standard error";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        if (a < argv.length && argv[a].equals("-p")) a++;
        if (a < argv.length && argv[a].equals("--")) a++;
        if (a == argv.length || argv[a].startsWith("-")) {
            Usage.fail(sys, "usage: time [-p] utility [argument...]\n");
            return 125;
        }
        String[] command = java.util.Arrays.copyOfRange(argv, a, argv.length);
        Rusage before = sys.getrusage(Rusage.RUSAGE_CHILDREN);
        long start = sys.nanotime();
        SignalHandler intr = sys.signal(Signals.SIGINT, SignalHandler.IGNORE);
        SignalHandler quit = sys.signal(Signals.SIGQUIT, SignalHandler.IGNORE);
        int pid = sys.fork(child -> {
            child.signal(Signals.SIGINT, intr == null ? SignalHandler.DEFAULT : intr);
            child.signal(Signals.SIGQUIT, quit == null ? SignalHandler.DEFAULT : quit);
            String path = Environ.getenv(child, "PATH");
            Exec.execvP(child, command[0], path == null ? Exec.DEFAULT_PATH : path, command, child.environ());
            return Run.failed(child, "time", command[0]);
        });
        if (pid == -1) {
            Strerror.perror(sys, "time: fork");
            return 125;
        }
        int status = Reap.pid(sys, pid);
        long end = sys.nanotime();
        Rusage after = sys.getrusage(Rusage.RUSAGE_CHILDREN);
        if (status == -1) {
            Strerror.perror(sys, "time: waitpid");
            return 125;
        }
        int code;
        if (Wait.WIFSIGNALED(status)) {
            code = 128 + Wait.WTERMSIG(status);
            Text.error(sys, "time: command terminated by signal " + Wait.WTERMSIG(status) + " ("
                    + Strsignal.strsignal(Wait.WTERMSIG(status)) + ")");
        } else {
            code = Wait.WEXITSTATUS(status);
        }
        Text.error(sys, String.format(Locale.ROOT, "real %s\nuser %s\nsys %s", seconds(end - start),
                seconds(after.utime() - before.utime()), seconds(after.stime() - before.stime())));
        return code;
    }

    /** Nanoseconds as seconds to the hundredth, rounded down as times(2) clock ticks would be. */
    static String seconds(long ns) {
        long hundredths = Math.max(0, ns) / 10_000_000L;
        return String.format(Locale.ROOT, "%d.%02d", hundredths / 100, hundredths % 100);
    }
}
