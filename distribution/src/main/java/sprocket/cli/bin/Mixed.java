package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.Errno;
import sprocket.api.sys.Program;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * mixed [CPU IO [ROUNDS]]: a CPU-bound and an I/O-bound population side by side, the workload a time-sharing
 * scheduler is judged by. CPU children compute ROUNDS chunks of {@link #CPU_CHUNK} cycles; I/O children ROUNDS
 * times sleep {@link #IO_SLEEP_NS} ns (a device wait) and then compute {@link #IO_BURST} cycles. The parent reaps
 * them all and prints, per child in fork order, its turnaround (cycles from fork to reap on the parent's cycle
 * counter) and what getrusage(RUSAGE_CHILDREN) gained when it was reaped: its CPU time and its voluntary and
 * involuntary context switches; then the mean turnaround of each kind.
 */
public final class Mixed implements Program {

    static final int MAX_CHILDREN = 256;
    static final long DEFAULT_CPU = 4;
    static final long DEFAULT_IO = 4;
    static final long DEFAULT_ROUNDS = 20;
    static final long MAX_ROUNDS = 1_000_000;
    static final long CPU_CHUNK = 100_000;
    static final long IO_SLEEP_NS = 1_000_000;
    static final long IO_BURST = 5_000;
    private static final String USAGE = "usage: mixed [cpu io [rounds]]\n";

    @Override
    public String name() {
        return "mixed";
    }

    @Override
    public String summary() {
        return "mixed [CPU IO [ROUNDS]]: CPU-bound and I/O-bound children together; turnaround and context switches"
                + " of each, mean turnaround per kind";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        if (a < argv.length && argv[a].equals("--")) a++;
        int operands = argv.length - a;
        if (operands != 0 && operands != 2 && operands != 3) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        long cpu = operands == 0 ? DEFAULT_CPU : Strtol.number(argv[a], 0, MAX_CHILDREN);
        long io = operands == 0 ? DEFAULT_IO : Strtol.number(argv[a + 1], 0, MAX_CHILDREN);
        long rounds = operands == 3 ? Strtol.number(argv[a + 2], 1, MAX_ROUNDS) : DEFAULT_ROUNDS;
        if (cpu == Strtol.BAD_NUMBER || io == Strtol.BAD_NUMBER || rounds == Strtol.BAD_NUMBER || cpu + io == 0
                || cpu + io > MAX_CHILDREN) {
            Stdio.fputs(sys, STDERR_FILENO, "mixed: cpu and io must be numbers from 0 to " + MAX_CHILDREN
                    + ", together 1 to "
                    + MAX_CHILDREN + ", and rounds 1 to " + MAX_ROUNDS + "\n" + USAGE);
            return 2;
        }
        return run(sys, (int) cpu, (int) io, rounds);
    }

    private static int run(Sys sys, int cpu, int io, long rounds) {
        int n = cpu + io;
        int[] pids = new int[n];
        long[] forked = new long[n];
        long[] turnaround = new long[n];
        Rusage[] usage = new Rusage[n];

        // Alternate the kinds so that neither gets the head start of being forked first.
        boolean ok = true;
        int started = 0;
        for (int c = 0, i = 0; started < n; started++) {
            boolean cpuBound = (started % 2 == 0 && c < cpu) || i >= io;
            forked[started] = sys.cpu().cycles();
            int pid = sys.fork(cpuBound ? child -> compute(child, rounds) : child -> await(child, rounds));
            if (pid == -1) {
                Strerror.perror(sys, "mixed: fork");
                ok = false;
                break;
            }
            pids[started] = cpuBound ? pid : -pid;
            if (cpuBound) c++; else i++;
        }

        Rusage before = sys.getrusage(Rusage.RUSAGE_CHILDREN);
        if (before == null) {
            Strerror.perror(sys, "mixed: getrusage");
            ok = false;
        }
        int[] status = new int[1];
        for (int reaped = 0; reaped < started; ) {
            int pid = Reap.any(sys, status);
            long now = sys.cpu().cycles();
            if (pid == -1) {
                Strerror.perror(sys, "mixed: waitpid");
                ok = false;
                break;
            }
            Rusage after = sys.getrusage(Rusage.RUSAGE_CHILDREN);
            if (after == null) {
                Strerror.perror(sys, "mixed: getrusage");
                ok = false;
            }
            // RUSAGE_CHILDREN grows by exactly the reaped child's usage: the difference is that child's.
            Rusage own = before != null && after != null ? minus(after, before) : null;
            before = after;
            int k = indexOf(pids, started, pid);
            // A process that exec'd mixed keeps its children, and waitpid(-1) may return one of them.
            if (k < 0) continue;
            reaped++;
            if (!Reap.succeeded(sys, "mixed", pid, status[0])) ok = false;
            turnaround[k] = now - forked[k];
            usage[k] = own;
        }
        if (!ok) return 1;

        StringBuilder out = new StringBuilder();
        long[] sum = new long[2];
        for (int k = 0; k < started; k++) {
            boolean cpuBound = pids[k] > 0;
            Rusage u = usage[k];
            out.append("mixed: pid ").append(Math.abs(pids[k])).append(cpuBound ? " cpu" : " io ")
                    .append(" turnaround ").append(turnaround[k]).append(" cycles, cpu ")
                    .append((u.utime() + u.stime()) / 1000).append(" us, ").append(u.nvcsw()).append(" voluntary ").append(u.nivcsw())
                    .append(" involuntary switches\n");
            sum[cpuBound ? 0 : 1] += turnaround[k];
        }
        out.append("mixed: mean turnaround: cpu ").append(mean(sum[0], cpu)).append(" cycles (").append(cpu)
                .append("), io ").append(mean(sum[1], io)).append(" cycles (").append(io).append(")\n");
        if (Stdio.fputs(sys, STDOUT_FILENO, out.toString()) == Stdio.EOF) {
            Strerror.perror(sys, "mixed: write");
            return 1;
        }
        return 0;
    }

    /** A CPU-bound child: ROUNDS chunks of computing, never blocking. */
    private static int compute(Sys sys, long rounds) {
        for (long r = 0; r < rounds; r++) sys.cpu().burn(CPU_CHUNK);
        return 0;
    }

    /** An I/O-bound child: ROUNDS short sleeps, each followed by a little computing. */
    private static int await(Sys sys, long rounds) {
        for (long r = 0; r < rounds; r++) {
            // A caught signal cutting the nap short changes nothing that matters here.
            if (sys.nanosleep(IO_SLEEP_NS) == -1 && sys.errno() != Errno.EINTR) {
                Strerror.perror(sys, "mixed: nanosleep");
                return 1;
            }
            sys.cpu().burn(IO_BURST);
        }
        return 0;
    }

    private static int indexOf(int[] pids, int n, int pid) {
        for (int k = 0; k < n; k++) {
            if (Math.abs(pids[k]) == pid) return k;
        }
        return -1;
    }

    private static Rusage minus(Rusage a, Rusage b) {
        return new Rusage(a.utime() - b.utime(), a.stime() - b.stime(), a.minflt() - b.minflt(), a.nvcsw() - b.nvcsw(),
                a.nivcsw() - b.nivcsw(), a.nsignals() - b.nsignals(), a.tlbMisses() - b.tlbMisses());
    }

    private static long mean(long sum, int count) {
        return count == 0 ? 0 : sum / count;
    }
}
