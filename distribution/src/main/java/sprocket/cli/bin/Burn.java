package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * burn NPROC CYCLES: forks NPROC children that each compute for CYCLES cycles and exit, waits for all of
 * them, and prints the cycles that passed on the parent's CPU meanwhile. On N CPUs the elapsed time falls
 * towards 1/N of what one CPU takes, which is what the program is for.
 */
public final class Burn implements Program {

    @Override
    public String name() {
        return "burn";
    }

    @Override
    public String summary() {
        return "burn NPROC CYCLES: NPROC children each compute CYCLES cycles; print the cycles elapsed";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length != 3) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: burn nproc cycles\n");
            return 2;
        }
        long nproc = Strtol.number(argv[1], 1, Integer.MAX_VALUE);
        long cycles = Strtol.number(argv[2], 0, Long.MAX_VALUE);
        if (nproc == Strtol.BAD_NUMBER || cycles == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO,
                    "burn: nproc must be a positive number and cycles a number >= 0\nusage: burn nproc cycles\n");
            return 2;
        }

        boolean ok = true;
        long start = sys.cpu().cycles();
        int started = 0;
        while (started < nproc) {
            int pid = sys.fork(child -> {
                child.cpu().burn(cycles);
                return 0;
            });
            if (pid == -1) {
                Strerror.perror(sys, "burn: fork");
                ok = false;
                break;
            }
            started++;
        }
        int[] status = new int[1];
        for (int reaped = 0; reaped < started; ) {
            int pid = sys.waitpid(-1, status, 0);
            if (pid == -1) {
                if (sys.errno() == Errno.EINTR) continue;
                Strerror.perror(sys, "burn: waitpid");
                ok = false;
                break;
            }
            reaped++;
            int s = status[0];
            if (Wait.WIFSIGNALED(s)) {
                Stdio.fputs(sys, STDERR_FILENO, "burn: pid " + pid + " killed by " + Signals.name(Wait.WTERMSIG(s))
                        + "\n");
                ok = false;
            } else if (!Wait.WIFEXITED(s) || Wait.WEXITSTATUS(s) != 0) {
                Stdio.fputs(sys, STDERR_FILENO, "burn: pid " + pid + " exited with status " + Wait.WEXITSTATUS(s)
                        + "\n");
                ok = false;
            }
        }
        long elapsed = sys.cpu().cycles() - start;
        if (!ok) return 1;
        if (Stdio.fputs(sys, STDOUT_FILENO, "burn: " + started + " processes x " + cycles + " cycles: " + elapsed
                + " cycles elapsed\n") == Stdio.EOF) {
            Strerror.perror(sys, "burn: write");
            return 1;
        }
        return 0;
    }
}
