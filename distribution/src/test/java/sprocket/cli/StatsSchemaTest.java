package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key {@code --stats-json} writes is documented in docs/stats.md, with the provider that adds it. */
class StatsSchemaTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** A table row of docs/stats.md: the key, in backticks, in the first column. */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);
    /** A counter named by a literal where it is made: counter("x"), or counter(stats, "x"). */
    private static final Pattern COUNTER = Pattern.compile("counter\\((?:\\w+, )?\"([a-z_.]+)\"\\)");

    private static Set<String> documented;

    @BeforeAll
    static void readTheDocument() throws IOException {
        documented = new TreeSet<>();
        Matcher m = ROW.matcher(Files.readString(ROOT.resolve("docs/stats.md")));
        while (m.find()) documented.add(m.group(1));
        assertThat(documented).as("keys in docs/stats.md").contains("schema_version", "counters.zero_fills");
    }

    @Test
    void every_key_of_runs_on_both_machines_under_every_scheduler_is_documented(@TempDir Path tmp) throws IOException {
        Set<String> seen = new TreeSet<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String config : List.of(RunCommandTest.IRIX, RunCommandTest.LINUX)) {
            for (String sched : List.of("rr", "svr4", "affinity", "gang", "fair")) {
                for (List<String> program : List.of(List.of("sprocpi", "3", "200"), List.of("fdpass"),
                        List.of("mixed", "2", "1", "3"))) {
                    Path json = tmp.resolve("stats.json");
                    Stream<String> head = Stream.of("run", "--no-stats", "--set", "sched=" + sched, "--stats-json",
                            json.toString(), config);
                    Invocation r = Invocation.sprocket(Stream.concat(head, program.stream()).toArray(String[]::new));
                    assertThat(r.status()).as(r.err()).isZero();
                    keys(mapper.readTree(json.toFile()), seen);
                }
            }
        }
        assertThat(seen).as("keys the runs wrote").contains("counters.sched.gang_admissions", "counters.tlb_refills",
                "counters.page_walks", "processes[].pid", "counters.share_groups",
                "memory_system", "cpu_memory[].cache_hits", "cpu_memory[].bus_wait_cycles");
        assertThat(documented).as("docs/stats.md").containsAll(seen);
    }

    /** Counters made only when their event happens would escape the runs above: their names are read from the code. */
    @Test
    void every_counter_the_code_names_is_documented() throws IOException {
        Set<String> named = new TreeSet<>();
        for (String module : List.of("kernel-core", "vm-regions", "sched", "ipc", "fs", "hw-r2000", "hw-x86mps")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = COUNTER.matcher(Files.readString(f));
                    while (m.find()) named.add(m.group(1));
                }
            }
        }
        assertThat(named).as("counters named in the code").contains("sockets_collected", "context_switches");
        for (String name : named) {
            assertThat(documented.contains("counters." + name) || documented.contains(name))
                    .as("counter %s is in docs/stats.md, under counters or at the top level", name).isTrue();
        }
    }

    /** The paths of {@code stats}: top-level keys, counters.NAME, processes[].KEY and cpu_memory[].KEY; fairness groups are data. */
    private static void keys(JsonNode stats, Set<String> out) {
        for (Iterator<String> it = stats.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            out.add(key);
            if (key.equals("counters")) stats.get(key).fieldNames().forEachRemaining(c -> out.add("counters." + c));
            if (key.equals("processes") || key.equals("cpu_memory")) {
                for (JsonNode row : stats.get(key)) row.fieldNames().forEachRemaining(c -> out.add(key + "[]." + c));
            }
        }
    }
}
