package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.kernel.proc.ProcTable;

/**
 * When the host's heap cannot hold another process, making one fails as a real kernel fails when it "cannot allocate
 * a proc structure": fork(2) and sproc(2) with EAGAIN ("the system-imposed limit on the total number of processes
 * ... would be exceeded"), long before the JVM runs out, and the run goes on. The budget is kernel.heap_budget at
 * the kernel's own estimate per process, so the refusal comes at the same fork in every run.
 */
class HeapBudgetTest {
    /** A budget of 1 MiB holds this many processes; init and the test program are two of them. */
    private static final int HELD = (int) ((1L << 20) / ProcTable.HOST_BYTES_PER_PROC);

    /** Makes paused children until refused; prints how many and the errno, kills and reaps them. */
    private static int forkForever(Sys sys, boolean sproc) {
        int[] pids = new int[HELD];
        int made = 0;
        while (made < pids.length) {
            int pid = sproc
                    ? sys.sproc((c, arg, len) -> {
                        c.pause();
                        return 0;
                    }, Prctl.PR_NOLIBC, 0)
                    : sys.fork(c -> {
                        c.pause();
                        return 0;
                    });
            if (pid < 0) break;
            pids[made++] = pid;
        }
        int errno = sys.errno();
        Sim.puts(sys, "made " + made + " errno " + errno);
        for (int i = 0; i < made; i++) sys.kill(pids[i], Signals.SIGKILL);
        for (int i = 0; i < made; i++) sys.wait(new int[1]);
        return errno;
    }

    @ParameterizedTest
    @CsvSource({"r2000, fork, 2", "x86mps, fork, 0", "r2000, sproc, 2", "x86mps, sproc, 0"})
    void making_processes_forever_in_a_small_heap_budget_gets_EAGAIN_and_the_kernel_goes_on(String hw, String how,
            int tables) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "hw.memory=256M", "kernel.maxusers=10000", "kernel.maxpid=999999",
                "kernel.heap_budget=1M").program("t", (sys, argv) -> {
                    int maker = sys.fork(c -> {
                        int errno = forkForever(c, how.equals("sproc"));
                        return errno == Errno.EAGAIN ? 0 : 1;
                    });
                    int[] st = new int[1];
                    if (maker < 0 || sys.waitpid(maker, st, 0) != maker || st[0] != 0) return 102;
                    // The budget is free again: a fork succeeds.
                    int again = sys.fork(c -> 7);
                    if (again < 0 || sys.waitpid(again, st, 0) != again) return 101;
                    return 0;
                }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        // init, the test program and the maker hold three of the slots the budget gives; on the R2000 their page
        // tables, on the heap, two more (the x86's are frames of simulated RAM).
        assertThat(o.console()).isEqualTo("made " + (HELD - 3 - tables) + " errno " + Errno.EAGAIN + "\n");
        assertThat(o.stats().get("proc_table_overflows")).isEqualTo(1L);
    }

    /** Each child touches one page in each of this many 4 MiB stretches: an R2000 page-table leaf apiece. */
    private static final int LEAVES_PER_CHILD = 16;
    private static final long BUDGET = 4L << 20;

    /**
     * The page tables count too: children that each touch memory spread over many page-table pages (on the R2000 a
     * 4 KB leaf per 4 MB touched, held on the host's heap) fill the budget long before their proc structures do. Then
     * either the next fork gets EAGAIN or the child whose leaf does not fit dies of SIGKILL, as a fault with no memory
     * behind it does. Without the tables counted the same loop would make budget / 3,072 B = 1,362 children and 90 MB
     * of page tables in a 4 MB budget: the OutOfMemoryError the budget is there to prevent, given a small heap.
     */
    @ParameterizedTest
    @CsvSource({"fork", "sproc"})
    void children_whose_page_tables_fill_the_heap_budget_are_refused_before_the_host_heap_runs_out(String how) {
        var o = Sim.with("hw=r2000", "hw.cpus=1", "hw.memory=256M", "kernel.maxusers=10000", "kernel.maxpid=999999",
                "kernel.heap_budget=4M").program("t", (sys, argv) -> {
                    int[] pids = new int[4096];
                    int made = 0;
                    int[] st = new int[1];
                    String end = "none";
                    while (made < pids.length) {
                        int pid = how.equals("sproc")
                                ? sys.sproc((c, arg, len) -> spread(c, LEAVES_PER_CHILD), Prctl.PR_NOLIBC, 0)
                                : sys.fork(c -> spread(c, LEAVES_PER_CHILD));
                        if (pid < 0) {
                            end = "errno " + sys.errno();
                            break;
                        }
                        // The child has made its page tables (and stopped) before the next fork is asked for.
                        if (sys.waitpid(pid, st, Wait.WUNTRACED) != pid) return 104;
                        if (!Wait.WIFSTOPPED(st[0])) {
                            end = Wait.WIFSIGNALED(st[0]) ? "signal " + Wait.WTERMSIG(st[0]) : "status " + st[0];
                            break;
                        }
                        pids[made++] = pid;
                    }
                    Sim.puts(sys, made + " " + end);
                    for (int i = 0; i < made; i++) sys.kill(pids[i], Signals.SIGKILL);
                    for (int i = 0; i < made; i++) sys.wait(st);
                    // The budget is free again: a fork succeeds.
                    int again = sys.fork(c -> 7);
                    if (again < 0 || sys.waitpid(again, st, 0) != again) return 101;
                    return 0;
                }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        String[] out = o.console().trim().split(" ", 2);
        int made = Integer.parseInt(out[0]);
        assertThat(out[1]).isIn("errno " + Errno.EAGAIN, "signal " + Signals.SIGKILL);
        long perChild = ProcTable.HOST_BYTES_PER_PROC + LEAVES_PER_CHILD * (16 + 4L * 1025);
        // Refused once the children's tables and proc structures filled the budget, and not much sooner.
        assertThat((long) made * perChild).isLessThanOrEqualTo(BUDGET);
        assertThat((long) (made + 3) * (perChild + 2 * 4116 + 2064)).isGreaterThan(BUDGET);
    }

    /**
     * One process that spreads its mappings after its fork is held to the budget as well: each R2000 leaf it needs is
     * asked of the budget, and the first that does not fit fails its fault as a fault with no frame left does, with
     * SIGKILL (there is no swap to wait for). Its tables go with it and the run goes on.
     */
    @ParameterizedTest
    @CsvSource({"fork", "sproc"})
    void a_process_whose_page_tables_outgrow_the_heap_budget_dies_of_SIGKILL_and_the_kernel_goes_on(String how) {
        var o = Sim.with("hw=r2000", "hw.cpus=1", "hw.memory=512M", "kernel.heap_budget=256K").program("t",
                (sys, argv) -> {
                    // 96 leaves of 4,116 B: 386 KB of page tables, in a 256 KB budget.
                    int pid = how.equals("sproc")
                            ? sys.sproc((c, arg, len) -> spread(c, 96), Prctl.PR_NOLIBC, 0)
                            : sys.fork(c -> spread(c, 96));
                    int[] st = new int[1];
                    if (pid < 0 || sys.waitpid(pid, st, Wait.WUNTRACED) != pid) return 101;
                    if (!Wait.WIFSIGNALED(st[0]) || Wait.WTERMSIG(st[0]) != Signals.SIGKILL) return 102;
                    // Its tables are gone with it: a child that spreads over a few leaves runs to its stop.
                    int again = sys.fork(c -> spread(c, 4));
                    if (again < 0 || sys.waitpid(again, st, Wait.WUNTRACED) != again) return 103;
                    if (!Wait.WIFSTOPPED(st[0])) return 104;
                    sys.kill(again, Signals.SIGKILL);
                    sys.waitpid(again, st, 0);
                    return 0;
                }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.stats().counters().get("out_of_memory")).isEqualTo(1L);
    }

    /** Touches one page in each of {@code leaves} 4 MiB stretches of a fresh mapping, then stops itself. */
    private static int spread(Sys c, int leaves) {
        long stretch = 4L << 20;
        long m = c.mmap(0, leaves * stretch, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS,
                -1, 0);
        if (m == Mman.MAP_FAILED) return 1;
        for (int i = 0; i < leaves; i++) c.cpu().store32(m + i * stretch, i);
        c.kill(c.getpid(), Signals.SIGSTOP);
        return 0;
    }
}
