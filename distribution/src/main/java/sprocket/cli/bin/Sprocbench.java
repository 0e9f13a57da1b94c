package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Sproc;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * sprocbench [N [PAGES]]: Barton and Wagner's analysis, "the time for a sproc() system call is slightly less than a regular
 * fork()". With PAGES (64) pages of data touched, it times N (100) rounds of fork + exit + wait and of
 * sproc(PR_SADDR) + exit + wait in simulated cycles, and prints per round the call alone (its system time, what the
 * paper compares)
 * and the whole round (a member's exit removes its stack from the group's space, which costs shootdowns), with
 * their ratios. The first fork after the pages were written write-protects every one of them (copy-on-write), so
 * {@code sprocbench 1 16384} times fork of a process with 64 MiB resident against sproc(PR_SADDR), which shares the
 * address space and protects nothing: Mauro's "Inside Solaris" comparison of fork and thread creation
 * (docs/machines.md, "Costs that grow with the work").
 */
public final class Sprocbench implements Program {
    static final long SETTLE_CYCLES = 5_000;

    @Override
    public String name() {
        return "sprocbench";
    }

    @Override
    public String summary() {
        return "sprocbench [N [PAGES]]: simulated cycles of sproc against fork, Barton and Wagner's comparison";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long rounds = argv.length > 1 ? Strtol.number(argv[1], 1, 100_000) : 100;
        long pages = argv.length > 2 ? Strtol.number(argv[2], 0, 65_536) : 64;
        if (rounds == Strtol.BAD_NUMBER || pages == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: sprocbench [rounds [pages]]\n");
            return 2;
        }
        long page = sys.sysconf(sprocket.api.sys.Sysconf._SC_PAGESIZE);
        long data = sys.sbrk(pages * page);
        for (long i = 0; i < pages; i++) sys.cpu().store32(data + i * page, 1);
        int[] st = new int[1];
        long forkCall = 0;
        long t0 = sys.cpu().cycles();
        for (long i = 0; i < rounds; i++) {
            long c0 = kernelTime(sys);
            int pid = sys.fork(s -> 0);
            forkCall += kernelTime(sys) - c0;
            if (pid == -1 || sys.waitpid(pid, st, 0) != pid) return fail(sys, "fork");
            settle(sys);
        }
        long forkRound = (sys.cpu().cycles() - t0) / rounds - SETTLE_CYCLES;
        long sprocCall = 0;
        t0 = sys.cpu().cycles();
        for (long i = 0; i < rounds; i++) {
            long c0 = kernelTime(sys);
            int pid = Sproc.sproc(sys, (s, arg, len) -> 0, Prctl.PR_SADDR | Prctl.PR_NOLIBC, 0);
            sprocCall += kernelTime(sys) - c0;
            if (pid == -1 || sys.waitpid(pid, st, 0) != pid) return fail(sys, "sproc");
            settle(sys);
        }
        long sprocRound = (sys.cpu().cycles() - t0) / rounds - SETTLE_CYCLES;
        Stdio.fputs(sys, STDOUT_FILENO, String.format(java.util.Locale.ROOT,
                "sprocbench: %d rounds, %d pages resident%n"
                        + "  the call:          fork %6d ns,     sproc %6d ns     (sproc/fork %.3f, fork/sproc %.1fx)%n"
                        + "  call, exit, wait:  fork %6d cycles, sproc %6d cycles (sproc/fork %.3f)%n",
                rounds, pages, forkCall / rounds, sprocCall / rounds, (double) sprocCall / forkCall,
                (double) forkCall / sprocCall, forkRound, sprocRound, (double) sprocRound / forkRound));
        return 0;
    }

    /**
     * Lets every CPU's clock pass the child's exit before the next round: the child may have run ahead on another CPU,
     * and a sproc would otherwise count the wait for that exit's hold of the group's update lock.
     */
    private static void settle(Sys sys) {
        sys.cpu().burn(SETTLE_CYCLES);
    }

    /**
     * The caller's system time so far (getrusage(2) ru_stime), in nanoseconds: the call's own kernel time, whichever
     * process runs while the caller waits for its CPU back.
     */
    private static long kernelTime(Sys sys) {
        return sys.getrusage(sprocket.api.sys.Rusage.RUSAGE_SELF).stime();
    }

    private static int fail(Sys sys, String what) {
        Strerror.perror(sys, "sprocbench: " + what);
        return 1;
    }
}
