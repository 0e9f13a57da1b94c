package sprocket.cli.bin;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/**
 * spinners [-y] N [ITER]: N processes share one MAP_SHARED|MAP_ANONYMOUS mapping holding a counter and a bakery
 * lock ({@link Bakery}); each takes the lock ITER times, adds one to the counter inside it (a load, some work, a
 * store: a lost update if two were ever inside at once), and lets go. The parent checks the counter is N*ITER and
 * prints it with the cycles elapsed and the waiting loops' passes. With -y a waiter yields the CPU on every pass,
 * the HOWTO's IDLE_ME: with more spinners than CPUs a plain spinner burns its whole slice waiting for a lock
 * holder that is not running.
 */
public final class Spinners implements Program {

    static final int MAX_PROCESSES = 64;
    static final long DEFAULT_ITERATIONS = 1000;
    /** Work done holding the lock, between the counter's load and its store: wide enough for a race to show. */
    static final long CRITICAL_CYCLES = 40;
    /** The counter sits alone on the first cache line; the lock's slots follow. */
    private static final long COUNTER = 0;
    private static final long LOCK = 32;
    private static final String USAGE = "usage: spinners [-y] nproc [iterations]\n";

    @Override
    public String name() {
        return "spinners";
    }

    @Override
    public String summary() {
        return "spinners [-y] N [ITER]: N processes take a load/store spin lock ITER times each in shared memory;"
                + " -y yields while waiting (IDLE_ME); compare rr and gang, with and without -y";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        boolean yield = false;
        for (; a < argv.length && argv[a].startsWith("-") && argv[a].length() > 1; a++) {
            if (argv[a].equals("--")) {
                a++;
                break;
            }
            if (!argv[a].equals("-y")) {
                Libc.eputs(sys, "spinners: unknown option " + argv[a] + "\n" + USAGE);
                return 2;
            }
            yield = true;
        }
        int operands = argv.length - a;
        if (operands < 1 || operands > 2) {
            Libc.eputs(sys, USAGE);
            return 2;
        }
        long nproc = Libc.number(argv[a], 1, MAX_PROCESSES);
        long iterations = operands == 2 ? Libc.number(argv[a + 1], 1, Integer.MAX_VALUE) : DEFAULT_ITERATIONS;
        // Bakery tickets are 32-bit and grow by at most one per acquisition.
        if (nproc == Libc.BAD_NUMBER || iterations == Libc.BAD_NUMBER || nproc * iterations >= Integer.MAX_VALUE) {
            Libc.eputs(sys, "spinners: nproc must be 1 to " + MAX_PROCESSES + " and iterations positive, with"
                    + " nproc * iterations below " + Integer.MAX_VALUE + "\n" + USAGE);
            return 2;
        }
        return run(sys, (int) nproc, iterations, yield);
    }

    private static int run(Sys sys, int nproc, long iterations, boolean yield) {
        long len = LOCK + Bakery.size(nproc);
        long page = sys.mmap(0, len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
        if (page == Mman.MAP_FAILED) {
            Libc.perror(sys, "spinners: mmap");
            return 1;
        }
        Bakery lock = new Bakery(page + LOCK, nproc);

        boolean ok = true;
        long start = sys.cycles();
        int started = 0;
        for (; started < nproc; started++) {
            int i = started;
            int pid = sys.fork(child -> spin(child, lock, i, page + COUNTER, iterations, yield));
            if (pid == -1) {
                Libc.perror(sys, "spinners: fork");
                ok = false;
                break;
            }
        }
        if (!Reap.all(sys, "spinners", started)) ok = false;
        long elapsed = sys.cycles() - start;
        if (!ok) return 1;

        long counter = sys.load64(page + COUNTER);
        long spins = 0;
        for (int i = 0; i < nproc; i++) spins += sys.load64(lock.slot(i) + Bakery.SPARE);
        long expected = nproc * iterations;
        if (!Libc.puts(sys, "spinners: " + nproc + " processes x " + iterations + " iterations"
                + (yield ? " (yielding)" : "") + ": counter " + counter + ", " + elapsed + " cycles elapsed, "
                + spins + " spin iterations\n")) {
            Libc.perror(sys, "spinners: write");
            return 1;
        }
        if (sys.munmap(page, len) == -1) Libc.perror(sys, "spinners: munmap");
        if (counter != expected) {
            Libc.eputs(sys, "spinners: counter is " + counter + ", expected " + expected + ": mutual exclusion failed\n");
            return 1;
        }
        return 0;
    }

    /** One spinner: ITER times lock, counter += 1 the slow way, unlock; leaves its wait passes in its slot. */
    private static int spin(Sys sys, Bakery lock, int i, long counter, long iterations, boolean yield) {
        long spins = 0;
        for (long k = 0; k < iterations; k++) {
            spins += lock.lock(sys, i, yield);
            long c = sys.load64(counter);
            sys.burn(CRITICAL_CYCLES);
            sys.store64(counter, c + 1);
            lock.unlock(sys, i);
        }
        sys.store64(lock.slot(i) + Bakery.SPARE, spins);
        return 0;
    }
}
