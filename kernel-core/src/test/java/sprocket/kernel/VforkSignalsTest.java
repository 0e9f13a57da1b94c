package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Signals;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * A parent waiting in vfork(2) for its child is asleep in the kernel, but signal(5)'s "SIGKILL ... cannot be caught or
 * ignored" and "SIGSTOP ... cannot be caught or ignored" mean they reach it there too: a killed parent dies at once and
 * the child goes on in the address space it borrowed (its own from then on, freed when it exits); a stopped one
 * stops, and once continued goes on waiting.
 */
class VforkSignalsTest {

    /**
     * The middle process: sbrk's a page, then vforks a child that writes its pid to {@code report}, waits for SIGUSR1,
     * then stores into and loads from the page (so the space must still be there) and writes "alive" before exiting.
     */
    private static int vforkAndWait(Sys m, int report) {
        long page = m.sbrk(4096);
        int child = m.vfork(c -> {
            c.signal(Signals.SIGUSR1, (s, sig) -> { });
            byte[] pid = Integer.toString(c.getpid()).getBytes(StandardCharsets.UTF_8);
            c.write(report, pid, 0, pid.length);
            c.pause();
            c.cpu().store32(page, 1234);
            byte[] alive = (c.cpu().load32(page) == 1234 ? "alive" : "wrong").getBytes(StandardCharsets.UTF_8);
            c.write(report, alive, 0, alive.length);
            return 0;
        });
        return child > 0 ? 5 : 6;
    }

    /** A middle process asleep in vfork, its child paused in the borrowed space, and the pipe the child reports on. */
    private record Family(int middle, int child, int report) {
        static Family start(Sys sys) {
            int[] p = new int[2];
            sys.pipe(p);
            int middle = sys.fork(m -> vforkAndWait(m, p[1]));
            int child = Integer.parseInt(readSome(sys, p[0]));
            Sim.awaitState(sys, middle, 'S');
            return new Family(middle, child, p[0]);
        }
    }

    private static String readSome(Sys sys, int fd) {
        byte[] b = new byte[16];
        int n = sys.read(fd, b, 0, b.length);
        return n <= 0 ? "" : new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_parent_waiting_in_vfork_dies_of_SIGKILL_and_its_child_goes_on_in_the_borrowed_space(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            Family f = Family.start(sys);
            sys.kill(f.middle, Signals.SIGKILL);
            int[] st = new int[1];
            boolean killed = sys.waitpid(f.middle, st, 0) == f.middle && Wait.WIFSIGNALED(st[0])
                    && Wait.WTERMSIG(st[0]) == Signals.SIGKILL;
            sys.kill(f.child, Signals.SIGUSR1);
            String after = readSome(sys, f.report);
            Sim.puts(sys, "parent killed " + killed + ", child " + after);
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("parent killed true, child alive\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_parent_waiting_in_vfork_is_stopped_by_SIGSTOP_and_once_continued_waits_on_for_its_child(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            Family f = Family.start(sys);
            sys.kill(f.middle, Signals.SIGSTOP);
            int[] st = new int[1];
            boolean stopped = sys.waitpid(f.middle, st, Wait.WUNTRACED) == f.middle && Wait.WIFSTOPPED(st[0]);
            sys.kill(f.middle, Signals.SIGCONT);
            Sim.awaitState(sys, f.middle, 'S'); // back in its wait: the child still has the space
            sys.kill(f.child, Signals.SIGUSR1);
            String after = readSome(sys, f.report);
            sys.waitpid(f.middle, st, 0);
            Sim.puts(sys, "stopped " + stopped + ", child " + after + ", parent exited " + Wait.WEXITSTATUS(st[0]));
            return 0;
        }).run("t");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("stopped true, child alive, parent exited 5\n");
    }
}
