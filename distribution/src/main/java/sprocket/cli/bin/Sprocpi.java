package sprocket.cli.bin;

import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Arena;
import sprocket.libc.Sproc;
import sprocket.libc.Strerror;
import sprocket.libc.Ulock;
import sprocket.libc.Ulocks;

/**
 * sprocpi [-k N] NPROC INTERVALS: the SMP HOWTO's pi program (section 2.5) the IRIX way: NPROC share-group members made by
 * sproc(PR_SADDR) see the parent's data directly, so the total lives in ordinary data memory (from sbrk) rather than
 * a System V segment, and the add into it is guarded by an arena spin lock (usinit, usnewlock, ussetlock) built on
 * the machine's atomic primitive. Member i sums intervals i, i+NPROC, ... by the midpoint rule.
 */
public final class Sprocpi implements Program {
    @Override
    public String name() {
        return "sprocpi";
    }

    @Override
    public String summary() {
        return "sprocpi [-k N] NPROC INTERVALS: pi by NPROC sproc(PR_SADDR) members adding into shared data under an arena"
                + " spin lock";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long[] args = Pi.arguments(sys, "sprocpi", argv);
        if (args == null) return 2;
        long nproc = args[0];
        long intervals = args[1];
        long kernelEvery = args[2];
        // The C library arena admits 8 users by default; the parent and NPROC members need NPROC + 1.
        if (Arena.usconfig(sys, Ulocks.CONF_INITUSERS, Math.max(Ulocks.DEFAULT_USERS, nproc + 1)) == -1) {
            Strerror.perror(sys, "sprocpi: usconfig");
            return 1;
        }
        long arena = Arena.usinit(sys, "/dev/zero");
        if (arena == 0) {
            Strerror.perror(sys, "sprocpi: usinit");
            return 1;
        }
        long lock = Ulock.usnewlock(sys, arena);
        long total = sys.sbrk(8);
        if (lock == 0 || total == -1) {
            Strerror.perror(sys, "sprocpi: arena");
            return 1;
        }
        sys.cpu().storeDouble(total, 0.0);
        long start = sys.cpu().cycles();
        int started = 0;
        for (; started < nproc; started++) {
            int iproc = started;
            int pid = Sproc.sproc(sys, (s, arg, len) -> sum(s, total, lock, iproc, (int) nproc, intervals, kernelEvery),
                    Prctl.PR_SADDR, 0);
            if (pid == -1) {
                Strerror.perror(sys, "sprocpi: sproc");
                break;
            }
        }
        boolean ok = Reap.all(sys, "sprocpi", started) && started == nproc;
        long elapsed = sys.cpu().cycles() - start;
        if (!ok) return 1;
        return Pi.report(sys, "sprocpi", sys.cpu().loadDouble(total), (int) nproc, intervals, elapsed);
    }

    private static int sum(Sys sys, long total, long lock, int iproc, int nproc, long intervals, long kernelEvery) {
        double localsum = Pi.partial(sys, iproc, nproc, intervals, kernelEvery);
        Ulock.ussetlock(sys, lock);
        sys.cpu().storeDouble(total, sys.cpu().loadDouble(total) + localsum);
        Ulock.usunsetlock(sys, lock);
        return 0;
    }
}
