package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SleepTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int sleep(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "sleep";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Sleep().main(machine.process(), argv);
    }

    @Test
    void sleep_suspends_for_the_given_seconds_and_exits_0() {
        assertThat(sleep("3")).isZero();
        assertThat(machine.sleeps).containsExactly(3);
    }

    @Test
    void sleep_0_returns_at_once() {
        assertThat(sleep("0")).isZero();
        assertThat(machine.sleeps).isEmpty();
    }

    @Test
    void sleep_carries_on_after_a_caught_signal_cuts_a_sleep_short() {
        // sleep(3C): returns "the unslept amount" when a signal handler ran; sleep(1) sleeps the rest.
        machine.unslept.add(2);
        assertThat(sleep("5")).isZero();
        assertThat(machine.sleeps).containsExactly(5, 2);
    }

    @Test
    void a_missing_or_extra_operand_is_a_usage_error_with_status_2() {
        assertThat(sleep()).isEqualTo(2);
        assertThat(sleep("1", "2")).isEqualTo(2);
        assertThat(machine.err()).contains("usage: sleep seconds");
        assertThat(machine.sleeps).isEmpty();
    }

    @Test
    void a_time_that_is_not_a_whole_non_negative_number_is_a_usage_error() {
        assertThat(sleep("abc")).isEqualTo(2);
        assertThat(sleep("-1")).isEqualTo(2);
        assertThat(sleep("1.5")).isEqualTo(2);
        assertThat(machine.err()).contains("sleep: abc: bad time");
        assertThat(machine.sleeps).isEmpty();
    }
}
