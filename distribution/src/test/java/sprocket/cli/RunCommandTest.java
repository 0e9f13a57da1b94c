package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sprocket run} against the real kernel and providers, in process. */
class RunCommandTest {

    static final String IRIX = Path.of("..", "configs", "irix-r2000.conf").toString();
    static final String LINUX = Path.of("..", "configs", "linux-x86mps.conf").toString();

    @Test
    void hello_prints_hello_world_on_stdout_the_statistics_on_stderr_and_exits_0() {
        Invocation r = Invocation.sprocket("run", IRIX, "hello");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello, world\n");
        assertThat(r.err()).isNotBlank();
    }

    @Test
    void no_stats_leaves_stderr_empty() {
        Invocation r = Invocation.sprocket("run", "--no-stats", LINUX, "hello");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello, world\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void the_command_exits_with_the_programs_exit_status() {
        assertThat(Invocation.sprocket("run", "--no-stats", IRIX, "false").status()).isEqualTo(1);
        assertThat(Invocation.sprocket("run", "--no-stats", IRIX, "true").status()).isZero();
    }

    @Test
    void the_programs_arguments_reach_it_untouched() {
        Invocation r = Invocation.sprocket("run", "--no-stats", IRIX, "echo", "-n", "hi", "there");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hi there");
    }

    @Test
    void forktree_3_prints_fifteen_processes_and_reaps_every_one() {
        Invocation r = Invocation.sprocket("run", "--no-stats", LINUX, "forktree", "3");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("forktree: depth"))).hasSize(15);
        assertThat(r.out()).endsWith("forktree: 14 processes created, all reaped\n");
    }

    @Test
    void burn_on_four_cpus_takes_about_a_quarter_of_the_simulated_time_of_one() {
        long one = burnElapsed("hw.cpus=1");
        long four = burnElapsed("hw.cpus=4");
        assertThat((double) one / four).as("%d cycles on 1 CPU, %d on 4", one, four).isBetween(3.0, 4.5);
    }

    private static long burnElapsed(String cpus) {
        Invocation r = Invocation.sprocket("run", "--no-stats", "--set", cpus, IRIX, "burn", "8", "2000000");
        assertThat(r.status()).as(r.err()).isZero();
        Matcher m = Pattern.compile("burn: 8 processes x 2000000 cycles: (\\d+) cycles elapsed").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void stats_json_writes_one_object_with_the_stable_keys(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out.json");
        Invocation r = Invocation.sprocket("run", "--no-stats", "--stats-json", json.toString(), IRIX, "burn", "2", "1000");
        assertThat(r.status()).as(r.err()).isZero();
        String text = Files.readString(json).strip();
        assertThat(text).startsWith("{").endsWith("}");
        assertThat(text).contains("\"simulated_cycles\"", "\"context_switches\"", "\"syscalls\"", "\"forks\"", "\"cpu_busy_cycles\"",
                "\"schema_version\": 1");
    }

    /** "context switches 74" over "83 voluntary, 28 involuntary" read as a contradiction: the second were per-process sums. */
    @Test
    void the_summary_says_what_each_line_counts_and_per_process_sums_sit_under_the_processes_line() {
        Invocation r = Invocation.sprocket("run", IRIX, "forktree", "2");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("context switches +\\d+ times a CPU switched to another process"));
        int processes = lines.indexOf(lines.stream().filter(l -> l.startsWith("processes ")).findFirst().orElseThrow());
        assertThat(lines.get(processes)).matches("processes +7 exited \\(init not counted\\); of them, summed:");
        assertThat(lines.get(processes + 1)).matches("  gave up the CPU +\\d+ times, blocking or yielding \\(voluntary switches\\)");
        assertThat(lines.get(processes + 2)).matches("  preempted +\\d+ times \\(involuntary switches\\)");
        assertThat(lines.get(processes + 3)).matches("  migrated +\\d+ times to another CPU");
        assertThat(lines.get(processes + 4)).matches("  mean wait +[\\d,]+ cycles runnable but not running");
        // Every line has a label and a figure; no line is a bare continuation of the one above.
        assertThat(lines).allMatch(l -> l.startsWith("-- ") || l.matches("(  )?[A-Za-z][^ ]*( [^ ]+)* +\\S.*"));
    }

    /** The caches and the bus, per CPU and in total: the summary's lines and --stats-json's cpu_memory agree. */
    @Test
    void the_summary_and_json_show_the_memory_system_per_cpu_and_in_total(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out.json");
        Invocation r = Invocation.sprocket("run", "--stats-json", json.toString(), LINUX, "shmpi", "2", "2000");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode stats = new ObjectMapper().readTree(json.toFile());
        assertThat(stats.get("memory_system").asText()).contains("L1", "MESI");
        assertThat(r.err().lines().findFirst().orElseThrow()).contains(stats.get("memory_system").asText());
        for (String key : List.of("cache_hits", "cache_misses", "cache_invalidations", "bus_transactions")) {
            long sum = 0;
            for (JsonNode cpu : stats.get("cpu_memory")) sum += cpu.get(key).asLong();
            assertThat(sum).as(key).isEqualTo(stats.get("counters").get(key).asLong()).isPositive();
            long cpu0 = stats.get("cpu_memory").get(0).get(key).asLong();
            assertThat(r.err()).containsPattern(String.format(Locale.ROOT,
                    "\\n *[a-z -]+ +%,d .*\\(cpu0 %,d, cpu1 [\\d,]+\\)", sum, cpu0));
        }
        assertThat(stats.get("cpu_memory")).hasSize(2);
    }

    @Test
    void the_same_config_and_seed_give_the_same_output_and_statistics(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        Invocation first = Invocation.sprocket("run", "--seed", "5", "--stats-json", a.toString(), IRIX, "forktree", "2");
        Invocation second = Invocation.sprocket("run", "--seed", "5", "--stats-json", b.toString(), IRIX, "forktree", "2");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEqualTo(first.err());
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    }

    @Test
    void an_unknown_program_exits_127_naming_the_installed_ones() {
        Invocation r = Invocation.sprocket("run", IRIX, "nosuch");
        assertThat(r.status()).isEqualTo(127);
        assertThat(r.err()).contains("/bin/nosuch: No such file or directory").contains("hello");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_stats_json_file_in_a_missing_directory_fails_before_booting(@TempDir Path tmp) {
        Invocation r = Invocation.sprocket("run", "--stats-json", tmp.resolve("no/such/dir/out.json").toString(), IRIX, "hello");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("out.json: No such file or directory (--stats-json)");
    }
}
