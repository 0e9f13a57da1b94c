package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Sproc;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * spinners [-y] N [ITER]: N processes share one MAP_SHARED|MAP_ANONYMOUS mapping holding a counter and a bakery
 * lock ({@link Bakery}); each takes the lock ITER times, adds one to the counter inside it (a load, some work, a
 * store: a lost update if two were ever inside at once), and lets go. The parent checks the counter is N*ITER and
 * prints it with the cycles elapsed and the waiting loops' passes. With -y a waiter yields the CPU on every pass,
 * the HOWTO's IDLE_ME: with more spinners than CPUs a plain spinner burns its whole slice waiting for a lock
 * holder that is not running. With -g the spinners are one share group (sproc(2) with PR_SADDR) rather than forked
 * processes, so a gang scheduler (sched = gang) can run them together: a lock holder is then never off its CPU while
 * the others spin for it. -c N adds N CPU-bound processes outside the group competing for the CPUs while the spinners
 * run: `spinners -g -c 4 4 200` under rr and under gang on 4 CPUs shows what co-scheduling buys.
 */
public final class Spinners implements Program {

    static final int MAX_PROCESSES = 64;
    static final long DEFAULT_ITERATIONS = 1000;
    /** Work done holding the lock, between the counter's load and its store: wide enough for a race to show. */
    static final long CRITICAL_CYCLES = 40;
    /** The counter sits alone on the first cache line; the lock's slots follow. */
    private static final long COUNTER = 0;
    private static final long LOCK = 32;
    private static final String USAGE = "usage: spinners [-gy] [-c competitors] nproc [iterations]\n";
    /** A flag word after the counter: set when the spinners are done, so competitors stop. */
    private static final long DONE = 8;
    static final int MAX_COMPETITORS = 64;

    @Override
    public String name() {
        return "spinners";
    }

    @Override
    public String summary() {
        return "spinners [-gy] N [ITER]: N processes take a load/store spin lock ITER times each in shared memory;"
                + " -y yields while waiting (IDLE_ME); -g makes them a share group; compare rr and gang";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean yield = false;
        boolean group = false;
        long competitors = 0;
        Getopt g = new Getopt(sys, argv, "gyc:");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'y' -> yield = true;
                case 'g' -> group = true;
                case 'c' -> {
                    competitors = Strtol.number(g.optarg(), 0, MAX_COMPETITORS);
                    if (competitors == Strtol.BAD_NUMBER) {
                        return Usage.fail(sys, "spinners: -c needs a number of competitors from 0 to "
                                + MAX_COMPETITORS + "\n" + USAGE);
                    }
                }
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        int a = g.optind();
        int operands = argv.length - a;
        if (operands < 1 || operands > 2) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        long nproc = Strtol.number(argv[a], 1, MAX_PROCESSES);
        long iterations = operands == 2 ? Strtol.number(argv[a + 1], 1, Integer.MAX_VALUE) : DEFAULT_ITERATIONS;
        // Bakery tickets are 32-bit and grow by at most one per acquisition.
        if (nproc == Strtol.BAD_NUMBER || iterations == Strtol.BAD_NUMBER || nproc * iterations >= Integer.MAX_VALUE) {
            Stdio.fputs(sys, STDERR_FILENO, "spinners: nproc must be 1 to " + MAX_PROCESSES
                    + " and iterations positive, with"
                    + " nproc * iterations below " + Integer.MAX_VALUE + "\n" + USAGE);
            return 2;
        }
        return run(sys, (int) nproc, iterations, yield, group, (int) competitors);
    }

    private static int run(Sys sys, int nproc, long iterations, boolean yield, boolean group, int competitors) {
        long len = LOCK + Bakery.size(nproc);
        long page = sys.mmap(0, len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
        if (page == Mman.MAP_FAILED) {
            Strerror.perror(sys, "spinners: mmap");
            return 1;
        }
        Bakery lock = new Bakery(page + LOCK, nproc);

        boolean ok = true;
        // CPU-bound processes outside any share group, competing for the CPUs until the spinners are done.
        int burning = 0;
        for (; burning < competitors; burning++) {
            if (sys.fork(child -> compete(child, page + DONE)) == -1) {
                Strerror.perror(sys, "spinners: fork");
                ok = false;
                break;
            }
        }
        long start = sys.cpu().cycles();
        int started = 0;
        for (; started < nproc; started++) {
            int i = started;
            int pid = group
                    ? Sproc.sproc(sys, (child, arg, l) -> spin(child, lock, i, page + COUNTER, iterations, yield),
                            Prctl.PR_SADDR | Prctl.PR_NOLIBC, 0)
                    : sys.fork(child -> spin(child, lock, i, page + COUNTER, iterations, yield));
            if (pid == -1) {
                Strerror.perror(sys, group ? "spinners: sproc" : "spinners: fork");
                ok = false;
                break;
            }
        }
        if (!Reap.all(sys, "spinners", started)) ok = false;
        long elapsed = sys.cpu().cycles() - start;
        sys.cpu().store64(page + DONE, 1);
        if (!Reap.all(sys, "spinners", burning)) ok = false;
        if (!ok) return 1;

        long counter = sys.cpu().load64(page + COUNTER);
        long spins = 0;
        for (int i = 0; i < nproc; i++) spins += sys.cpu().load64(lock.slot(i) + Bakery.SPARE);
        long expected = nproc * iterations;
        if (Stdio.fputs(sys, STDOUT_FILENO, "spinners: " + nproc + " processes x " + iterations + " iterations"
                + (group ? " in a share group" : "") + (yield ? " (yielding)" : "")
                + (competitors > 0 ? ", " + competitors + " competitors" : "") + ": counter " + counter + ", " + elapsed + " cycles elapsed, "
                + spins + " spin iterations\n") == Stdio.EOF) {
            Strerror.perror(sys, "spinners: write");
            return 1;
        }
        if (sys.munmap(page, len) == -1) Strerror.perror(sys, "spinners: munmap");
        if (counter != expected) {
            Stdio.fputs(sys, STDERR_FILENO, "spinners: counter is " + counter + ", expected " + expected
                    + ": mutual exclusion failed\n");
            return 1;
        }
        return 0;
    }

    /** A competitor: burns the CPU in 10,000-cycle steps until the spinners are done. */
    private static int compete(Sys sys, long done) {
        while (sys.cpu().load64(done) == 0) sys.cpu().burn(10_000);
        return 0;
    }

    /** One spinner: ITER times lock, counter += 1 the slow way, unlock; leaves its wait passes in its slot. */
    private static int spin(Sys sys, Bakery lock, int i, long counter, long iterations, boolean yield) {
        long spins = 0;
        for (long k = 0; k < iterations; k++) {
            spins += lock.lock(sys, i, yield);
            long c = sys.cpu().load64(counter);
            sys.cpu().burn(CRITICAL_CYCLES);
            sys.cpu().store64(counter, c + 1);
            lock.unlock(sys, i);
        }
        sys.cpu().store64(lock.slot(i) + Bakery.SPARE, spins);
        return 0;
    }
}
