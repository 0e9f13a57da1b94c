package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;
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
    @CsvSource({"r2000, fork", "x86mps, fork", "r2000, sproc", "x86mps, sproc"})
    void making_processes_forever_in_a_small_heap_budget_gets_EAGAIN_and_the_kernel_goes_on(String hw, String how) {
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
        // init, the test program and the maker hold three of the slots the budget gives.
        assertThat(o.console()).isEqualTo("made " + (HELD - 3) + " errno " + Errno.EAGAIN + "\n");
        assertThat(o.stats().get("proc_table_overflows")).isEqualTo(1L);
    }
}
