package sprocket.cli.bin;

import java.util.Locale;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Ulocks;

/**
 * sprocpi NPROC INTERVALS: the SMP HOWTO's pi program (section 2.5) the IRIX way: NPROC share-group members made by
 * sproc(PR_SADDR) see the parent's data directly, so the total lives in ordinary data memory (from sbrk) rather than
 * a System V segment, and the add into it is guarded by an arena spin lock (usinit, usnewlock, ussetlock) built on
 * the machine's atomic primitive. Member i sums intervals i, i+NPROC, ... by the midpoint rule.
 */
public final class Sprocpi implements Program {
    static final int MAX_PROCESSES = 64;
    private static final String USAGE = "usage: sprocpi nproc intervals\n";

    @Override
    public String name() {
        return "sprocpi";
    }

    @Override
    public String summary() {
        return "sprocpi NPROC INTERVALS: pi by NPROC sproc(PR_SADDR) members adding into shared data under an arena"
                + " spin lock";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        if (a < argv.length && argv[a].equals("--")) a++;
        if (argv.length - a != 2) return usage(sys, "");
        long nproc = Libc.number(argv[a], 1, MAX_PROCESSES);
        long intervals = Libc.number(argv[a + 1], 1, Integer.MAX_VALUE);
        if (nproc == Libc.BAD_NUMBER || intervals == Libc.BAD_NUMBER) {
            return usage(sys, "sprocpi: nproc must be 1 to " + MAX_PROCESSES + " and intervals 1 to "
                    + Integer.MAX_VALUE + "\n");
        }
        // The C library arena admits 8 users by default; the parent and NPROC members need NPROC + 1.
        if (sys.usconfig(Ulocks.CONF_INITUSERS, Math.max(Ulocks.DEFAULT_USERS, nproc + 1)) == -1) {
            Libc.perror(sys, "sprocpi: usconfig");
            return 1;
        }
        long arena = sys.usinit("/dev/zero");
        if (arena == 0) {
            Libc.perror(sys, "sprocpi: usinit");
            return 1;
        }
        long lock = sys.usnewlock(arena);
        long total = sys.sbrk(8);
        if (lock == 0 || total == -1) {
            Libc.perror(sys, "sprocpi: arena");
            return 1;
        }
        sys.storeDouble(total, 0.0);
        long start = sys.cycles();
        int started = 0;
        for (; started < nproc; started++) {
            int iproc = started;
            int pid = sys.sproc((s, arg, len) -> sum(s, total, lock, iproc, (int) nproc, intervals), Prctl.PR_SADDR, 0);
            if (pid == -1) {
                Libc.perror(sys, "sprocpi: sproc");
                break;
            }
        }
        boolean ok = Reap.all(sys, "sprocpi", started) && started == nproc;
        long elapsed = sys.cycles() - start;
        if (!ok) return 1;
        double pi = sys.loadDouble(total);
        Libc.puts(sys, "sprocpi: pi is approximately " + String.format(Locale.ROOT, "%.10f", pi) + " (" + nproc
                + " processes, " + intervals + " intervals, " + elapsed + " cycles)\n");
        if (intervals >= Shmpi.CHECKED_INTERVALS && Math.abs(pi - Math.PI) > Shmpi.TOLERANCE) {
            Libc.eputs(sys, "sprocpi: the estimate is off: a partial sum was lost\n");
            return 1;
        }
        return 0;
    }

    private static int sum(Sys sys, long total, long lock, int iproc, int nproc, long intervals) {
        double width = 1.0 / intervals;
        double localsum = 0;
        for (long i = iproc; i < intervals; i += nproc) {
            double x = (i + 0.5) * width;
            localsum += 4.0 / (1.0 + x * x);
            sys.burn(Shmpi.CYCLES_PER_INTERVAL);
        }
        localsum *= width;
        sys.ussetlock(lock);
        sys.storeDouble(total, sys.loadDouble(total) + localsum);
        sys.usunsetlock(lock);
        return 0;
    }

    private static int usage(Sys sys, String why) {
        Libc.eputs(sys, why + USAGE);
        return 2;
    }
}
