package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Signals;

class BurnTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int burn(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "burn";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Burn().main(machine.process(), argv);
    }

    @Test
    void burn_forks_nproc_children_that_each_burn_the_cycles_and_reports_the_cycles_elapsed() {
        machine.forkCost = 100;
        assertThat(burn("3", "1000")).isZero();
        // One fake CPU: the elapsed time is every child's burn plus every fork.
        assertThat(machine.out()).isEqualTo("burn: 3 processes x 1000 cycles: 3300 cycles elapsed\n");
        assertThat(machine.forks).isEqualTo(3);
    }

    @Test
    void a_fork_that_fails_is_reported_the_started_children_are_reaped_and_burn_exits_1() {
        machine.maxProcesses = 3;
        assertThat(burn("5", "10")).isEqualTo(1);
        assertThat(machine.forks).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("burn: fork: Resource temporarily unavailable\n");
        assertThat(machine.out()).isEmpty();
    }

    @Test
    void a_child_killed_by_a_signal_is_reported_and_burn_exits_1() {
        machine.killChildWith = Signals.SIGTERM;
        assertThat(burn("1", "10")).isEqualTo(1);
        assertThat(machine.err()).startsWith("burn: pid 3 killed by SIGTERM");
    }

    @Test
    void bad_operands_are_a_usage_error_with_status_2() {
        assertThat(burn("0", "10")).isEqualTo(2);
        assertThat(burn("2", "-5")).isEqualTo(2);
        assertThat(burn("2")).isEqualTo(2);
        assertThat(burn("x", "1")).isEqualTo(2);
        assertThat(machine.forks).isZero();
        assertThat(machine.err()).contains("usage: burn nproc cycles");
    }
}
