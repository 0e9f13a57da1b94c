package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
}
