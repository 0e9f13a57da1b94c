package sprocket.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sprocket.cli.compare.Misdescribed;
import sprocket.kernel.Catalog;
import sprocket.kernel.Slot;

/** A sweep run on the host: one row per run, failures included; resumable; the same rows however it is spread. */
class LocalSweepTest {
    private static final Path CONFIGS = Path.of("..", "configs").toAbsolutePath().normalize();
    private static final String SWEEP = "config = irix-r2000.conf\nprogram = hello\nprogram = false\n"
            + "vary.hw.cpus = 1, 2\nseeds = 1..2\n";

    private static Sweep sweep(String text, Catalog catalog) throws SweepFileException {
        return Sweep.plan(SweepFile.parse("s.sweep", text, CONFIGS), catalog);
    }

    private static Table run(Sweep sweep, Path folder, int jobs) throws IOException {
        new LocalRunner(sweep, Results.open(folder, sweep, System::nanoTime), System::nanoTime).run(jobs);
        return Results.read(folder);
    }

    @Test
    void every_run_is_a_row_with_its_parameters_outcome_and_statistics(@TempDir Path tmp) throws Exception {
        Table t = run(sweep(SWEEP, Catalog.discover(List.of())), tmp.resolve("r"), 2);
        assertThat(t.rows()).hasSize(8);
        Map<String, Object> first = t.row(0);
        assertThat(first).containsEntry("run", 0L).containsEntry("config", "irix-r2000")
                .containsEntry("program", "hello").containsEntry("hw.cpus", 1L).containsEntry("seed", 1L)
                .containsEntry("outcome", "ok").containsEntry("exit_status", 0L).containsEntry("error", null)
                .containsEntry("machine", "r2000");
        assertThat((Long) first.get("simulated_cycles")).isPositive();
        assertThat(first).containsKeys("cpu_busy_cycles_0", "counters_clock_ticks", "syscalls_by_name_write_calls",
                "stats_json");
        Map<String, Object> failed = t.row(4);
        assertThat(failed).containsEntry("program", "false").containsEntry("outcome", "exit 1")
                .containsEntry("exit_status", 1L).containsEntry("error", "false exited with status 1");
        assertThat(Results.files(tmp.resolve("r"))).extracting(p -> p.getFileName().toString())
                .containsExactly("results.parquet");
    }

    @Test
    void a_panicking_run_is_a_row_with_its_error_and_the_sweep_goes_on(@TempDir Path tmp) throws Exception {
        Catalog catalog = Catalog.discover(List.of()).withProvider(Slot.HW, Misdescribed.machine());
        Table t = run(sweep("config = irix-r2000.conf\nprogram = hello\nvary.hw = misdescribed, r2000\n", catalog),
                tmp.resolve("r"), 2);
        assertThat(t.row(0)).containsEntry("outcome", "kernel panic").containsEntry("simulated_cycles", null);
        assertThat((String) t.row(0).get("error")).startsWith("kernel panic: the firmware describes");
        assertThat(t.row(1)).containsEntry("outcome", "ok");
    }

    @Test
    void the_same_sweep_gives_the_same_file_on_one_thread_or_two(@TempDir Path tmp) throws Exception {
        Sweep s = sweep(SWEEP, Catalog.discover(List.of()));
        run(s, tmp.resolve("one"), 1);
        run(s, tmp.resolve("two"), 2);
        assertThat(Files.readAllBytes(tmp.resolve("two/results.parquet")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("one/results.parquet")));
    }

    @Test
    void a_sweep_stopped_half_way_runs_only_what_is_missing_and_ends_with_the_same_rows(@TempDir Path tmp)
            throws Exception {
        Sweep s = sweep(SWEEP, Catalog.discover(List.of()));
        Table whole = run(s, tmp.resolve("whole"), 2);
        Path half = tmp.resolve("half");
        Results partial = Results.open(half, s, System::nanoTime);
        for (int i : new int[] {0, 3, 5}) partial.add(s.row(s.runs().get(i)));
        partial.flush(); // as a sweep killed after three runs leaves its folder
        LocalRunner resumed = new LocalRunner(s, Results.open(half, s, System::nanoTime), System::nanoTime);
        resumed.run(2);
        assertThat(resumed.ran()).isEqualTo(5);
        assertThat(Files.readAllBytes(half.resolve("results.parquet")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("whole/results.parquet")));
        assertThat(Results.read(half).rows()).hasSize(whole.rows().size());
    }

    @Test
    void a_results_folder_of_another_sweep_is_refused(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("r");
        run(sweep(SWEEP, Catalog.discover(List.of())), folder, 2);
        Sweep other = sweep(SWEEP.replace("1..2", "1..3"), Catalog.discover(List.of()));
        assertThatThrownBy(() -> Results.open(folder, other, System::nanoTime)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds the results of another sweep (s.sweep");
        Files.createDirectories(tmp.resolve("stray"));
        Files.writeString(tmp.resolve("stray/notes.txt"), "mine");
        assertThatThrownBy(() -> Results.open(tmp.resolve("stray"), other, System::nanoTime))
                .hasMessageContaining("not a sweep's results");
    }

    @Test
    void the_progress_line_says_runs_done_failures_and_the_time_left(@TempDir Path tmp) throws Exception {
        Sweep s = sweep(SWEEP, Catalog.discover(List.of()));
        long[] now = {0};
        Results results = Results.open(tmp.resolve("r"), s, () -> now[0]);
        results.add(s.row(s.runs().get(0)));
        LocalRunner runner = new LocalRunner(s, results, () -> now[0] += 1_000_000_000L);
        assertThat(runner.progress()).isEqualTo("sweep: 1 of 8 runs done");
        runner.run(1); // each reading of the clock: one more second
        assertThat(runner.progress()).isEqualTo("sweep: 8 of 8 runs done, 4 failed");
        assertThat(runner.ran()).isEqualTo(7);
        // Half way through 200 runs, 100 of them this time, 25 done in 50 s: 75 more at 2 s each.
        assertThat(LocalRunner.line(200, 100, 25, 3, 50_000_000_000L))
                .isEqualTo("sweep: 125 of 200 runs done, 3 failed, about 2m30s left");
        assertThat(LocalRunner.line(200, 100, 99, 0, 99_000_000_000L))
                .isEqualTo("sweep: 199 of 200 runs done, about 1s left");
    }
}
