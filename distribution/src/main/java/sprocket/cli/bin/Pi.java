package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import java.util.Locale;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * What the SMP HOWTO's pi programs share (section 2.5): their arguments, one process's partial sum of 4/(1+x^2) by
 * the midpoint rule, and the report with its check that no partial sum was lost.
 */
final class Pi {
    static final int MAX_PROCESSES = 64;
    /** The HOWTO counts intervals in an int. */
    static final long MAX_INTERVALS = Integer.MAX_VALUE;
    /**
     * Cycles of floating-point work per interval: two multiplies, two adds and a divide, a modest figure for a
     * 1990s FPU (the divide alone is most of it).
     */
    static final long CYCLES_PER_INTERVAL = 20;
    static final long CHECKED_INTERVALS = 10_000;
    static final double TOLERANCE = 1e-6;

    /**
     * [-k N] NPROC INTERVALS from {@code argv} as {nproc, intervals, kernelEvery} (0 without -k), or null after a usage
     * message (the program then exits 2).
     */
    static long[] arguments(Sys sys, String program, String[] argv) {
        String usage = "usage: " + program + " [-k N] nproc intervals\n";
        Getopt g = new Getopt(sys, argv, "k:");
        long kernelEvery = 0;
        for (int c; (c = g.getopt()) != -1; ) {
            if (c != 'k' || (kernelEvery = Strtol.number(g.optarg(), 1, MAX_INTERVALS)) == Strtol.BAD_NUMBER) {
                Stdio.fputs(sys, STDERR_FILENO, usage);
                return null;
            }
        }
        String[] ops = g.operands();
        if (ops.length != 2) {
            Stdio.fputs(sys, STDERR_FILENO, usage);
            return null;
        }
        long nproc = Strtol.number(ops[0], 1, MAX_PROCESSES);
        long intervals = Strtol.number(ops[1], 1, MAX_INTERVALS);
        if (nproc == Strtol.BAD_NUMBER || intervals == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, program + ": nproc must be 1 to " + MAX_PROCESSES + " and intervals 1 to "
                    + MAX_INTERVALS + "\n" + usage);
            return null;
        }
        return new long[] {nproc, intervals, kernelEvery};
    }

    /**
     * Process {@code iproc}'s share: the midpoint sum of intervals iproc, iproc+nproc, ..., scaled by the width. With
     * {@code kernelEvery} above 0, a getrusage(2) about every that many of its intervals: kernel activity, as of a program
     * that watches its own time (the HOWTO's speedups depend "on the level of kernel activity required").
     */
    static double partial(Sys sys, int iproc, int nproc, long intervals, long kernelEvery) {
        double width = 1.0 / intervals;
        double localsum = 0;
        // The next call comes kernelEvery intervals on, give or take one: identical loops would otherwise call in lock
        // step forever, where real ones drift in and out of step. A small LCG per process keeps it deterministic.
        long lcg = iproc + 1;
        long next = kernelEvery;
        for (long i = iproc; i < intervals; i += nproc) {
            double x = (i + 0.5) * width;
            localsum += 4.0 / (1.0 + x * x);
            sys.cpu().burn(CYCLES_PER_INTERVAL);
            if (kernelEvery > 0 && --next == 0) {
                sys.getrusage(Rusage.RUSAGE_SELF);
                lcg = lcg * 6364136223846793005L + 1442695040888963407L;
                next = Math.max(1, kernelEvery + (lcg >>> 62) - 1);
            }
        }
        return localsum * width;
    }

    /**
     * Prints the estimate; 0, or 1 if it could not be printed or if, with enough intervals for the midpoint rule's
     * error to be below 1e-9, it is more than {@link #TOLERANCE} from pi (a partial sum was lost).
     */
    static int report(Sys sys, String program, double pi, int nproc, long intervals, long elapsed) {
        if (Stdio.fputs(sys, STDOUT_FILENO, program + ": pi is approximately "
                + String.format(Locale.ROOT, "%.10f", pi) + " (" + nproc
                + " processes, " + intervals + " intervals, " + elapsed + " cycles)\n") == Stdio.EOF) {
            Strerror.perror(sys, program + ": write");
            return 1;
        }
        double error = Math.abs(pi - Math.PI);
        if (intervals >= CHECKED_INTERVALS && !(error <= TOLERANCE)) {
            Stdio.fputs(sys, STDERR_FILENO, program + ": the estimate is off by " + error + ", more than " + TOLERANCE
                    + ": a partial sum was lost\n");
            return 1;
        }
        return 0;
    }

    private Pi() {
    }
}
