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
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

    @BeforeAll
    static void boot() {
        Catalog c = Catalog.discover(List.of());
        harness = new Harness(c, Path.of("../configs/irix-r2000.conf"), 1, 0, 1.0,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(CONSOLE, true));
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
    void touch_program_hits_the_tlb_after_its_first_access() throws ConfigException {
        // R2000 manual, TLB: a mapping found in the TLB needs no refill; only the first touch misses and faults.
        Harness.Timed empty = harness.run(List.of(), "bench-touch", "0");
        Harness.Timed full = harness.run(List.of(), "bench-touch", "20000");
        assertThat(counter(full, "tlb_misses")).isEqualTo(counter(empty, "tlb_misses"));
        assertThat(counter(full, "page_faults")).isEqualTo(counter(empty, "page_faults"));
        // With the caches off, one cycle per access that hits the TLB (the R2000 cost model's memoryAccess); 20,000
        // cycles are less than one tick at 100 Hz, so at most one clock interrupt more falls in the longer run.
        Harness.Timed emptyFlat = harness.run(List.of("hw.caches=false"), "bench-touch", "0");
        Harness.Timed fullFlat = harness.run(List.of("hw.caches=false"), "bench-touch", "20000");
        assertThat(fullFlat.result().stats().simulatedCycles() - emptyFlat.result().stats().simulatedCycles())
                .isBetween(20_000L, 21_000L);
    }

    @Test
    void cowfork_program_forks_m_times_with_every_page_resident_and_copies_none() throws ConfigException {
        // fork(2) shares the pages copy-on-write; a child that exits at once never writes, so nothing is copied.
        Harness.Timed t = harness.run(List.of("hw.memory=64M"), "bench-cowfork", "4", "20");
        assertThat(stat(t, "forks")).isEqualTo(21); // init's fork of the program, then 20
        assertThat(counter(t, "zero_fills")).isGreaterThanOrEqualTo(4 * 256); // 4 MiB of 4 KiB pages
        assertThat(counter(t, "cow_copies")).isZero();
    }

    @Test
    void spin_program_keeps_p_processes_switching_and_does_all_the_work() throws ConfigException {
        List<String> sets = SchedFigures.overrides("rr", 2);
        Harness.Timed idle = harness.run(sets, "bench-spin", "50", "0");
        Harness.Timed busy = harness.run(sets, "bench-spin", "50", "5000000");
        // 5,000,000 cycles on 2 CPUs are at least 2,500,000 cycles of simulated time.
        assertThat(busy.result().stats().simulatedCycles() - idle.result().stats().simulatedCycles())
                .isGreaterThanOrEqualTo(2_500_000);
        // A slice is one tick of 1,667 cycles: about one switch per tick per CPU while 50 share 2 CPUs.
        assertThat(stat(busy, "context_switches") - stat(idle, "context_switches")).isGreaterThan(2_500);
        assertThat(stat(busy, "forks") - stat(idle, "forks")).isZero();
    }

    @Test
    void spin_program_runs_under_the_fair_policy_too() throws ConfigException {
        Harness.Timed t = harness.run(SchedFigures.overrides("fair", 2), "bench-spin", "20", "1000000");
        assertThat(stat(t, "context_switches")).isGreaterThan(300);
    }

    private static long counter(Harness.Timed t, String key) {
        Long v = t.result().stats().counters().get(key);
        return v == null ? 0 : v;
    }

    @Test
    void bad_usage_exits_with_status_2() throws ConfigException {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness.run(List.of(), "bench-fork", "-3"))
                .hasMessageContaining("exited 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness.run(List.of(), "bench-cowfork", "1"))
                .hasMessageContaining("exited 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness.run(List.of(), "bench-spin", "0", "10"))
                .hasMessageContaining("exited 2");
        // Each complaint reaches the simulated console (kept off the test's own output).
        assertThat(CONSOLE.toString()).contains("usage: bench-fork N", "usage: bench-cowfork MIB M",
                "bench-spin: P must be");
    }
}
