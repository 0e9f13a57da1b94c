package sprocket.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigError;

/** A sweep file's mistakes are errors with its name and the line, found before anything runs. */
class SweepFileTest {
    private static final Path CONFIGS = Path.of("..", "configs").toAbsolutePath().normalize();
    private static final Catalog CATALOG = Catalog.discover(List.of());

    private static List<String> errors(String text) {
        SweepFileException e = catchThrowableOfType(SweepFileException.class,
                () -> Sweep.plan(SweepFile.parse("s.sweep", text, CONFIGS), CATALOG));
        assertThat(e).as("an error in\n" + text).isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void an_unknown_key_is_an_error_at_its_line() {
        assertThat(errors("config = irix-r2000.conf\nprogram = hello\nvary.hw.cpus = 1, 2\nsede = 3\n"))
                .containsExactly("s.sweep:4: unknown key 'sede' (a sweep file has config, program, seeds, stats,"
                        + " set.KEY and vary.KEY)");
    }

    @Test
    void an_unknown_varied_key_or_value_is_an_error_at_the_vary_line() {
        List<String> e = errors("config = irix-r2000.conf\nprogram = hello\n\nvary.hw = r2000, pdp11\n"
                + "vary.hw.cpuz = 1\n");
        assertThat(e).anyMatch(s -> s.startsWith("s.sweep:4: vary.hw = pdp11 on ") && s.contains("pdp11"));
        assertThat(e).anyMatch(s -> s.startsWith("s.sweep:5: vary.hw.cpuz = 1 on ") && s.contains("hw.cpuz"));
        assertThat(e).noneMatch(s -> s.contains("r2000 on"));
    }

    @Test
    void a_bad_setting_program_statistic_or_seed_range_is_an_error_at_its_line() {
        List<String> e = errors("config = irix-r2000.conf\nset.hw.cpus = lots\nprogram = nosuch 1\nprogram = hello\n"
                + "stats = simulated_cycles, wallclock\n");
        assertThat(e).anyMatch(s -> s.startsWith("s.sweep:2: set.hw.cpus = lots: "));
        assertThat(e).anyMatch(s -> s.startsWith("s.sweep:3: /bin/nosuch: no such program"));
        assertThat(e).anyMatch(s -> s.startsWith("s.sweep:5: stats: unknown statistic 'wallclock'"));
        assertThat(errors("config = irix-r2000.conf\nprogram = hello\nseeds = 9..3\n"))
                .anyMatch(s -> s.startsWith("s.sweep:3: seeds 9..3: want FIRST..LAST"));
        assertThat(errors("config = nosuch.conf\nprogram = hello\n")).anyMatch(s -> s.startsWith("s.sweep:1: config "));
        assertThat(errors("program = hello\n")).containsExactly("s.sweep: no 'config = FILE' line: a sweep needs one");
    }

    @Test
    void the_grid_is_configurations_by_programs_by_varied_values_by_seeds_the_first_slowest() throws Exception {
        Sweep s = Sweep.plan(SweepFile.parse("s.sweep", "config = irix-r2000.conf\nconfig = linux-x86mps.conf\n"
                + "program = hello\nprogram = burn 1000\nvary.hw.cpus = 1, 2\nseeds = 4..6\n", CONFIGS), CATALOG);
        assertThat(s.runs()).hasSize(2 * 2 * 2 * 3);
        SweepRun r = s.runs().get(7);
        assertThat(r.variant().configName()).isEqualTo("irix-r2000");
        assertThat(r.command()).containsExactly("burn", "1000");
        assertThat(r.variant().varied()).containsEntry("hw.cpus", "1");
        assertThat(r.variant().seed()).isEqualTo(5);
        assertThat(s.runs().get(12).variant().configName()).isEqualTo("linux-x86mps");
    }
}
