package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.kernel.SprocTest.waitFor;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;

/**
 * Seeded random share groups: members made with random masks do random descriptor, directory, umask, memory, fork,
 * exec, block and signal work on several CPUs, then leave in random ways. Every run must end with the kernel's
 * checks passing (no process, frame, region, open file, pipe, socket or shared address block left), and the same
 * seed must give the same run.
 */
class ShareGroupStressTest {

    @ParameterizedTest
    @CsvSource({"1, r2000, 2", "2, r2000, 4", "3, x86mps, 2", "4, x86mps, 3", "5, r2000, 1", "6, r2000, 3",
        "7, x86mps, 4", "8, r2000, 2", "9, x86mps, 1", "10, r2000, 8", "11, x86mps, 2", "12, r2000, 4",
        "13, r2000, 2", "14, x86mps, 4", "15, r2000, 3", "16, x86mps, 2"})
    void random_share_groups_leave_nothing_behind_and_repeat_exactly(long seed, String hw, int cpus) {
        Sim.Outcome first = run(seed, hw, cpus);
        Sim.Outcome second = run(seed, hw, cpus);
        assertThat(first.status()).as(first.console()).isZero();
        assertThat(second.console()).isEqualTo(first.console());
        assertThat(second.stats().get("trace_digest")).isEqualTo(first.stats().get("trace_digest"));
        assertThat(first.stats().counters().get("share_groups")).isPositive();
    }

    private static Sim.Outcome run(long seed, String hw, int cpus) {
        return Sim.with("hw=" + hw, "hw.cpus=" + cpus).program("quick", (sys, argv) -> 3)
                .program("t", (sys, argv) -> {
                    sys.mkdir("/tmp/s", 0755);
                    long cell = sys.sbrk(4096);
                    SplittableRandom r = new SplittableRandom(seed);
                    int[] kids = new int[6];
                    for (int i = 0; i < kids.length; i++) {
                        int mask = r.nextInt(0x80) & Prctl.PR_SALL;
                        long childSeed = r.nextLong();
                        kids[i] = sys.sproc((s, arg, len) -> member(s, new SplittableRandom(childSeed), arg, true),
                                mask | (r.nextBoolean() ? Prctl.PR_NOLIBC : 0), cell);
                    }
                    // The parent works too, then lets any member blocked on itself go and reaps everyone.
                    member(sys, r.split(), cell, false);
                    int reaped = 0;
                    for (int k : kids) {
                        if (k <= 0) continue;
                        sys.setblockproccnt(k, 0);
                        sys.kill(k, Signals.SIGKILL);
                        if (waitFor(sys, k) != -1) reaped++;
                    }
                    Sim.puts(sys, "reaped " + reaped);
                    return 0;
                }).run("t");
    }

    /** A member's random work: 80 steps, each one call with its result folded into nothing but the kernel's state. */
    private static int member(Sys s, SplittableRandom r, long cell, boolean mayLeave) {
        for (int step = 0; step < 80; step++) {
            switch (r.nextInt(14)) {
                case 0 -> s.open("/tmp/s/f" + r.nextInt(4), Fcntl.O_RDWR | Fcntl.O_CREAT, 0644);
                case 1 -> s.close(3 + r.nextInt(6));
                case 2 -> s.dup(r.nextInt(6));
                case 3 -> s.chdir(r.nextBoolean() ? "/tmp/s" : "/");
                case 4 -> s.umask(r.nextInt(0100));
                case 5 -> {
                    long m = s.mmap(0, 4096L * (1 + r.nextInt(4)), Mman.PROT_READ | Mman.PROT_WRITE,
                            Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
                    if (m != Mman.MAP_FAILED) {
                        s.cpu().store32(m, step);
                        if (r.nextBoolean()) s.munmap(m, 4096);
                    }
                }
                case 6 -> s.sbrk(r.nextBoolean() ? 4096 : 0);
                case 7 -> s.cpu().store32(cell + 4L * r.nextInt(1024), step);
                case 8 -> {
                    int f = s.fork(c -> r.nextBoolean() ? 0 : c.execv("/bin/quick", new String[] {"quick"}));
                    if (f > 0) waitFor(s, f);
                }
                case 9 -> {
                    int[] fds = new int[2];
                    if (s.pipe(fds) == 0) {
                        s.write(fds[1], new byte[8], 0, 8);
                        s.close(fds[1]);
                    }
                }
                case 10 -> s.cpu().burn(r.nextInt(5_000));
                case 11 -> s.sched_yield();
                case 12 -> s.prctl(Prctl.PR_GETNSHARE);
                default -> {
                    if (!mayLeave) break;
                    if (r.nextInt(8) == 0) return s.execv("/bin/quick", new String[] {"quick"});
                    if (r.nextInt(8) == 0) return 0;
                }
            }
        }
        return 0;
    }
}
