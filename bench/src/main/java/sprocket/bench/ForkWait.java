package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;

/** bench-fork N: N times, fork(2) a child that returns 0 at once, then wait(2) for it. */
public final class ForkWait implements Program {
    @Override
    public String name() {
        return "bench-fork";
    }

    @Override
    public String summary() {
        return "benchmark: N rounds of fork + exit + wait";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long n = Args.count(sys, argv);
        if (n < 0) return 2;
        int[] status = new int[1];
        for (long i = 0; i < n; i++) {
            int child = sys.fork(s -> 0);
            if (child < 0) {
                Stdio.fputs(sys, STDERR_FILENO, "bench-fork: fork failed, errno " + sys.errno() + "\n");
                return 1;
            }
            if (sys.wait(status) != child || !Wait.WIFEXITED(status[0]) || Wait.WEXITSTATUS(status[0]) != 0) {
                return 1;
            }
        }
        return 0;
    }
}
