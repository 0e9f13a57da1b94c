package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.Signals;

class KillTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int kill(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "kill";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Kill().main(machine.process(), argv);
    }

    @Test
    void kill_sends_sigterm_when_no_signal_is_named() {
        // kill(1): "The default signal is SIGTERM (terminate)".
        assertThat(kill("7", "8")).isZero();
        assertThat(machine.kills).containsExactly("7:" + Signals.SIGTERM, "8:" + Signals.SIGTERM);
    }

    @Test
    void kill_takes_the_signal_by_number_or_by_name_with_or_without_sig() {
        assertThat(kill("-9", "3")).isZero();
        assertThat(kill("-KILL", "3")).isZero();
        assertThat(kill("-SIGUSR1", "3")).isZero();
        assertThat(kill("-s", "hup", "3")).isZero();
        assertThat(machine.kills).containsExactly("3:9", "3:9", "3:" + Signals.SIGUSR1, "3:" + Signals.SIGHUP);
    }

    @Test
    void a_negative_pid_after_double_dash_signals_a_process_group() {
        // kill(2): "If pid is negative but not (pid_t)-1, sig is sent to all processes whose process group ID is |pid|".
        assertThat(kill("--", "-5")).isZero();
        assertThat(kill("-INT", "-5")).isZero();
        assertThat(machine.kills).containsExactly("-5:" + Signals.SIGTERM, "-5:" + Signals.SIGINT);
    }

    @Test
    void signal_0_checks_only_that_the_process_exists() {
        machine.killErrors.put(99, Errno.ESRCH);
        assertThat(kill("-0", "99")).isEqualTo(1);
        assertThat(machine.kills).containsExactly("99:0");
    }

    @Test
    void each_failure_is_reported_with_strerror_and_the_others_are_still_signalled() {
        machine.killErrors.put(99, Errno.ESRCH);
        machine.killErrors.put(1, Errno.EPERM);
        assertThat(kill("99", "4", "1")).isEqualTo(1);
        assertThat(machine.kills).containsExactly("99:15", "4:15", "1:15");
        assertThat(machine.err()).isEqualTo("kill: 99: No such process\nkill: 1: Not owner\n");
    }

    @Test
    void a_pid_that_is_not_a_number_fails_that_operand_only() {
        assertThat(kill("12x", "4")).isEqualTo(1);
        assertThat(machine.kills).containsExactly("4:15");
        assertThat(machine.err()).contains("kill: 12x: not a process id");
    }

    @Test
    void an_unknown_signal_or_no_pid_is_a_usage_error_with_status_2() {
        assertThat(kill("-NOSUCH", "3")).isEqualTo(2);
        assertThat(kill("-s")).isEqualTo(2);
        assertThat(kill("-9")).isEqualTo(2);
        assertThat(kill()).isEqualTo(2);
        assertThat(machine.kills).isEmpty();
        assertThat(machine.err()).contains("NOSUCH: unknown signal").contains("usage: kill");
    }

    @Test
    void kill_l_lists_the_signal_names() {
        assertThat(kill("-l")).isZero();
        assertThat(machine.out()).startsWith("HUP INT QUIT ILL TRAP ABRT EMT FPE\nKILL BUS").contains("CHLD").endsWith("XFSZ\n");
    }
}
