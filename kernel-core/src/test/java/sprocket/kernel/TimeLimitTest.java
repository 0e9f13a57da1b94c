package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Signals;

/**
 * kernel.time_limit: a run still going after that many simulated seconds is ended as a shutdown ends it, every process
 * killed and reaped, and the statistics say so.
 */
class TimeLimitTest {

    @Test
    void a_run_past_the_limit_is_ended_by_killing_every_process_and_says_so() {
        var o = Sim.with("kernel.time_limit=2").program("t", (sys, argv) -> {
            sys.fork(c -> {
                while (true) c.pause();
            });
            while (true) sys.sleep(1);
        }).run("t");
        assertThat(o.status()).isEqualTo(128 + Signals.SIGKILL);
        assertThat(o.stats().get("time_limit_reached")).isEqualTo(true);
        assertThat(o.stats().simulatedCycles()).isBetween(2L * 16_000_000L, 3L * 17_000_000L);
    }

    @Test
    void a_run_within_the_limit_ends_as_usual() {
        var o = Sim.with("kernel.time_limit=5").program("t", (sys, argv) -> sys.sleep(3)).run("t");
        assertThat(o.status()).isZero();
        assertThat(o.stats().get("time_limit_reached")).isNull();
    }

    /**
     * Processes stopped long before the limit are woken by the SIGKILL that ends the run; the scheduler watchdog must
     * not count the time before as their wait (it did: the kernel's clock outside a process was the last callout's,
     * so rr was ejected with no scheduler to fall back to, a panic; found by sprocket fuzz).
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void processes_stopped_long_before_the_limit_are_killed_at_it_without_the_scheduler_being_blamed(String hw) {
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "kernel.time_limit=30", "kernel.sched_watchdog=1000")
                .program("t", (sys, argv) -> {
                    for (int i = 0; i < 8; i++) {
                        sys.fork(c -> {
                            c.kill(c.getpid(), Signals.SIGSTOP);
                            return 0;
                        });
                    }
                    while (true) sys.sleep(100);
                }).run("t");
        assertThat(o.status()).isEqualTo(128 + Signals.SIGKILL);
        assertThat(o.stats().get("time_limit_reached")).isEqualTo(true);
        assertThat(o.stats().get("scheduler_ejected")).isNull();
        assertThat(o.stats().get("scheduler")).isEqualTo("rr");
    }
}
