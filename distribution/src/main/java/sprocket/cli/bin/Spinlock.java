package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.UserCpu;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * spinlock [-t] NPROC [ITER]: NPROC processes take one spin lock in a MAP_SHARED page ITER times each, and inside it
 * add one to counters on {@link #DATA_LINES} cache lines. The lock is the machine's test_and_set(3) in a loop: on the
 * x86 each attempt is a locked read-modify-write on the bus (XCHG asserts LOCK#), so a spinner takes bus cycles from
 * every other CPU, the holder included (the SMP HOWTO: "excessive memory-reference interference"); on the R2000 each
 * is an operation of the lock unit on the synchronisation bus. With {@code -t} it is test-and-test-and-set: a waiter
 * reads the lock word until it is free, in its own cache, and only then tries the atomic operation.
 */
public final class Spinlock implements Program {
    /** Cache lines (32 bytes apart: one line on either machine) the critical section writes. */
    static final int DATA_LINES = 4;
    /** Work between acquisitions, outside the lock. */
    static final long OUTSIDE_CYCLES = 60;
    private static final long LOCK = 0;
    private static final long GO = 64;
    private static final long DATA = 256;
    private static final int LINE = 32;

    @Override
    public String name() {
        return "spinlock";
    }

    @Override
    public String summary() {
        return "spinlock [-t] NPROC [ITER]: processes share a test-and-set spin lock (-t: test-and-test-and-set); the"
                + " bus cycles the spinning costs the others are counted";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Getopt g = new Getopt(sys, argv, "t");
        boolean ttas = false;
        for (int c; (c = g.getopt()) != -1; ) {
            if (c != 't') return usage(sys);
            ttas = true;
        }
        String[] ops = g.operands();
        if (ops.length < 1 || ops.length > 2) return usage(sys);
        long nproc = Strtol.number(ops[0], 1, 16);
        long iter = ops.length > 1 ? Strtol.number(ops[1], 1, 10_000_000) : 1000;
        if (nproc == Strtol.BAD_NUMBER || iter == Strtol.BAD_NUMBER) return usage(sys);
        long page = sys.mmap(0, 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
        if (page == Mman.MAP_FAILED) {
            Strerror.perror(sys, "spinlock: mmap");
            return 1;
        }
        // Spin counts come back through the page: a word per process after the data.
        long spins = page + DATA + (long) DATA_LINES * LINE;
        int started = 0;
        for (; started < nproc; started++) {
            long mine = spins + 8L * started;
            boolean test = ttas;
            int pid = sys.fork(s -> take(s, page, mine, iter, test));
            if (pid < 0) {
                Strerror.perror(sys, "spinlock: fork");
                break;
            }
        }
        long start = sys.cpu().cycles();
        sys.cpu().store32(page + GO, 1);
        boolean ok = Reap.all(sys, "spinlock", started) && started == nproc;
        long elapsed = sys.cpu().cycles() - start;
        long spun = 0;
        for (int i = 0; i < started; i++) spun += sys.cpu().load64(spins + 8L * i);
        for (int l = 0; l < DATA_LINES; l++) {
            int v = sys.cpu().load32(page + DATA + (long) l * LINE);
            if (v != nproc * iter) {
                Stdio.fputs(sys, STDERR_FILENO, "spinlock: counter " + l + " is " + v + ", not " + nproc * iter
                        + ": mutual exclusion failed\n");
                ok = false;
            }
        }
        Stdio.printf(sys, "spinlock: %d processes x %d acquisitions, %s: %d cycles, %d failed attempts%n", nproc, iter,
                ttas ? "test-and-test-and-set (-t)" : "test-and-set", elapsed, spun);
        sys.munmap(page, 4096);
        return ok ? 0 : 1;
    }

    /** One process: waits for the start, then takes the lock {@code iter} times. */
    private static int take(Sys s, long page, long spins, long iter, boolean ttas) {
        UserCpu cpu = s.cpu();
        while (cpu.load32(page + GO) == 0) s.sched_yield();
        long failed = 0;
        for (long i = 0; i < iter; i++) {
            if (ttas) {
                while (true) {
                    while (cpu.load32(page + LOCK) != 0) failed++;
                    if (cpu.test_and_set(page + LOCK, 1) == 0) break;
                    failed++;
                }
            } else {
                while (cpu.test_and_set(page + LOCK, 1) != 0) failed++;
            }
            for (int l = 0; l < DATA_LINES; l++) {
                long at = page + DATA + (long) l * LINE;
                cpu.store32(at, cpu.load32(at) + 1);
            }
            cpu.lock_release(page + LOCK);
            cpu.burn(OUTSIDE_CYCLES);
        }
        cpu.store64(spins, failed);
        return 0;
    }

    private static int usage(Sys sys) {
        Stdio.fputs(sys, STDERR_FILENO, "usage: spinlock [-t] NPROC [ITER]\n");
        return 2;
    }
}
