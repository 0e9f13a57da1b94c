package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Wait;

/** kill(2), signal(2), pause(2), alarm(2) and the default actions of the seed's signal table. */
class SignalsTest {

    @Test
    void a_caught_signal_runs_the_handler_and_pause_returns_EINTR() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.signal(Signals.SIGALRM, (s, sig) -> Sim.puts(s, "caught " + Signals.name(sig)));
            sys.alarm(1);
            int r = sys.pause();
            // pause(2): "pause returns -1 with errno set to EINTR" once a handler has run.
            return r == -1 && sys.errno() == Errno.EINTR ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
        assertThat(o.console()).isEqualTo("caught SIGALRM\n");
    }

    @Test
    void SIGKILL_and_SIGSTOP_cannot_be_caught_or_ignored() {
        var o = Sim.with().program("t", (sys, argv) -> {
            // signal(2): "EINVAL: sig is SIGKILL or SIGSTOP" when catching or ignoring is attempted.
            boolean k = sys.signal(Signals.SIGKILL, SignalHandler.IGNORE) == null && sys.errno() == Errno.EINVAL;
            boolean s = sys.signal(Signals.SIGSTOP, (x, y) -> { }) == null && sys.errno() == Errno.EINVAL;
            return k && s ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void an_ignored_signal_is_discarded_and_the_default_terminates() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.signal(Signals.SIGUSR1, SignalHandler.IGNORE);
            sys.kill(sys.getpid(), Signals.SIGUSR1);
            Sim.puts(sys, "survived SIGUSR1");
            sys.signal(Signals.SIGUSR1, SignalHandler.DEFAULT);
            sys.kill(sys.getpid(), Signals.SIGUSR1);
            Sim.puts(sys, "not reached");
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("survived SIGUSR1\n");
        assertThat(o.status()).isEqualTo(128 + Signals.SIGUSR1);
    }

    @Test
    void a_non_root_user_may_not_signal_another_users_process() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int parent = sys.getpid();
            int c = sys.fork(s -> {
                s.setuid(100);
                // kill(2): "EPERM: the sending process is not the super-user and its real or effective user ID
                // does not match the real or saved user ID of the receiving process."
                return s.kill(parent, Signals.SIGTERM) == -1 && s.errno() == Errno.EPERM ? 0 : 1;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return Wait.WEXITSTATUS(st[0]);
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void kill_with_a_negative_pid_signals_the_whole_process_group() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.setpgid(0, 0);
            int g = sys.fork(s -> {
                s.setpgid(0, 0);
                s.fork(x -> {
                    x.pause();
                    return 0;
                });
                s.fork(x -> {
                    x.pause();
                    return 0;
                });
                s.pause();
                return 0;
            });
            sys.sleep(1);
            if (sys.kill(-g, Signals.SIGTERM) != 0) return 9;
            int killed = 0;
            int[] st = new int[1];
            while (sys.wait(st) > 0) {
                if (Wait.WIFSIGNALED(st[0])) killed++;
            }
            Sim.puts(sys, "killed " + killed);
            return 0;
        }).run("t");
        // The two grandchildren are orphaned to init when their parent dies; init reaps them.
        assertThat(o.console()).isEqualTo("killed 1\n");
        assertThat(o.stats().counters().get("exits")).isEqualTo(5);
    }

    @Test
    void a_stopped_child_is_reported_by_WUNTRACED_and_runs_on_after_SIGCONT() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int c = sys.fork(s -> {
                s.cpu().burn(2_000_000);
                return 5;
            });
            sys.kill(c, Signals.SIGSTOP);
            int[] st = new int[1];
            if (sys.waitpid(c, st, Wait.WUNTRACED) != c || !Wait.WIFSTOPPED(st[0])) return 1;
            sys.kill(c, Signals.SIGCONT);
            sys.waitpid(c, st, 0);
            return Wait.WEXITSTATUS(st[0]) == 5 ? 0 : 2;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    /**
     * signal(5) (SVR4): "SIGCONT ... continue if stopped" is its whole default action; a process that was not
     * stopped and has no handler sees nothing, so its blocked read(2) goes on and returns the data, not EINTR.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void SIGCONT_with_the_default_action_does_not_interrupt_a_blocked_read_of_a_process_that_was_not_stopped(
            String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            int[] fds = new int[2];
            sys.pipe(fds);
            int c = sys.fork(s -> {
                byte[] b = new byte[8];
                int n = s.read(fds[0], b, 0, b.length);
                return n == 1 ? 0 : n == -1 && s.errno() == Errno.EINTR ? 1 : 2;
            });
            Sim.awaitState(sys, c, 'S');
            sys.kill(c, Signals.SIGCONT);
            // The child must still be asleep in read: nothing was delivered to it.
            sys.sched_yield();
            char after = Sim.state(sys, c);
            sys.write(fds[1], new byte[] {'x'}, 0, 1);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return after == 'S' ? Wait.WEXITSTATUS(st[0]) : 3;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void sleep_is_cut_short_by_a_caught_signal_and_returns_the_seconds_left() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.signal(Signals.SIGALRM, (s, sig) -> { });
            sys.alarm(2);
            int left = sys.sleep(10);
            return left == 8 ? 0 : 100 + left;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void init_cannot_be_killed_by_a_signal_it_does_not_catch() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int r = sys.kill(1, Signals.SIGKILL);
            Sim.puts(sys, "kill returned " + r + ", init's pid still answers: " + (sys.kill(1, 0) == 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("kill returned 0, init's pid still answers: true\n");
        assertThat(o.status()).isZero();
    }

    /**
     * A signal wakes a sleep whose process gets a CPU only after its timer ran; cancelling that timer must not count
     * it twice. Counted twice, after a few dozen such sleeps an armed alarm no longer kept the run alive and live
     * processes were killed as deadlocked, or a real deadlock was never seen and the run never ended.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void sleeps_interrupted_after_their_timers_ran_leave_alarms_and_deadlock_detection_intact(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "sched.slice=1000").program("t", (sys, argv) -> {
            long start = sys.cpu().cycles();
            sys.nanosleep(10_000_000L);
            long tenMs = sys.cpu().cycles() - start;
            int child = sys.fork(c -> {
                c.signal(Signals.SIGUSR1, (s, sig) -> { });
                // Each sleep is woken by the signal, but its time has passed by then: nanosleep(2) returns 0.
                int slept = 0;
                for (int i = 0; i < 40; i++) {
                    if (c.nanosleep(10_000_000L) == 0) slept++;
                }
                c.signal(Signals.SIGALRM, (s, sig) -> { });
                c.alarm(1);
                c.pause();
                return slept;
            });
            for (int i = 0; i < 40; i++) {
                Sim.awaitState(sys, child, 'S');
                sys.kill(child, Signals.SIGUSR1);
                sys.cpu().burn(3 * tenMs); // the child's timer runs before the child does
            }
            int[] st = new int[1];
            sys.waitpid(child, st, 0);
            Sim.puts(sys, "child woke at its alarm and exited " + Wait.WEXITSTATUS(st[0]));
            return sys.pause(); // nothing can wake it: a deadlock the kernel must see
        }).run("t");
        assertThat(o.console()).isEqualTo("child woke at its alarm and exited 40\n");
        assertThat(o.deadlock()).isNotNull();
        assertThat(o.deadlock().processes()).extracting(DeadlockReport.Process::wchan).containsExactly("wait", "pause");
    }

    @Test
    void a_forked_child_starts_with_its_parents_signal_actions_and_each_then_changes_its_own() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.signal(Signals.SIGUSR1, (s, sig) -> Sim.puts(s, "parent's handler in " + s.getpid()));
            // "fork creates a complete copy of the parent process" (course notes, "Unix Process API"): the
            // child's actions are the parent's, and a change on either side is that process's own.
            int c = sys.fork(s -> {
                s.kill(s.getpid(), Signals.SIGUSR1);
                s.signal(Signals.SIGUSR2, SignalHandler.IGNORE);
                s.kill(s.getpid(), Signals.SIGUSR2);
                s.signal(Signals.SIGUSR1, SignalHandler.DEFAULT);
                s.kill(s.getpid(), Signals.SIGUSR1);
                return 0;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            boolean childKilled = Wait.WIFSIGNALED(st[0]) && Wait.WTERMSIG(st[0]) == Signals.SIGUSR1;
            sys.kill(sys.getpid(), Signals.SIGUSR1);
            Sim.puts(sys, "child killed by SIGUSR1: " + childKilled
                    + ", SIGUSR2 here: " + (sys.signal(Signals.SIGUSR2, SignalHandler.DEFAULT) == SignalHandler.DEFAULT));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("parent's handler in 3\nparent's handler in 2\n"
                + "child killed by SIGUSR1: true, SIGUSR2 here: true\n");
        assertThat(o.status()).isZero();
    }
}
