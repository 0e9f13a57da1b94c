package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;

/**
 * bench-pingpong N: a one-byte round trip between two processes, N times. The parent writes one byte on one pipe;
 * the child reads it and writes it back on another; the parent reads the echo and checks it. On one CPU each
 * round is two blocking reads, so two context switches.
 */
public final class PipePingPong implements Program {
    @Override
    public String name() {
        return "bench-pingpong";
    }

    @Override
    public String summary() {
        return "benchmark: N one-byte round trips over two pipes between parent and child";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long n = Args.count(sys, argv);
        if (n < 0) return 2;
        int[] down = new int[2];
        int[] up = new int[2];
        if (sys.pipe(down) != 0 || sys.pipe(up) != 0) return 1;
        int child = sys.fork(s -> echo(s, down, up, n));
        if (child < 0) {
            Stdio.fputs(sys, STDERR_FILENO, "bench-pingpong: fork failed, errno " + sys.errno() + "\n");
            return 1;
        }
        sys.close(down[0]);
        sys.close(up[1]);
        byte[] b = new byte[1];
        int bad = 0;
        for (long i = 0; i < n; i++) {
            byte sent = (byte) i;
            b[0] = sent;
            if (sys.write(down[1], b, 0, 1) != 1) return 1;
            b[0] = (byte) ~sent;
            if (sys.read(up[0], b, 0, 1) != 1) return 1;
            if (b[0] != sent) bad++;
        }
        // The child sees end-of-file once the last writer of its pipe is gone, and exits.
        sys.close(down[1]);
        int[] status = new int[1];
        if (sys.waitpid(child, status, 0) != child) return 1;
        return bad == 0 && Wait.WIFEXITED(status[0]) && Wait.WEXITSTATUS(status[0]) == 0 ? 0 : 1;
    }

    /** The child: echoes every byte until end-of-file; succeeds if it echoed exactly {@code n}. */
    private static int echo(Sys s, int[] down, int[] up, long n) {
        s.close(down[1]);
        s.close(up[0]);
        byte[] b = new byte[1];
        long echoed = 0;
        int r;
        while ((r = s.read(down[0], b, 0, 1)) == 1) {
            if (s.write(up[1], b, 0, 1) != 1) return 1;
            echoed++;
        }
        return r == 0 && echoed == n ? 0 : 1;
    }
}
