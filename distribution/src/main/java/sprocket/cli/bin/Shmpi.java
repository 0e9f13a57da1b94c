package sprocket.cli.bin;

import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Strerror;

/**
 * shmpi [-k N] NPROC INTERVALS: the SMP Linux HOWTO's pi program (section 2.5) for NPROC processes. It integrates
 * 4/(1+x^2) from 0 to 1 by the midpoint rule over INTERVALS intervals: process i of NPROC sums intervals i,
 * i+NPROC, i+2*NPROC..., scales its sum by the width, and adds it into a double in a System V shared memory
 * segment (shmget(IPC_PRIVATE), shmat, inherited across fork, shmdt). The parent reaps the children, reads the
 * total, detaches and removes the segment with shmctl(IPC_RMID), and prints it with the cycles the whole took.
 *
 * <p>The HOWTO guards the add with a spin lock on XCHG. Sys has no atomic exchange, so the lock here is
 * Lamport's bakery lock ({@link Bakery}) in the same segment, made of plain 32-bit loads and stores: an honest
 * emulation of the XCHG lock, mutual exclusion from the algorithm rather than from a locked bus cycle. The lock is
 * needed: the add is a load, an add and a store, and a 64-bit store is not atomic on the bus (HOWTO 2.2).
 *
 * <p>Exit 1 if anything failed, or if with INTERVALS of at least {@value Pi#CHECKED_INTERVALS} the estimate is
 * more than {@value Pi#TOLERANCE} from pi (the midpoint rule's error is then below 1e-9, so a lost update shows).
 */
public final class Shmpi implements Program {

    /** The HOWTO's struct shared: the sum alone on the first 32-byte cache line, the lock's slots after it. */
    static final long PI = 0;
    static final long LOCK = 32;

    @Override
    public String name() {
        return "shmpi";
    }

    @Override
    public String summary() {
        return "shmpi [-k N] NPROC INTERVALS: the SMP HOWTO's pi program; NPROC processes add partial sums into System V"
                + " shared memory under a load/store lock";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long[] args = Pi.arguments(sys, "shmpi", argv);
        return args == null ? 2 : run(sys, (int) args[0], args[1], args[2]);
    }

    private static int run(Sys sys, int nproc, long intervals, long kernelEvery) {
        // shmget(2) hands back a segment of zeros: the sum starts at 0.0 and the bakery lock free, as both need.
        int shmid = sys.shmget(IpcFlags.IPC_PRIVATE, LOCK + Bakery.size(nproc), IpcFlags.IPC_CREAT | 0600);
        if (shmid == -1) {
            Strerror.perror(sys, "shmpi: shmget");
            return 1;
        }
        long shared = sys.shmat(shmid, 0, 0);
        if (shared == -1) {
            Strerror.perror(sys, "shmpi: shmat");
            remove(sys, shmid);
            return 1;
        }
        Bakery lock = new Bakery(shared + LOCK, nproc);

        boolean ok = true;
        long start = sys.cpu().cycles();
        int started = 0;
        for (; started < nproc; started++) {
            int iproc = started;
            int pid = sys.fork(child -> sum(child, shared, lock, iproc, nproc, intervals, kernelEvery));
            if (pid == -1) {
                Strerror.perror(sys, "shmpi: fork");
                ok = false;
                break;
            }
        }
        // Reaping every child is the HOWTO's barrier: after it, every partial sum is in.
        if (!Reap.all(sys, "shmpi", started)) ok = false;
        long elapsed = sys.cpu().cycles() - start;
        double pi = sys.cpu().loadDouble(shared + PI);

        if (sys.shmdt(shared) == -1) {
            Strerror.perror(sys, "shmpi: shmdt");
            ok = false;
        }
        if (!remove(sys, shmid)) ok = false;
        if (!ok) return 1;

        return Pi.report(sys, "shmpi", pi, nproc, intervals, elapsed);
    }

    /** Process {@code iproc}'s share: its intervals' midpoint sum, added into the shared total under the lock. */
    private static int sum(Sys sys, long shared, Bakery lock, int iproc, int nproc, long intervals,
            long kernelEvery) {
        double localsum = Pi.partial(sys, iproc, nproc, intervals, kernelEvery);

        lock.lock(sys, iproc, false);
        sys.cpu().storeDouble(shared + PI, sys.cpu().loadDouble(shared + PI) + localsum);
        lock.unlock(sys, iproc);

        // HOWTO 2.5, step 6: "When a process is done using a shared memory segment, it really should detach".
        if (sys.shmdt(shared) == -1) {
            Strerror.perror(sys, "shmpi: shmdt");
            return 1;
        }
        return 0;
    }

    /** shmctl(IPC_RMID), reporting a failure; true when the segment is gone. */
    private static boolean remove(Sys sys, int shmid) {
        if (sys.shmctl(shmid, IpcFlags.IPC_RMID, null) == 0) return true;
        Strerror.perror(sys, "shmpi: shmctl");
        return false;
    }
}
