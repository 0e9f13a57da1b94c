package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;

/**
 * bench-yield N: the parent forks one child and both call sched_yield(2) N times, so on one CPU each yield
 * switches to the other process.
 */
public final class YieldPair implements Program {
    @Override
    public String name() {
        return "bench-yield";
    }

    @Override
    public String summary() {
        return "benchmark: two processes alternating with sched_yield, N each";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long n = Args.count(sys, argv);
        if (n < 0) return 2;
        int child = sys.fork(s -> yieldLoop(s, n));
        if (child < 0) {
            Stdio.fputs(sys, STDERR_FILENO, "bench-yield: fork failed, errno " + sys.errno() + "\n");
            return 1;
        }
        int mine = yieldLoop(sys, n);
        int[] status = new int[1];
        if (sys.waitpid(child, status, 0) != child) return 1;
        return mine == 0 && Wait.WIFEXITED(status[0]) && Wait.WEXITSTATUS(status[0]) == 0 ? 0 : 1;
    }

    private static int yieldLoop(Sys sys, long n) {
        for (long i = 0; i < n; i++) {
            if (sys.sched_yield() != 0) return 1;
        }
        return 0;
    }
}
