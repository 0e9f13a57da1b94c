package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;

/**
 * bench-spin P CYCLES: forks P CPU-bound children that share CYCLES of work equally, each burning its share in
 * small chunks. The children wait on a pipe until the last one is forked, so all P are runnable together and
 * the run queues hold P processes for the whole run; the parent then sleeps in wait(2) until they are done.
 */
public final class Spinners implements Program {
    /** Cycles per burn: small, so a child is always somewhere in its loop when a clock tick ends its slice. */
    static final long CHUNK = 256;

    @Override
    public String name() {
        return "bench-spin";
    }

    @Override
    public String summary() {
        return "benchmark: P runnable CPU-bound processes sharing CYCLES of work";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long[] a = Args.counts(sys, argv, "P", "CYCLES");
        if (a == null) return 2;
        if (a[0] < 1 || a[0] > Integer.MAX_VALUE) {
            Stdio.fputs(sys, STDERR_FILENO, "bench-spin: P must be 1.." + Integer.MAX_VALUE + "\n");
            return 2;
        }
        int n = (int) a[0];
        long share = (a[1] + n - 1) / n;
        int[] fds = new int[2];
        if (sys.pipe(fds) != 0) return 1;
        int made = 0;
        for (; made < n; made++) {
            int pid = sys.fork(s -> {
                s.close(fds[1]);
                // read(2) on a pipe with no writer left returns 0: the start signal, given to all at once.
                if (s.read(fds[0], new byte[1], 0, 1) != 0) return 1;
                for (long done = 0; done < share; done += CHUNK) s.cpu().burn(Math.min(CHUNK, share - done));
                return 0;
            });
            if (pid < 0) {
                Stdio.fputs(sys, STDERR_FILENO, "bench-spin: fork " + (made + 1) + " failed, errno " + sys.errno()
                        + "\n");
                break;
            }
        }
        sys.close(fds[1]);
        sys.close(fds[0]);
        int[] status = new int[1];
        int good = 0;
        while (sys.wait(status) > 0) {
            if (Wait.WIFEXITED(status[0]) && Wait.WEXITSTATUS(status[0]) == 0) good++;
        }
        return made == n && good == n ? 0 : 1;
    }
}
