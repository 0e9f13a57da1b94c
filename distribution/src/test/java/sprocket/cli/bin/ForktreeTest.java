package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Signals;

class ForktreeTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int forktree(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "forktree";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Forktree().main(machine.process(), argv);
    }

    @Test
    void every_process_prints_one_line_indented_by_its_depth_and_the_root_counts_them() {
        assertThat(forktree("2")).isZero();
        // fork runs each child to completion at once here, so the lines come depth-first.
        assertThat(machine.out()).isEqualTo("""
                forktree: depth 0 pid 2 ppid 1
                  forktree: depth 1 pid 3 ppid 2
                    forktree: depth 2 pid 4 ppid 3
                    forktree: depth 2 pid 5 ppid 3
                  forktree: depth 1 pid 6 ppid 2
                    forktree: depth 2 pid 7 ppid 6
                    forktree: depth 2 pid 8 ppid 6
                forktree: 6 processes created, all reaped
                """);
        assertThat(machine.forks).isEqualTo(6);
    }

    @Test
    void depth_0_is_the_root_alone() {
        assertThat(forktree("0")).isZero();
        assertThat(machine.out()).isEqualTo("forktree: depth 0 pid 2 ppid 1\nforktree: 0 processes created, all reaped\n");
    }

    @Test
    void the_count_survives_the_eight_bit_exit_status_at_the_deepest_tree_allowed() {
        assertThat(forktree(Integer.toString(Forktree.MAX_DEPTH))).isZero();
        assertThat(machine.out()).endsWith("forktree: 510 processes created, all reaped\n");
        assertThat(machine.forks).isEqualTo(510);
    }

    @Test
    void a_failed_fork_is_reported_with_strerror_and_the_tree_exits_1() {
        // Past the process limit fork(2) fails with EAGAIN: "The system-imposed limit on the total number of processes ... would be exceeded".
        machine.maxProcesses = 4;
        assertThat(forktree("2")).isEqualTo(1);
        assertThat(machine.err()).contains("forktree: fork: Resource temporarily unavailable")
                .contains("forktree: the tree is incomplete");
        assertThat(machine.out()).doesNotContain("processes created");
    }

    @Test
    void a_child_killed_by_a_signal_fails_the_tree() {
        machine.killChildWith = Signals.SIGKILL;
        assertThat(forktree("1")).isEqualTo(1);
        assertThat(machine.err()).contains("forktree: pid 3 killed by SIGKILL");
    }

    @Test
    void a_depth_outside_0_to_8_or_not_a_number_is_a_usage_error() {
        assertThat(forktree("9")).isEqualTo(2);
        assertThat(forktree("-1")).isEqualTo(2);
        assertThat(forktree("two")).isEqualTo(2);
        assertThat(forktree()).isEqualTo(2);
        assertThat(machine.forks).isZero();
        assertThat(machine.err()).contains("usage: forktree depth");
    }
}
