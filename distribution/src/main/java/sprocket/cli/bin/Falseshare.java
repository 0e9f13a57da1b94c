package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * falseshare [-p] NPROC [ITER]: the SMP HOWTO's "Cache Line Size" effect. NPROC processes each increment a counter
 * of their own ITER times, the counters side by side in one MAP_SHARED page; with {@code -p} each counter is padded
 * to {@link #PAD} bytes, more than a cache line on either machine, so no two share a line. Adjacent counters share
 * lines, and every increment takes the line from the CPU that wrote it last: the run's invalidations and
 * cache-to-cache transfers say so, and the padded run is several times faster.
 */
public final class Falseshare implements Program {
    /** Padding between counters with -p: larger than the 16-byte POWER Series and 32-byte Pentium lines. */
    static final int PAD = 128;
    /** A word per process: set when it is ready to start; all set, they start together. */
    private static final long READY = 0;
    /** Two words per process: the cycle it started counting and the cycle it finished. */
    private static final long TIMES = 3072;
    private static final long COUNTERS = 128;

    @Override
    public String name() {
        return "falseshare";
    }

    @Override
    public String summary() {
        return "falseshare [-p] NPROC [ITER]: processes increment their own counters in one shared page, adjacent or"
                + " (-p) padded to a cache line";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Getopt g = new Getopt(sys, argv, "p");
        boolean padded = false;
        for (int c; (c = g.getopt()) != -1; ) {
            if (c != 'p') return usage(sys);
            padded = true;
        }
        String[] ops = g.operands();
        if (ops.length < 1 || ops.length > 2) return usage(sys);
        long nproc = Strtol.number(ops[0], 1, 16);
        long iter = ops.length > 1 ? Strtol.number(ops[1], 1, 100_000_000) : 100_000;
        if (nproc == Strtol.BAD_NUMBER || iter == Strtol.BAD_NUMBER) return usage(sys);
        int stride = padded ? PAD : 4;

        long page = sys.mmap(0, 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
        if (page == Mman.MAP_FAILED) {
            Strerror.perror(sys, "falseshare: mmap");
            return 1;
        }
        int started = 0;
        for (; started < nproc; started++) {
            long counter = page + COUNTERS + (long) started * stride;
            int me = started;
            int pid = sys.fork(s -> count(s, page, me, (int) nproc, counter, iter));
            if (pid < 0) {
                Strerror.perror(sys, "falseshare: fork");
                break;
            }
        }
        boolean ok = Reap.all(sys, "falseshare", started) && started == nproc;
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int i = 0; i < started; i++) {
            first = Math.min(first, sys.cpu().load64(page + TIMES + 16L * i));
            last = Math.max(last, sys.cpu().load64(page + TIMES + 16L * i + 8));
        }
        long elapsed = started == 0 ? 0 : last - first;
        for (int i = 0; i < started; i++) {
            int v = sys.cpu().load32(page + COUNTERS + (long) i * stride);
            if (v != iter) {
                Stdio.fputs(sys, STDERR_FILENO, "falseshare: counter " + i + " is " + v + ", not " + iter + "\n");
                ok = false;
            }
        }
        Stdio.printf(sys, "falseshare: %d processes x %d increments, counters %s: %d cycles from the first start to"
                + " the last end, %.1f cycles an increment%n", nproc, iter, padded ? PAD + " bytes apart (-p)" : "adjacent (4 bytes apart)", elapsed,
                (double) elapsed / iter);
        sys.munmap(page, 4096);
        return ok ? 0 : 1;
    }

    /**
     * Process {@code me} of {@code n}: says it is ready and waits for the others (so that they count side by side, each
     * on a CPU of its own while there are CPUs enough), then increments its own counter {@code iter} times.
     */
    private static int count(Sys s, long page, int me, int n, long counter, long iter) {
        s.cpu().store32(page + READY + 4L * me, 1);
        for (int other = 0; other < n; other++) {
            while (s.cpu().load32(page + READY + 4L * other) == 0) s.sched_yield();
        }
        s.cpu().store64(page + TIMES + 16L * me, s.cpu().cycles());
        for (long i = 0; i < iter; i++) s.cpu().store32(counter, s.cpu().load32(counter) + 1);
        s.cpu().store64(page + TIMES + 16L * me + 8, s.cpu().cycles());
        return 0;
    }

    private static int usage(Sys sys) {
        Stdio.fputs(sys, STDERR_FILENO, "usage: falseshare [-p] NPROC [ITER]\n");
        return 2;
    }
}
