package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sprocket compare} against the real kernel and providers, in process. */
class CompareCommandTest {

    static final String IRIX = RunCommandTest.IRIX;
    static final String LINUX = RunCommandTest.LINUX;

    @Test
    void every_combination_runs_and_the_table_puts_their_figures_side_by_side(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("runs.csv");
        Path json = tmp.resolve("runs.json");
        Invocation r = Invocation.sprocket("compare", "-c", IRIX, "--vary", "hw=r2000,x86mps", "--vary",
                "hw.cpus=1,2", "--csv", csv.toString(), "--json", json.toString(), "shmpi", "2", "20000");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("sprocket compare: shmpi 2 20000 (4 runs)");
        assertThat(lines).anyMatch(l -> l.matches("hw +r2000 +r2000 +x86mps +x86mps"));
        assertThat(lines).anyMatch(l -> l.matches("hw\\.cpus +1 +2 +1 +2"));
        assertThat(lines).anyMatch(l -> l.matches("outcome +ok +ok +ok +ok"));
        for (String row : List.of("simulated time", "speedup", "system calls", "context switches", "page faults",
                "TLB misses", "cache misses", "bus transactions", "invalidations", "IPIs", "TLB shootdowns",
                "kernel lock spin")) {
            assertThat(lines).as(row).anyMatch(l -> l.startsWith(row + " "));
        }
        // Two CPUs run the two processes side by side: faster than one, on each machine; ratios to the first column.
        String speedup = lines.stream().filter(l -> l.startsWith("speedup ")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("([\\d.]+)x").matcher(speedup);
        List<Double> s = new ArrayList<>();
        while (m.find()) s.add(Double.parseDouble(m.group(1)));
        assertThat(s).hasSize(4);
        assertThat(s.get(0)).isEqualTo(1.0);
        assertThat(s.get(1)).isGreaterThan(1.2);
        assertThat(s.get(3) / s.get(2)).isGreaterThan(1.2);
        assertThat(lines.stream().filter(l -> l.startsWith("simulated time ")).findFirst().orElseThrow())
                .containsPattern("ms \\(0\\.\\d\\dx\\)");

        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).startsWith("run,configuration,hw,hw.cpus,seed,outcome,exit_status,message,"
                + "simulated_seconds,simulated_cycles,syscalls,");
        assertThat(rows.get(4)).startsWith("3," + IRIX + ",x86mps,2,1,ok,0,,");

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("columns")).hasSize(4);
        assertThat(doc.get("runs")).hasSize(4);
        JsonNode last = doc.get("runs").get(3);
        assertThat(last.get("stats").get("machine").asText()).isEqualTo("x86mps");
        assertThat(last.get("figures").get("simulated_cycles").asLong())
                .isEqualTo(last.get("stats").get("simulated_cycles").asLong());
        assertThat(doc.get("columns").get(1).get("speedup").asDouble()).isEqualTo(s.get(1), org.assertj.core.data.Offset.offset(0.01));
    }

    /** Each simulation is single-threaded and deterministic, whichever host thread runs it and whatever runs beside it. */
    @Test
    void several_simulations_at_once_give_what_each_gives_alone(@TempDir Path tmp) throws Exception {
        Path serial = tmp.resolve("serial.json");
        Path parallel = tmp.resolve("parallel.json");
        List<String> common = List.of("-c", IRIX, "-c", LINUX, "--vary", "sched=rr,affinity", "--seeds", "2");
        List<String> program = List.of("sprocpi", "3", "3000");
        assertThat(compare(common, List.of("-j", "1", "--json", serial.toString()), program).status()).isZero();
        assertThat(compare(common, List.of("-j", "4", "--json", parallel.toString()), program).status()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(serial.toFile()).get("runs");
        JsonNode b = mapper.readTree(parallel.toFile()).get("runs");
        assertThat(a).hasSize(8);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).get("stats")).as("run %d", i).isEqualTo(a.get(i).get("stats"));
        }
        // The same as sprocket run with that configuration and seed.
        Path alone = tmp.resolve("alone.json");
        Invocation run = Invocation.sprocket("run", "--no-stats", "--set", "sched=affinity", "--seed", "2",
                "--stats-json", alone.toString(), LINUX, "sprocpi", "3", "3000");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(mapper.readTree(alone.toFile())).isEqualTo(a.get(7).get("stats"));
    }

    @Test
    void seeds_run_each_combination_several_times_and_the_table_shows_their_mean(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("runs.csv");
        Invocation r = compare(List.of("-c", LINUX, "--seeds", "3", "--seed", "7", "--csv", csv.toString()), List.of(),
                List.of("mixed", "2", "1", "3"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\nseeds +7\\.\\.9\\n").containsPattern("\\n  spread over seeds +±");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).extracting(l -> l.split(",")[2]).containsExactly("7", "8", "9");
    }

    @Test
    void a_value_the_machine_refuses_is_reported_in_its_cell_and_the_exit_status_and_the_others_complete() {
        Invocation r = compare(List.of("-c", LINUX, "--vary", "hw.cpus=2,99"), List.of(), List.of("hello"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).containsPattern("\\noutcome +ok +config error\\n");
        assertThat(r.out()).containsPattern("\\nrun 2 \\(linux-x86mps hw\\.cpus=99 seed 1\\): .*hw\\.cpus");
        assertThat(r.out()).containsPattern("\\nsimulated time +[\\d.]+ us +-\\n");
    }

    @Test
    void an_unknown_key_in_vary_is_a_configuration_error_in_every_cell() {
        Invocation r = compare(List.of("-c", IRIX, "--vary", "hw.nosuch=1,2"), List.of(), List.of("hello"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).containsPattern("\\noutcome +config error +config error\\n");
        assertThat(r.out()).contains("hw.nosuch");
    }

    @Test
    void a_program_failing_in_one_configuration_is_reported_there_and_the_others_complete() {
        // 4,096 resident pages and a fork: 32M is not enough memory for both, 64M is.
        Invocation r = compare(List.of("-c", IRIX, "--vary", "hw.memory=32M,64M"), List.of(),
                List.of("sprocbench", "2", "4096"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).containsPattern("\\noutcome +exit 1 +ok\\n");
        assertThat(r.out()).contains("run 1 (irix-r2000 hw.memory=32M seed 1): sprocbench exited with status 1; its last"
                + " output:\n    sprocbench: fork: Not enough space");
    }

    @Test
    void configurations_differing_in_more_than_the_machine_get_a_note_on_comparing_like_for_like() {
        Invocation r = compare(List.of("-c", IRIX, "-c", LINUX), List.of(), List.of("hello"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("The configurations differ in more than one setting: hw (r2000 / x86mps); "
                + "hw.cpus (4 / 2); hw.memory (32M / 64M); kernel.lock (fine / giant).");
        assertThat(r.out()).contains("To compare the machines alone, vary the machine on one configuration: "
                + "sprocket compare -c " + IRIX + " --vary hw=r2000,x86mps hello");
        Invocation alike = compare(List.of("-c", IRIX, "--vary", "hw=r2000,x86mps"), List.of(), List.of("hello"));
        assertThat(alike.status()).as(alike.err()).isZero();
        assertThat(alike.out()).doesNotContain("differ");
    }

    @Test
    void usage_errors_run_nothing() {
        assertThat(compare(List.of(), List.of(), List.of("hello")).status()).isEqualTo(2);
        Invocation noProgram = compare(List.of("-c", IRIX), List.of(), List.of("nosuch"));
        assertThat(noProgram.status()).isEqualTo(127);
        Invocation badVary = compare(List.of("-c", IRIX, "--vary", "hw.cpus"), List.of(), List.of("hello"));
        assertThat(badVary.status()).isEqualTo(2);
        assertThat(badVary.err()).contains("--vary hw.cpus: want KEY=VALUE1,VALUE2,...");
        Invocation noFile = compare(List.of("-c", "nosuch.conf"), List.of(), List.of("hello"));
        assertThat(noFile.status()).isEqualTo(2);
        assertThat(noFile.err()).contains("nosuch.conf: No such file or directory");
    }

    private static Invocation compare(List<String> options, List<String> more, List<String> program) {
        List<String> all = new ArrayList<>(List.of("compare", "--progress", "never"));
        all.addAll(options);
        all.addAll(more);
        all.addAll(program);
        return Invocation.sprocket(all.toArray(String[]::new));
    }
}
