package sprocket.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.kernel.Catalog;

/**
 * A bounded campaign, what CI spends on fuzzing each build: seeds on both machines, taking 1, 2 and 4 CPUs in turn,
 * fault injection on the odd ones, every fourth run repeated to compare traces. The kernel passes when the campaign
 * finds nothing; a failure prints each finding's report (its reproducer, the shrunk program, where it was thrown). The
 * long campaigns docs/RELIABILITY.md records run the same code with more seeds and calls.
 */
class CampaignTest {
    private static final Path CONFIGS = Path.of("").toAbsolutePath().getParent().resolve("configs");
    /** Seeds on each machine: 12 at three CPU counts gives each count four seeds, two with faults and two without. */
    private static final int SEEDS = 12;
    private static final int CALLS = 2_000;

    @Test
    void a_bounded_campaign_on_both_machines_with_1_2_and_4_cpus_with_and_without_faults_finds_nothing() {
        List<Path> configs = List.of(CONFIGS.resolve("irix-r2000.conf"), CONFIGS.resolve("linux-x86mps.conf"));
        FuzzOptions options = new FuzzOptions(configs, 1, SEEDS, CALLS, List.of(1, 2, 4), 2000, 4,
                FuzzOptions.timeLimitFor(CALLS), 300, 40, 1, List.of());
        List<Integer> cpusSeen = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        Fuzzer.Summary summary = new Fuzzer(Catalog.discover(List.of()), options, new Fuzzer.Listener() {
            @Override
            public void progress(Fuzzer.Progress p) {
                cpusSeen.add(options.cpus().get((int) Math.floorMod(p.seed(), options.cpus().size())));
            }

            @Override
            public void finding(Finding f) {
                reports.add(f.report());
            }
        }).run();
        assertThat(summary.runs()).isEqualTo(2L * SEEDS);
        assertThat(cpusSeen).contains(1, 2, 4);
        // Programs end early when their workers are killed; they still make most of their calls.
        assertThat(summary.calls()).isGreaterThan((long) SEEDS * CALLS);
        assertThat(reports).as(String.join("\n", reports)).isEmpty();
        assertThat(summary.faults()).as("allocations made to fail on the odd seeds").isPositive();
    }
}
