package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics and trace files are JSON a real parser reads back exactly, whatever the strings hold. */
class StatisticsJsonTest {

    /** Quotes, backslashes, every control character, a non-ASCII letter and a surrogate pair. */
    private static final String AWKWARD;

    static {
        StringBuilder b = new StringBuilder("say \"hi\" \\ back/slash é 😀 ");
        for (char c = 0; c < 0x20; c++) b.append(c);
        AWKWARD = b.append('\u007f').toString();
    }

    @Test
    void strings_and_keys_with_quotes_and_control_characters_round_trip() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("model", AWKWARD);
        values.put("simulated_cycles", 5L);
        values.put("fairness_groups", Map.of(AWKWARD + " (nice 0, parent 1)", 0.5));
        values.put("processes", List.of(Map.of("command", AWKWARD, "pid", 2L)));
        values.put("cpu_busy_cycles", new long[] {1, 2});
        values.put("counters", Map.of("x", 1L));
        JsonNode back = new ObjectMapper().readTree(new RunStats(values).toJson());
        assertThat(back.get("model").asText()).isEqualTo(AWKWARD);
        assertThat(back.get("fairness_groups").fieldNames().next()).isEqualTo(AWKWARD + " (nice 0, parent 1)");
        assertThat(back.get("processes").get(0).get("command").asText()).isEqualTo(AWKWARD);
        assertThat(back.get("cpu_busy_cycles").get(1).asLong()).isEqualTo(2);
    }

    @Test
    void statistics_read_back_from_their_json_write_the_same_json() {
        Sim.Outcome o = Sim.with().program("prog", (sys, argv) -> {
            sys.cpu().burn(10_000);
            return 0;
        }).run("prog");
        String json = o.stats().toJson();
        RunStats back = RunStats.fromJson(json);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(back.cpuBusyCycles()).isEqualTo(o.stats().cpuBusyCycles());
        assertThat(back.figure("syscalls")).isEqualTo(o.stats().figure("syscalls"));
    }

    @Test
    void json_that_is_not_statistics_is_refused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> RunStats.fromJson("{\"simulated_cycles\": 5}"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> RunStats.fromJson("[1"));
    }

    @Test
    void the_schema_version_comes_first() throws Exception {
        Sim.Outcome o = Sim.with().program("prog", (sys, argv) -> 0).run("prog");
        JsonNode back = new ObjectMapper().readTree(o.stats().toJson());
        assertThat(back.fieldNames().next()).isEqualTo("schema_version");
        assertThat(back.get("schema_version").asInt()).isEqualTo(RunStats.SCHEMA_VERSION);
        assertThat(o.stats().get("schema_version")).isEqualTo((long) RunStats.SCHEMA_VERSION);
    }

    @Test
    void a_command_name_with_quotes_and_control_characters_survives_the_trace_and_the_statistics(@TempDir Path tmp)
            throws Exception {
        String name = "odd\"name\\\t\u0001\u001b[0m";
        Path trace = tmp.resolve("trace.json");
        Sim.Outcome o = Sim.with().program(name, (sys, argv) -> {
            sys.cpu().burn(50_000);
            return 0;
        }).trace(trace).run(name);
        assertThat(o.status()).isZero();
        JsonNode events = new ObjectMapper().readTree(trace.toFile()).get("traceEvents");
        boolean found = false;
        for (JsonNode e : events) found |= e.get("name").asText().equals(name + " [2]");
        assertThat(found).as("a slice named %s [2] in %s", name, Files.readString(trace)).isTrue();
        JsonNode stats = new ObjectMapper().readTree(o.stats().toJson());
        assertThat(stats.get("processes").get(0).get("command").asText()).isEqualTo(name);
    }
}
