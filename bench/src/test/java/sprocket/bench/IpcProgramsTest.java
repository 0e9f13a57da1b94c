package sprocket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;

/** Runs the files-and-IPC benchmark programs small on a real kernel and checks the work their figures divide by. */
class IpcProgramsTest {
    private static Harness harness;
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

    @BeforeAll
    static void boot() {
        harness = new Harness(Catalog.discover(List.of()), Path.of("../configs/irix-r2000.conf"), 1, 0, 1.0,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(CONSOLE, true));
    }

    private static long stat(Harness.Timed t, String key) {
        return (Long) t.result().stats().get(key);
    }

    @Test
    void pingpong_makes_four_calls_and_two_switches_per_round_trip() throws ConfigException {
        // read(2) on an empty pipe "shall block the calling thread until some data is written": on one CPU each
        // one-byte read waits for the other process, so a round trip is a write and a read on each side.
        Harness.Timed empty = harness.run(List.of(), "bench-pingpong", "0");
        Harness.Timed full = harness.run(List.of(), "bench-pingpong", "1000");
        assertThat(stat(full, "syscalls") - stat(empty, "syscalls")).isEqualTo(4000);
        assertThat(stat(full, "context_switches") - stat(empty, "context_switches")).isBetween(2000L, 2010L);
        assertThat(full.result().stats().simulatedCycles()).isGreaterThan(empty.result().stats().simulatedCycles());
    }

    @Test
    void pipeflow_moves_every_byte_with_program_buffers() throws ConfigException {
        // Exit status 0 means the reader counted MIB MiB to end-of-file and every read began with the pattern.
        Harness.Timed t = harness.run(List.of(), "bench-pipeflow", "2", "64", "0");
        Harness.Timed none = harness.run(List.of(), "bench-pipeflow", "0", "64", "0");
        // A pipe holds 10,240 bytes (IRIX PIPE_MAX): 2 MiB need at least 2 MiB / 10,240 hand-overs each way.
        assertThat(stat(t, "context_switches") - stat(none, "context_switches")).isGreaterThan(2 * (2L << 20) / 10_240 - 10);
    }

    @Test
    void pipeflow_moves_every_byte_through_simulated_memory() throws ConfigException {
        Harness.Timed t = harness.run(List.of(), "bench-pipeflow", "1", "64", "1");
        Harness.Timed none = harness.run(List.of(), "bench-pipeflow", "0", "64", "1");
        // Two copies a byte (in, out) of 2 cycles a word at least.
        assertThat(t.result().stats().simulatedCycles() - none.result().stats().simulatedCycles())
                .isGreaterThan(2 * ((1L << 20) / 4) * 2);
    }

    @Test
    void pipeflow_with_an_odd_write_size_still_checks_out() throws ConfigException {
        assertThat(harness.run(List.of(), "bench-pipeflow", "1", "7", "0").result().exitStatus()).isZero();
    }

    @Test
    void shm_cycle_makes_four_calls_per_cycle_and_leaves_no_segment() throws ConfigException {
        // shmctl(2) IPC_RMID: "remove the shared memory identifier"; if each cycle did not, shmget would run out
        // of identifiers (SHMMNI) long before 2,000 cycles.
        Harness.Timed empty = harness.run(List.of(), "bench-shm", "0", "4");
        Harness.Timed full = harness.run(List.of(), "bench-shm", "2000", "4");
        assertThat(stat(full, "syscalls") - stat(empty, "syscalls")).isEqualTo(8000);
    }

    @Test
    void bad_usage_exits_with_status_2() {
        assertThatThrownBy(() -> harness.run(List.of(), "bench-pingpong", "x")).hasMessageContaining("exited 2");
        assertThatThrownBy(() -> harness.run(List.of(), "bench-pipeflow", "1", "0", "0"))
                .hasMessageContaining("exited 2");
        assertThatThrownBy(() -> harness.run(List.of(), "bench-pipeflow", "1", "64", "2"))
                .hasMessageContaining("exited 2");
        assertThatThrownBy(() -> harness.run(List.of(), "bench-shm", "5")).hasMessageContaining("exited 2");
        // Each complaint reaches the simulated console (kept off the test's own output).
        assertThat(CONSOLE.toString()).contains("usage: bench-pingpong N", "bench-pipeflow: KIB must be",
                "usage: bench-shm N KIB");
    }
}
