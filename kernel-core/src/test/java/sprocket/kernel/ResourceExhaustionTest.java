package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;

/**
 * What an ordinary user can exhaust ends in the manual's errno and the kernel goes on, its invariants intact (the
 * kernel checks them at the end of every run and panics otherwise). fork(2): "EAGAIN ... Amount of system memory
 * required is temporarily unavailable"; sproc(2) likewise, or ENOMEM.
 */
class ResourceExhaustionTest {

    /** Makes children with {@code make} until refused; returns the errno, having killed and reaped them all. */
    private static int untilRefused(Sys sys, java.util.function.IntSupplier make) {
        List<Integer> children = new ArrayList<>();
        int errno;
        while (true) {
            int pid = make.getAsInt();
            if (pid < 0) {
                errno = sys.errno();
                break;
            }
            children.add(pid);
            if (children.size() > 5_000) return -1; // the memory never ran out: the test's premise is wrong
        }
        for (int pid : children) sys.kill(pid, Signals.SIGKILL);
        for (int i = 0; i < children.size(); i++) sys.wait(new int[1]);
        return errno;
    }

    @ParameterizedTest
    @CsvSource({"r2000, fork", "x86mps, fork", "r2000, sproc", "x86mps, sproc", "r2000, sproc-saddr",
        "x86mps, sproc-saddr"})
    void an_ordinary_user_making_processes_until_refused_gets_EAGAIN_or_ENOMEM_and_the_kernel_goes_on(String hw,
            String how) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "hw.memory=4M", "kernel.maxusers=16")
                .program("t", (sys, argv) -> {
                    if (sys.setuid(100) != 0) return 100;
                    int errno = untilRefused(sys, () -> switch (how) {
                        case "fork" -> sys.fork(c -> {
                            c.pause();
                            return 0;
                        });
                        case "sproc" -> sys.sproc((c, arg, len) -> {
                            c.pause();
                            return 0;
                        }, Prctl.PR_NOLIBC, 0);
                        default -> sys.sproc((c, arg, len) -> {
                            c.pause();
                            return 0;
                        }, Prctl.PR_SADDR | Prctl.PR_NOLIBC, 0);
                    });
                    // After the others are gone there is room again: the kernel is still in business.
                    int again = sys.fork(c -> 7);
                    int[] st = new int[1];
                    if (again < 0 || sys.waitpid(again, st, 0) != again) return 101;
                    return errno;
                }).run("t");
        assertThat(o.status()).as(o.console()).isIn(Errno.EAGAIN, Errno.ENOMEM);
    }

    /**
     * configs/linux-x86mps.conf's memory and process table (64M, maxusers 32: 522 slots, 517 for one user). On x86 MPS
     * the page-table pool (512 frames, a directory and its tables for each process) runs out first, which once
     * panicked the kernel on the exit path of the process that could not get its page table: now the call fails with
     * ENOMEM ("not enough memory", fork(2) and sproc(2)); on the R2000, with no such pool, the user's share of the
     * process table does, with EAGAIN. Either way the kernel goes on and its end-of-run checks pass.
     */
    @ParameterizedTest
    @CsvSource({"r2000, fork, 11", "x86mps, fork, 12", "r2000, sproc, 11", "x86mps, sproc, 12"})
    void making_processes_until_refused_on_the_linux_x86mps_configuration_ends_in_EAGAIN_or_ENOMEM(String hw,
            String how, int errno) {
        var o = Sim.with("hw=" + hw, "hw.cpus=2", "hw.memory=64M", "kernel.maxusers=32")
                .program("t", (sys, argv) -> {
                    if (sys.setuid(100) != 0) return 100;
                    int[] made = new int[1];
                    int refused = untilRefused(sys, () -> {
                        int pid = how.equals("fork") ? sys.fork(c -> {
                            c.pause();
                            return 0;
                        }) : sys.sproc((c, arg, len) -> {
                            c.pause();
                            return 0;
                        }, Prctl.PR_NOLIBC, 0);
                        if (pid > 0) made[0]++;
                        return pid;
                    });
                    Sim.puts(sys, Integer.toString(made[0]));
                    int again = sys.fork(c -> 7);
                    int[] st = new int[1];
                    if (again < 0 || sys.waitpid(again, st, 0) != again) return 101;
                    return refused;
                }).run("t");
        assertThat(o.status()).as(o.console()).isEqualTo(errno);
    }
}
