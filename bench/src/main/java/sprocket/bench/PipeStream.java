package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;

/**
 * bench-pipeflow MIB KIB MEM: a child writes MIB MiB into a pipe in writes of KIB KiB; the parent reads with a
 * KIB KiB buffer until end-of-file and checks the count and the first byte of every read against the pattern.
 * MEM 0 uses program (Java) buffers, MEM 1 buffers in the processes' simulated memory (read(2)/write(2) at an
 * address, the copy through the MMU a real program's data takes).
 */
public final class PipeStream implements Program {
    @Override
    public String name() {
        return "bench-pipeflow";
    }

    @Override
    public String summary() {
        return "benchmark: MIB MiB through a pipe in KIB KiB writes (MEM 1: buffers in simulated memory)";
    }

    /** The byte at offset {@code i} of every chunk written. */
    static byte pattern(long i) {
        return (byte) (i * 7 + 1);
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long[] a = Args.counts(sys, argv, "MIB", "KIB", "MEM");
        if (a == null) return 2;
        if (a[1] < 1 || a[1] > 1 << 20 || a[2] > 1) {
            Stdio.fputs(sys, STDERR_FILENO, "bench-pipeflow: KIB must be 1..1048576 and MEM 0 or 1\n");
            return 2;
        }
        long total = a[0] << 20;
        int chunk = (int) (a[1] << 10);
        boolean mem = a[2] == 1;
        // Mapped before the fork, so the child has its own copy-on-write copy of the filled buffer.
        long addr = 0;
        if (mem) {
            addr = sys.mmap(0, chunk, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            if (addr == Mman.MAP_FAILED) return 1;
            for (int i = 0; i < chunk; i++) sys.cpu().store8(addr + i, pattern(i));
        }
        int[] fds = new int[2];
        if (sys.pipe(fds) != 0) return 1;
        long at = addr;
        int child = sys.fork(s -> {
            s.close(fds[0]);
            // The child's own buffer: fork copies the simulated image, not the program's Java objects.
            byte[] out = new byte[chunk];
            for (int i = 0; i < chunk; i++) out[i] = pattern(i);
            for (long done = 0; done < total; ) {
                int len = (int) Math.min(chunk, total - done);
                long n = mem ? s.write(fds[1], at, len) : s.write(fds[1], out, 0, len);
                if (n != len) return 1;
                done += n;
            }
            return 0;
        });
        if (child < 0) {
            Stdio.fputs(sys, STDERR_FILENO, "bench-pipeflow: fork failed, errno " + sys.errno() + "\n");
            return 1;
        }
        sys.close(fds[1]);
        byte[] buf = new byte[chunk];
        long got = 0;
        int bad = 0;
        while (true) {
            long n = mem ? sys.read(fds[0], addr, chunk) : sys.read(fds[0], buf, 0, chunk);
            if (n < 0) return 1;
            if (n == 0) break;
            byte first = mem ? sys.cpu().load8(addr) : buf[0];
            if (first != pattern(got % chunk)) bad++;
            got += n;
        }
        int[] status = new int[1];
        if (sys.waitpid(child, status, 0) != child) return 1;
        return bad == 0 && got == total && Wait.WIFEXITED(status[0]) && Wait.WEXITSTATUS(status[0]) == 0 ? 0 : 1;
    }
}
