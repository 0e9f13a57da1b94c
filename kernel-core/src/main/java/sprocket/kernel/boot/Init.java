package sprocket.kernel.boot;

import static sprocket.api.Signals.SIGKILL;

import java.nio.charset.StandardCharsets;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.kernel.engine.PanicException;

/**
 * pid 1, the kernel's own program: the console as descriptors 0, 1 and 2, /etc/rc when the system is brought up,
 * then the one program (or login shell) of the run, and the shutdown that kills and reaps what is left. The program's
 * exit and wait status are the run's.
 */
final class Init {
    /** The script run with /bin/sh first, or null. */
    private final String rc;
    private final String path;
    private final String[] argv;
    /** Whether the console is a terminal: the program then gets a session with it as controlling terminal. */
    private final boolean terminal;
    private int exitStatus = -1;
    private int waitStatus;

    Init(String rc, String path, String[] argv, boolean terminal) {
        this.rc = rc;
        this.path = path;
        this.argv = argv;
        this.terminal = terminal;
    }

    /** The program's exit status (128 + the signal if a signal killed it), -1 before it ended. */
    int exitStatus() {
        return exitStatus;
    }

    /** The program's wait(2) status word: how it ended, core dump included. */
    int waitStatus() {
        return waitStatus;
    }

    /** init's word on standard error: the kernel has no C library, so a plain write(2) with the errno's name. */
    private static void complain(Sys sys, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sys.write(Fcntl.STDERR_FILENO, b, 0, b.length);
    }

    /**
     * pid 1: opens the console as descriptors 0, 1 and 2 (not as its controlling terminal), runs {@code rc} with
     * /bin/sh and waits for it when there is one, then runs the program and waits for it, then shuts everything down.
     */
    int main(Sys sys) {
        for (int i = 0; i < 3; i++) {
            if (sys.open("/dev/console", Fcntl.O_RDWR | Fcntl.O_NOCTTY) != i) {
                throw new PanicException("init cannot open /dev/console: " + Errno.name(sys.errno()));
            }
        }
        int[] status = new int[1];
        if (rc != null) {
            int r = spawn(sys, "/bin/sh", new String[] {"sh", rc}, false);
            if (r > 0 && waitFor(sys, r, status) && status[0] != 0) {
                complain(sys, "init: " + rc + ": " + (Wait.WIFEXITED(status[0]) ? "exit " + Wait.WEXITSTATUS(status[0])
                        : "killed by signal " + Wait.WTERMSIG(status[0])) + "\n");
            }
        }
        int child = spawn(sys, path, argv, terminal);
        if (child < 0) {
            exitStatus = 1;
            return 1;
        }
        if (waitFor(sys, child, status)) {
            waitStatus = status[0];
            exitStatus = Wait.WIFEXITED(status[0]) ? Wait.WEXITSTATUS(status[0]) : 128 + Wait.WTERMSIG(status[0]);
        }
        sys.kill(-1, SIGKILL);
        while (sys.waitpid(-1, status, 0) > 0 || sys.errno() == Errno.EINTR) {
            // reap everything that is left
        }
        return 0;
    }

    /**
     * Starts {@code path}: on a console that is a terminal, a {@code session} of its own with the console for its
     * controlling terminal (getty's setsid and open); otherwise in a process group of its own. Returns its pid, or -1.
     */
    private static int spawn(Sys sys, String path, String[] argv, boolean session) {
        int child = sys.fork(s -> {
            if (session) {
                s.setsid();
                int fd = s.open("/dev/console", Fcntl.O_RDWR);
                if (fd < 0) {
                    complain(s, "init: /dev/console: " + Errno.name(s.errno()) + "\n");
                    return 1;
                }
                for (int i = 0; i < 3; i++) s.dup2(fd, i);
                if (fd > 2) s.close(fd);
            } else {
                s.setpgid(0, 0);
            }
            s.errno(0); // the program starts with errno 0, as a C program's start-up leaves it
            s.execve(path, argv, s.environ());
            complain(s, "sprocket: " + argv[0] + ": " + Errno.name(s.errno()) + "\n");
            return s.errno() == Errno.ENOENT ? 127 : 126;
        });
        if (child < 0) complain(sys, "init: fork: " + Errno.name(sys.errno()) + "\n");
        return child;
    }

    /** Waits for {@code child}, reaping whatever else ends meanwhile; false when there was nothing to wait for. */
    private static boolean waitFor(Sys sys, int child, int[] status) {
        while (true) {
            int r = sys.waitpid(-1, status, 0);
            if (r == child) return true;
            if (r < 0 && sys.errno() == Errno.ECHILD) return false;
        }
    }
}
