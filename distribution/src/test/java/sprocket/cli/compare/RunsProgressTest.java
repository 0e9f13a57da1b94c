package sprocket.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import sprocket.kernel.Catalog;

/** The progress line's text while a comparison runs: runs done, and each running one with its simulated time. */
class RunsProgressTest {

    @Test
    void the_progress_line_counts_the_runs_done_and_names_the_running_ones() {
        Grid grid = Grid.of(List.of(Path.of("..", "configs", "linux-x86mps.conf")), List.of("hw.cpus=1,2"), 1, c -> 3);
        Simulation simulation = new Simulation(Catalog.discover(List.of()), List.of(), false, "hello", List.of());
        Runs runs = new Runs(grid.variants());
        assertThat(runs.progress()).isEqualTo("compare: 0 of 2 runs done");
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Outcome> outcomes = runs.run(1, v -> simulation.run(v, k -> {
            runs.booted(v, k);
            seen.add(runs.progress());
        }));
        assertThat(outcomes).allMatch(Outcome::ok);
        assertThat(seen).containsExactly(
                "compare: 0 of 2 runs done; running: linux-x86mps hw.cpus=1 seed 3 at 0.0000 s",
                "compare: 1 of 2 runs done; running: linux-x86mps hw.cpus=2 seed 3 at 0.0000 s");
        assertThat(runs.progress()).isEqualTo("compare: 2 of 2 runs done");
    }
}
