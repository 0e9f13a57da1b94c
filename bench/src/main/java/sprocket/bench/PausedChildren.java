package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.Signals;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;

/**
 * bench-procs N: forks N children that each report on a pipe and then pause(2); when every one has reported,
 * records the host heap in use, then kills them all with SIGKILL and reaps them.
 */
public final class PausedChildren implements Program {
    @Override
    public String name() {
        return "bench-procs";
    }

    @Override
    public String summary() {
        return "benchmark: N live paused processes, heap measured while they all exist";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long count = Args.count(sys, argv);
        if (count < 0) return 2;
        if (count > Integer.MAX_VALUE) {
            Stdio.fputs(sys, STDERR_FILENO, "bench-procs: N too large\n");
            return 2;
        }
        int n = (int) count;
        int[] fds = new int[2];
        if (sys.pipe(fds) != 0) return 1;
        HeapProbe.reset();
        HeapProbe.usedBefore = HeapProbe.usedAfterGc();
        int[] pids = new int[n];
        byte[] one = {1};
        long t0 = System.nanoTime();
        int made = 0;
        for (; made < n; made++) {
            int pid = sys.fork(s -> {
                s.close(fds[0]);
                s.write(fds[1], one, 0, 1);
                s.pause();
                return 0;
            });
            if (pid < 0) {
                Stdio.fputs(sys, STDERR_FILENO, "bench-procs: fork " + (made + 1) + " failed, errno " + sys.errno()
                        + "\n");
                break;
            }
            pids[made] = pid;
        }
        HeapProbe.forkNanos = System.nanoTime() - t0;
        sys.close(fds[1]);
        byte[] buf = new byte[4096];
        int reported = 0;
        while (reported < made) {
            int got = sys.read(fds[0], buf, 0, buf.length);
            if (got <= 0) break;
            reported += got;
        }
        // A child that has written is on its way into pause(); one simulated second lets the last ones get there.
        sys.sleep(1);
        HeapProbe.children = reported;
        HeapProbe.usedWithChildren = HeapProbe.usedAfterGc();
        for (int i = 0; i < made; i++) sys.kill(pids[i], Signals.SIGKILL);
        int[] status = new int[1];
        int reaped = 0;
        while (sys.wait(status) > 0) reaped++;
        return made == n && reported == n && reaped == n ? 0 : 1;
    }
}
