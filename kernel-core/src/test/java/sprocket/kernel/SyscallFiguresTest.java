package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sprocket.api.Signals;

/** The per-call figures of the statistics: each call's count, failures and the kernel cycles it took. */
class SyscallFiguresTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Long> row(Sim.Outcome o, String call) {
        return ((Map<String, Map<String, Long>>) o.stats().get("syscalls_by_name")).get(call);
    }

    /** kill(2) of itself, caught by a handler that makes {@code handlerCalls} stat(2) calls. */
    private static Sim.Outcome killCaughtBy(int handlerCalls) {
        Sim.Outcome o = Sim.with("hw.cpus=1").program("t", (sys, argv) -> {
            sys.signal(Signals.SIGUSR1, (s, sig) -> {
                for (int i = 0; i < handlerCalls; i++) s.stat("/");
            });
            return sys.kill(sys.getpid(), Signals.SIGUSR1);
        }).run("t");
        assertThat(o.status()).isZero();
        return o;
    }

    @Test
    void a_signal_handler_run_on_the_way_out_of_a_call_is_not_counted_in_that_call() {
        Sim.Outcome quiet = killCaughtBy(0);
        Sim.Outcome busy = killCaughtBy(50);
        assertThat(row(busy, "stat").get("calls")).isEqualTo(50);
        assertThat(row(busy, "stat").get("cycles")).isPositive();
        // The handler runs as the kill returns to user mode; its calls are its own.
        assertThat(row(busy, "kill")).isEqualTo(row(quiet, "kill"));
    }

    @Test
    void a_failed_call_is_counted_with_its_error() {
        Sim.Outcome o = Sim.with().program("t", (sys, argv) -> {
            sys.close(99);
            sys.close(98);
            return 0;
        }).run("t");
        assertThat(row(o, "close")).containsEntry("calls", 2L).containsEntry("errors", 2L);
        assertThat(row(o, "close").get("cycles")).isPositive();
    }
}
