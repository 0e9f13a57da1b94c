package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * nicetest [N [CYCLES]]: N equal CPU-bound children at nice 0, 5, 10, ... compete until a common deadline CYCLES
 * cycles after the start, each counting the chunks of {@link #CHUNK} cycles it computes into a MAP_SHARED page.
 * The parent then prints each child's nice value, the share of the children's CPU time a weighted fair scheduler
 * owes it, and the share it got (its chunks over all chunks). The share owed is its Linux CFS weight over the sum of
 * the weights, except that one process can use at most one CPU: on several CPUs the heaviest are capped at a CPU
 * each and the rest is shared by weight among the others. On one CPU under {@code fair}, nice 0, 5 and 10 should
 * split it about 1024:335:110; with a CPU for every child, nice cannot matter and the shares are equal.
 */
public final class Nicetest implements Program {

    static final int MAX_PROCESSES = 8;
    static final long DEFAULT_PROCESSES = 3;
    static final long DEFAULT_CYCLES = 100_000_000;
    /** Small beside a clock tick on either machine, so a child's count follows its CPU time closely. */
    static final long CHUNK = 10_000;
    static final int NICE_STEP = 5;
    /** Each child's slot is a 32-byte cache line of its own, so counting does not make the lines ping-pong. */
    private static final long SLOT = 32;
    private static final long CHUNKS = 0;
    private static final long NICE = 8;
    private static final String USAGE = "usage: nicetest [nproc [cycles]]\n";

    /** Linux CFS's sched_prio_to_weight, indexed by nice + 20: 1024 at nice 0, each step about 1.25x. */
    private static final int[] WEIGHTS = {
        88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
        110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
    };

    @Override
    public String name() {
        return "nicetest";
    }

    @Override
    public String summary() {
        return "nicetest [N [CYCLES]]: N CPU-bound children at nice 0, 5, 10, ...; expected and measured CPU shares"
                + " (try --set hw.cpus=1 under fair)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        if (a < argv.length && argv[a].equals("--")) a++;
        int operands = argv.length - a;
        if (operands > 2) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        long nproc = operands >= 1 ? Strtol.number(argv[a], 1, MAX_PROCESSES) : DEFAULT_PROCESSES;
        long cycles = operands == 2 ? Strtol.number(argv[a + 1], 1, Long.MAX_VALUE / 2) : DEFAULT_CYCLES;
        if (nproc == Strtol.BAD_NUMBER || cycles == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "nicetest: nproc must be 1 to " + MAX_PROCESSES
                    + " and cycles a positive number\n" + USAGE);
            return 2;
        }
        return run(sys, (int) nproc, cycles);
    }

    private static int run(Sys sys, int nproc, long cycles) {
        long len = nproc * SLOT;
        long page = sys.mmap(0, len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
        if (page == Mman.MAP_FAILED) {
            Strerror.perror(sys, "nicetest: mmap");
            return 1;
        }
        boolean ok = true;
        long deadline = sys.cpu().cycles() + cycles;
        int started = 0;
        for (; started < nproc; started++) {
            long slot = page + started * SLOT;
            int incr = started * NICE_STEP;
            int pid = sys.fork(child -> compete(child, slot, incr, deadline));
            if (pid == -1) {
                Strerror.perror(sys, "nicetest: fork");
                ok = false;
                break;
            }
        }
        if (!Reap.all(sys, "nicetest", started)) ok = false;
        if (!ok) return 1;

        long cpus = sys.sysconf(Sysconf._SC_NPROC_ONLN);
        if (cpus < 1) {
            Strerror.perror(sys, "nicetest: sysconf");
            return 1;
        }
        long totalChunks = 0;
        long[] weights = new long[nproc];
        for (int i = 0; i < nproc; i++) {
            totalChunks += sys.cpu().load64(page + i * SLOT + CHUNKS);
            weights[i] = WEIGHTS[(int) sys.cpu().load64(page + i * SLOT + NICE) + 20];
        }
        double[] owed = owed(weights, cpus);
        StringBuilder out = new StringBuilder();
        out.append("nicetest: ").append(nproc).append(" processes on ").append(cpus).append(cpus == 1 ? " CPU, " : " CPUs, ")
                .append(cycles).append(" cycles, chunks of ").append(CHUNK).append("\n");
        if (nproc <= cpus) {
            out.append("nicetest: a CPU for every child: nice cannot change the shares, so equal ones are expected\n");
        }
        for (int i = 0; i < nproc; i++) {
            long chunks = sys.cpu().load64(page + i * SLOT + CHUNKS);
            int nice = (int) sys.cpu().load64(page + i * SLOT + NICE);
            out.append("nicetest: nice ").append(nice).append(" weight ").append(weights[i]).append(" expected ")
                    .append(percent(Math.round(owed[i] * 1000), 1000)).append(" measured ")
                    .append(percent(chunks, totalChunks)).append(" (").append(chunks).append(" chunks)\n");
        }
        if (Stdio.fputs(sys, STDOUT_FILENO, out.toString()) == Stdio.EOF) {
            Strerror.perror(sys, "nicetest: write");
            return 1;
        }
        if (sys.munmap(page, len) == -1) Strerror.perror(sys, "nicetest: munmap");
        return 0;
    }

    /** One competitor: lower its priority by {@code incr}, then count chunks of computing until the deadline. */
    private static int compete(Sys sys, long slot, int incr, long deadline) {
        sys.errno(0);
        int nice = sys.nice(incr);
        // nice(2) may legitimately return -1, a nice value; only errno tells a failure apart.
        if (nice == -1 && sys.errno() != 0) {
            Strerror.perror(sys, "nicetest: nice");
            return 1;
        }
        sys.cpu().store64(slot + NICE, nice);
        long chunks = 0;
        while (sys.cpu().cycles() < deadline) {
            sys.cpu().burn(CHUNK);
            sys.cpu().store64(slot + CHUNKS, ++chunks);
        }
        return 0;
    }

    /**
     * The share of the children's CPU time weighted fair sharing owes each, on {@code cpus} CPUs: shares follow the
     * weights, but none can exceed one CPU, so a child whose weighted share would is capped at one CPU and the CPUs
     * left are shared by weight among the rest (water-filling), until no share exceeds one CPU.
     */
    static double[] owed(long[] weights, long cpus) {
        int n = weights.length;
        double[] cpusEach = new double[n];
        boolean[] capped = new boolean[n];
        double busy = Math.min(cpus, n);
        double left = busy;
        boolean changed = true;
        while (changed) {
            changed = false;
            long weight = 0;
            for (int i = 0; i < n; i++) if (!capped[i]) weight += weights[i];
            for (int i = 0; i < n; i++) {
                if (capped[i]) continue;
                cpusEach[i] = left * weights[i] / weight;
                if (cpusEach[i] > 1) {
                    capped[i] = true;
                    changed = true;
                }
            }
            if (changed) {
                left = busy;
                for (int i = 0; i < n; i++) {
                    if (capped[i]) {
                        cpusEach[i] = 1;
                        left -= 1;
                    }
                }
            }
        }
        double[] share = new double[n];
        for (int i = 0; i < n; i++) share[i] = cpusEach[i] / busy;
        return share;
    }

    /** {@code part / whole} as a percentage with one decimal, "0.0%" when there is no whole. */
    static String percent(long part, long whole) {
        long tenths = whole == 0 ? 0 : (part * 1000 + whole / 2) / whole;
        return tenths / 10 + "." + tenths % 10 + "%";
    }
}
