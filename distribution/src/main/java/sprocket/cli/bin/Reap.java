package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/** wait(2) as the scheduling programs use it: retry after EINTR, and tell how a child ended when it did not exit 0. */
final class Reap {

    private Reap() {
    }

    /** waitpid(-1) until it returns something other than EINTR; -1 with errno set on any other failure. */
    static int any(Sys sys, int[] status) {
        int pid;
        do {
            pid = sys.waitpid(-1, status, 0);
        } while (pid == -1 && sys.errno() == Errno.EINTR);
        return pid;
    }

    /** waitpid(2) for {@code pid}, again after EINTR: its wait status, or -1 with errno set. */
    static int pid(Sys sys, int pid) {
        int[] status = new int[1];
        int r;
        do {
            r = sys.waitpid(pid, status, 0);
        } while (r == -1 && sys.errno() == Errno.EINTR);
        return r == pid ? status[0] : -1;
    }

    /** True if {@code status} is a normal exit with status 0; otherwise says on stderr how {@code pid} ended. */
    static boolean succeeded(Sys sys, String program, int pid, int status) {
        if (Wait.WIFEXITED(status) && Wait.WEXITSTATUS(status) == 0) return true;
        if (Wait.WIFSIGNALED(status)) {
            Stdio.fputs(sys, STDERR_FILENO, program + ": pid " + pid + " killed by "
                    + Signals.name(Wait.WTERMSIG(status)) + "\n");
        } else {
            Stdio.fputs(sys, STDERR_FILENO, program + ": pid " + pid + " exited with status "
                    + Wait.WEXITSTATUS(status) + "\n");
        }
        return false;
    }

    /**
     * Waits for {@code count} children, reporting each that failed on standard error as {@code program}; true when
     * every one was reaped and exited 0.
     */
    static boolean all(Sys sys, String program, int count) {
        int[] status = new int[1];
        boolean ok = true;
        for (int reaped = 0; reaped < count; reaped++) {
            int pid = any(sys, status);
            if (pid == -1) {
                Strerror.perror(sys, program + ": waitpid");
                return false;
            }
            if (!succeeded(sys, program, pid, status[0])) ok = false;
        }
        return ok;
    }
}
