package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.Errno;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * cachework NPROC [KB [ROUNDS]]: processor affinity with private caches (the SMP HOWTO's scheduler issues). NPROC
 * processes each keep a working set of KB kilobytes (96) of their own, about a third of a second-level cache, and
 * ROUNDS (20) times read all of it and sleep a moment, as a process waiting for I/O would. Where a process wakes
 * decides what the next pass costs: on the CPU it last ran on its lines are still in that CPU's cache; on another
 * (an idle CPU takes it under {@code sched = rr}) they come from memory or the other cache. With more processes
 * than CPUs, {@code sched = affinity} keeps them where their lines are: compare the two on a machine whose
 * second-level caches are private (x86mps with {@code hw.l2.shared = false}; the r2000's are) and on one whose L2
 * is shared. The parent naps and does a little work in turn until they are done, as a daemon would.
 */
public final class Cachework implements Program {
    /** Bytes between the loads of a pass: the smaller line of the two machines, so every line is read. */
    static final int STRIDE = 16;
    /** The nap between passes: 100 microseconds. */
    static final long NAP_NANOS = 100_000;
    /** The parent's burst of work between its naps while it waits. */
    static final long HOUSEKEEPING_CYCLES = 500;

    @Override
    public String name() {
        return "cachework";
    }

    @Override
    public String summary() {
        return "cachework NPROC [KB [ROUNDS]]: processes reread a cache-sized working set of their own between naps;"
                + " compare sched=rr and sched=affinity with private and shared L2 caches";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length < 2 || argv.length > 4) return usage(sys);
        long nproc = Strtol.number(argv[1], 1, 64);
        long kb = argv.length > 2 ? Strtol.number(argv[2], 1, 4096) : 96;
        long rounds = argv.length > 3 ? Strtol.number(argv[3], 1, 100_000) : 20;
        if (nproc == Strtol.BAD_NUMBER || kb == Strtol.BAD_NUMBER || rounds == Strtol.BAD_NUMBER) return usage(sys);
        long start = sys.cpu().cycles();
        int started = 0;
        for (; started < nproc; started++) {
            int pid = sys.fork(s -> work(s, kb * 1024, rounds));
            if (pid < 0) {
                Strerror.perror(sys, "cachework: fork");
                break;
            }
        }
        boolean ok = keepHouse(sys, started) && started == nproc;
        long elapsed = sys.cpu().cycles() - start;
        Stdio.printf(sys, "cachework: %d processes x %d KB x %d rounds: %d cycles%n", nproc, kb, rounds, elapsed);
        return ok ? 0 : 1;
    }

    /**
     * The parent, while it waits for its children: a daemon's short bursts of work every nap, as a system's own
     * processes and interrupts take a CPU for a moment. When one takes the CPU a worker last ran on, the worker wakes to
     * find it busy: {@code rr} moves it to an idle CPU, away from its lines; {@code affinity} lets it wait a moment.
     */
    private static boolean keepHouse(Sys sys, int children) {
        int[] status = new int[1];
        boolean ok = true;
        for (int reaped = 0; reaped < children; ) {
            int pid = sys.waitpid(-1, status, Wait.WNOHANG);
            if (pid > 0) {
                ok &= Reap.succeeded(sys, "cachework", pid, status[0]);
                reaped++;
            } else if (pid == 0 || sys.errno() == Errno.EINTR) {
                sys.nanosleep(NAP_NANOS / 2);
                sys.cpu().burn(HOUSEKEEPING_CYCLES);
            } else {
                Strerror.perror(sys, "cachework: waitpid");
                return false;
            }
        }
        return ok;
    }

    /** One process: its working set filled once, then read through and a nap, {@code rounds} times. */
    private static int work(Sys s, long bytes, long rounds) {
        long base = s.sbrk(bytes);
        if (base == -1) {
            Strerror.perror(s, "cachework: sbrk");
            return 1;
        }
        for (long off = 0; off < bytes; off += STRIDE) s.cpu().store32(base + off, (int) off);
        long sum = 0;
        for (long r = 0; r < rounds; r++) {
            for (long off = 0; off < bytes; off += STRIDE) sum += s.cpu().load32(base + off);
            s.nanosleep(NAP_NANOS);
        }
        long want = 0;
        for (long off = 0; off < bytes; off += STRIDE) want += (int) off;
        return sum == want * rounds ? 0 : 1;
    }

    private static int usage(Sys sys) {
        Stdio.fputs(sys, STDERR_FILENO, "usage: cachework NPROC [KB [ROUNDS]]\n");
        return 2;
    }
}
