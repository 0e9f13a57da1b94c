package sprocket.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sprocket.kernel.Catalog;

/** The statistics a sweep file may name are the keys runs have; each becomes columns named as SQL takes them. */
class StatisticsTest {
    private static final Path CONFIGS = Path.of("..", "configs").toAbsolutePath().normalize();

    @Test
    void every_top_level_statistic_of_a_run_is_one_a_sweep_file_may_name() throws Exception {
        for (String config : List.of("irix-r2000.conf", "linux-x86mps.conf")) {
            Sweep s = Sweep.plan(SweepFile.parse("s.sweep", "config = " + config + "\nprogram = sprocpi 2 2000\n",
                    CONFIGS), Catalog.discover(List.of()));
            Map<String, Object> row = s.row(s.runs().getFirst());
            List<String> keys = new ArrayList<>();
            try (JsonParser p = new JsonFactory().createParser((String) row.get("stats_json"))) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    keys.add(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            }
            assertThat(Statistics.KEYS).containsAll(keys);
            assertThat(row.keySet()).allMatch(k -> k.matches("[A-Za-z0-9_.]+"));
        }
    }

    @Test
    void stats_keeps_only_the_named_statistics_and_the_whole_object() throws Exception {
        Sweep s = Sweep.plan(SweepFile.parse("s.sweep", "config = irix-r2000.conf\nprogram = hello\n"
                + "stats = simulated_cycles, counters\n", CONFIGS), Catalog.discover(List.of()));
        Map<String, Object> row = s.row(s.runs().getFirst());
        assertThat(row).containsKeys("simulated_cycles", "counters_clock_ticks", "stats_json")
                .doesNotContainKeys("tlb_misses", "cpu_busy_cycles_0", "machine");
    }
}
