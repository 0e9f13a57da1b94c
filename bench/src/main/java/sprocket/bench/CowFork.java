package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;

/**
 * bench-cowfork MIB M: maps MIB MiB anonymous private memory and writes every page (so all are resident), then
 * M times forks a child that exits at once and waitpid(2)s for it; finally checks every page still holds what
 * the parent wrote. Nobody writes a shared page after a fork, so copy-on-write should copy nothing.
 */
public final class CowFork implements Program {
    @Override
    public String name() {
        return "bench-cowfork";
    }

    @Override
    public String summary() {
        return "benchmark: M rounds of fork + exit + waitpid with MIB MiB resident";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long[] a = Args.counts(sys, argv, "MIB", "M");
        if (a == null) return 2;
        long bytes = a[0] << 20;
        long rounds = a[1];
        long page = sys.sysconf(Sysconf._SC_PAGESIZE);
        long pages = bytes / page;
        long base = 0;
        if (bytes > 0) {
            base = sys.mmap(0, bytes, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1,
                    0);
            if (base == Mman.MAP_FAILED) {
                Stdio.fputs(sys, STDERR_FILENO, "bench-cowfork: mmap failed, errno " + sys.errno() + "\n");
                return 1;
            }
        }
        for (long p = 0; p < pages; p++) sys.cpu().store64(base + p * page, p);
        int[] status = new int[1];
        for (long i = 0; i < rounds; i++) {
            int child = sys.fork(s -> 0);
            if (child < 0) {
                Stdio.fputs(sys, STDERR_FILENO, "bench-cowfork: fork failed, errno " + sys.errno() + "\n");
                return 1;
            }
            if (sys.waitpid(child, status, 0) != child || !Wait.WIFEXITED(status[0])
                    || Wait.WEXITSTATUS(status[0]) != 0) {
                return 1;
            }
        }
        for (long p = 0; p < pages; p++) {
            if (sys.cpu().load64(base + p * page) != p) return 1;
        }
        return 0;
    }
}
