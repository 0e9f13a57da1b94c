package sprocket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;

/** Runs each benchmark program small on a real kernel and checks it did the work its figure divides by. */
class ProgramsTest {
    private static Harness harness;

    @BeforeAll
    static void boot() {
        Catalog c = Catalog.discover(List.of());
        harness = new Harness(c, Path.of("../configs/irix-r2000.conf"), 1, 0, 1.0,
                new PrintStream(new ByteArrayOutputStream()));
    }

    private static long stat(Harness.Timed t, String key) {
        return (Long) t.result().stats().get(key);
    }

    @Test
    void getpid_program_makes_n_system_calls_more_than_the_empty_run() throws ConfigException {
        long empty = stat(harness.run(List.of(), "bench-getpid", "0"), "syscalls");
        long full = stat(harness.run(List.of(), "bench-getpid", "5000"), "syscalls");
        assertThat(full - empty).isEqualTo(5000);
    }

    @Test
    void yield_pair_switches_at_least_once_per_yield() throws ConfigException {
        // sched_yield(2): "the calling process relinquishes the CPU" - with one other runnable process on one CPU.
        long switches = stat(harness.run(List.of(), "bench-yield", "1000"), "context_switches");
        assertThat(switches).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void fork_wait_forks_exactly_n_children() throws ConfigException {
        long none = stat(harness.run(List.of(), "bench-fork", "0"), "forks");
        long some = stat(harness.run(List.of(), "bench-fork", "300"), "forks");
        assertThat(some - none).isEqualTo(300);
    }

    @Test
    void paused_children_all_exist_at_once_then_are_killed_and_reaped() throws ConfigException {
        harness.run(List.of("kernel.maxusers=100"), "bench-procs", "1000");
        assertThat(HeapProbe.children).isEqualTo(1000);
        assertThat(HeapProbe.usedWithChildren).isPositive();
    }

    @Test
    void bad_usage_exits_with_status_2() throws ConfigException {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness.run(List.of(), "bench-fork", "-3"))
                .hasMessageContaining("exited 2");
    }
}
