package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;

/** The Solaris sizing of the process table (Mauro, "Inside Solaris: Peeling back the process layers"): max_nprocs = 10 + 16 * maxusers, maxuprc = max_nprocs - 5. */
class ProcessTableTest {

    private static int forkUntilRefused(sprocket.api.sys.Sys sys) {
        int n = 0;
        while (true) {
            int c = sys.fork(s -> {
                s.pause();
                return 0;
            });
            if (c < 0) return sys.errno() == Errno.EAGAIN ? n : -1;
            n++;
        }
    }

    @Test
    void fork_fails_with_EAGAIN_when_the_table_holds_max_nprocs() {
        var o = Sim.with("kernel.maxusers = 1").program("t", (sys, argv) -> {
            int made = forkUntilRefused(sys);
            Sim.puts(sys, "made " + made);
            sys.kill(0, Signals.SIGKILL);
            return 0;
        }).run("t");
        // 26 slots: init, this program, and 24 children.
        assertThat(o.console()).isEqualTo("made 24\n");
        assertThat(o.stats().get("proc_table_overflows")).isEqualTo(1L);
    }

    @Test
    void a_non_root_user_is_held_to_maxuprc_and_root_is_not() {
        var o = Sim.with("kernel.maxusers = 2").program("t", (sys, argv) -> {
            int c = sys.fork(s -> {
                s.setuid(100);
                int made = forkUntilRefused(s);
                Sim.puts(s, "user made " + made);
                return 0;
            });
            sys.waitpid(c, new int[1], 0);
            sys.kill(-1, Signals.SIGKILL);
            return 0;
        }).run("t");
        // max_nprocs = 42, maxuprc = 37: the user's own process counts, so it forks 36.
        assertThat(o.console()).isEqualTo("user made 36\n");
    }
}
