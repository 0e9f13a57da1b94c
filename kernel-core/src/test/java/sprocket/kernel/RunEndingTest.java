package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Signals;

/**
 * How a run ends when its program does not: a deadlock (every process asleep, nothing pending) is reported with who
 * waits for what, then ended by killing every process, the end-of-run checks still made; an interruption (^C) stops
 * the engine where it is, with the figures and the trace so far, marked as interrupted.
 */
class RunEndingTest {

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void when_every_process_is_asleep_and_nothing_is_pending_the_run_ends_with_a_report_of_each_wait_channel(
            String hw, @TempDir Path tmp) throws Exception {
        Path trace = tmp.resolve("trace.json");
        var o = Sim.with("hw=" + hw).trace(trace).program("t", (sys, argv) -> {
            int[] p = new int[2];
            sys.pipe(p);
            // A reader of a pipe whose write end its parent keeps open, a process that stopped itself, and the parent
            // waiting for them: nobody will ever write, continue or exit.
            int reader = sys.fork(s -> s.read(p[0], new byte[1], 0, 1));
            int stopped = sys.fork(s -> s.kill(s.getpid(), Signals.SIGSTOP));
            Sim.awaitState(sys, reader, 'S');
            Sim.awaitState(sys, stopped, 'T');
            return sys.waitpid(reader, new int[1], 0);
        }).run("t");
        assertThat(o.deadlock()).isNotNull();
        assertThat(o.deadlock().processes()).containsExactly(
                new DeadlockReport.Process(1, "init", "sleeping", "wait"),
                new DeadlockReport.Process(2, "t", "sleeping", "wait"),
                new DeadlockReport.Process(3, "t", "sleeping", "pipe#1.data"),
                new DeadlockReport.Process(4, "t", "stopped", "-"));
        assertThat(o.deadlock().text()).startsWith("deadlock: every process is asleep and nothing is pending (at cycle ")
                .contains("\n    PID  STATE     WCHAN        COMMAND\n")
                .contains("\n      3  sleeping  pipe#1.data  t\n");
        // The kernel ended the run by killing them: the program died of SIGKILL, and the checks passed.
        assertThat(o.status()).isEqualTo(128 + Signals.SIGKILL);
        assertThat(o.stats().toJson()).contains("\"deadlock\": {").contains("\"wchan\": \"pipe#1.data\"");
        assertThat(o.stats().summary()).contains("deadlock");
        assertThat(Files.readString(trace)).contains("\"name\":\"deadlock: every process is asleep\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void an_interrupted_run_stops_where_it_is_with_its_figures_and_trace_marked_as_interrupted(String hw,
            @TempDir Path tmp) throws Exception {
        Path trace = tmp.resolve("trace.json");
        var o = Sim.with("hw=" + hw).trace(trace).interruptAfter(2_000_000).program("t", (sys, argv) -> {
            sys.fork(s -> {
                while (true) s.sched_yield();
            });
            while (true) sys.cpu().burn(10_000);
        }).run("t");
        assertThat(o.interrupted()).isTrue();
        assertThat(o.deadlock()).isNull();
        assertThat(o.status()).isEqualTo(128 + Signals.SIGINT);
        assertThat(o.stats().simulatedCycles()).isGreaterThan(2_000_000);
        assertThat(o.stats().get("interrupted")).isEqualTo(true);
        assertThat(o.stats().summary()).contains("interrupted");
        assertThat(Files.readString(trace)).contains("\"name\":\"interrupted: the run was stopped before it ended\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_run_that_ends_is_neither_interrupted_nor_deadlocked(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> 3).run("t");
        assertThat(o.status()).isEqualTo(3);
        assertThat(o.interrupted()).isFalse();
        assertThat(o.deadlock()).isNull();
        assertThat(o.stats().get("interrupted")).isEqualTo(false);
        assertThat(o.stats().get("deadlock")).isNull();
    }
}
