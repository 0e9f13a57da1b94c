package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.Signals;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;

/**
 * bench-procs N: forks N children that each report on a pipe and then pause(2); when every one has reported,
 * records the host heap in use, then kills them all with SIGKILL and reaps them. The parent collects the reports
 * every {@link #BATCH} forks, so the pipe (10,240 bytes) never fills and no child blocks in write(2) before it pauses:
 * a process frozen twice with a collection in between keeps its Java stack in two chunks (about 1 KB more), which
 * would measure the report, not the paused process.
 */
public final class PausedChildren implements Program {
    /** Forks between two collections of reports: well under a pipe's 10,240 bytes. */
    static final int BATCH = 4_096;

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
        byte[] buf = new byte[BATCH];
        int reported = 0;
        long t0 = System.nanoTime();
        long c0 = HeapProbe.cpuNanos();
        long a0 = HeapProbe.allocatedBytes();
        int made = 0;
        for (; made < n; made++) {
            if (made - reported >= BATCH) reported += collect(sys, fds[0], buf, made - reported);
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
        HeapProbe.forkCpuNanos = HeapProbe.cpuNanos() - c0;
        HeapProbe.forkAllocated = HeapProbe.allocatedBytes() - a0;
        sys.close(fds[1]);
        reported += collect(sys, fds[0], buf, made - reported);
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

    /** Reads {@code count} reports (fewer at end of file); returns how many came. */
    private static int collect(Sys sys, int fd, byte[] buf, int count) {
        int got = 0;
        while (got < count) {
            int r = sys.read(fd, buf, 0, Math.min(buf.length, count - got));
            if (r <= 0) break;
            got += r;
        }
        return got;
    }
}
