package sprocket.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sprocket.kernel.Catalog;
import sprocket.kernel.Slot;

/** A kernel that panics in one run of a comparison: that cell says so, the exit status is 70, the others complete. */
class PanicInOneRunTest {

    @Test
    void a_panic_in_one_run_is_reported_in_its_cell_and_the_exit_status_and_the_other_runs_complete() {
        Catalog catalog = Catalog.discover(List.of()).withProvider(Slot.HW, Misdescribed.machine());
        Grid grid = Grid.of(List.of(Path.of("..", "configs", "irix-r2000.conf")),
                List.of("hw=r2000,misdescribed", "hw.cpus=1,2"), 1, c -> 1);
        Simulation simulation = new Simulation(catalog, List.of(), false, "hello", List.of());
        Runs runs = new Runs(grid.variants());
        List<Outcome> outcomes = runs.run(2, v -> simulation.run(v, k -> runs.booted(v, k)));
        Comparison c = new Comparison("hello", List.of(), grid, outcomes, Map.of());

        assertThat(outcomes).extracting(Outcome::kind).containsExactly(Outcome.Kind.OK, Outcome.Kind.OK,
                Outcome.Kind.PANIC, Outcome.Kind.PANIC);
        String text = c.text("hello");
        assertThat(text).containsPattern("\\noutcome +ok +ok +kernel panic +kernel panic\\n");
        assertThat(text).contains("run 3 (irix-r2000 hw=misdescribed hw.cpus=1 seed 1): kernel panic: the firmware"
                + " describes 0 CPUs but the machine was built with 1");
        assertThat(c.exitStatus()).isEqualTo(70);
        assertThat(c.columns().get(1).ok()).isTrue();
        assertThat(c.columns().get(1).mean(Figure.SIMULATED_CYCLES)).isPositive();
    }
}
