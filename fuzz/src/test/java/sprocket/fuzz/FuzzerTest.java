package sprocket.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.fuzz.prog.Call;
import sprocket.fuzz.prog.Op;
import sprocket.fuzz.prog.Prog;

/**
 * The campaign's bookkeeping, with a stand-in for the kernel that "panics" whenever a program makes a given call:
 * findings are counted once per signature, shrunk to the calls that matter, and reported with a command that repeats
 * them; reruns catch a seed whose two runs differ.
 */
class FuzzerTest {
    private static final Path CONFIG = Path.of("configs/irix-r2000.conf");

    private static boolean has(List<Call> calls, Op op) {
        for (Call c : calls) {
            if (c.op() == op || has(c.body(), op)) return true;
        }
        return false;
    }

    /** Panics when the program makes a semop(2), whatever else it does. */
    private static Runner.Outcome panicsOnSemop(Path config, List<String> settings, Prog prog, boolean traced) {
        Problem p = has(prog.calls(), Op.SEMOP)
                ? Problem.of(Problem.Kind.PANIC, "semaphore 12 went below 0", new IllegalStateException("x")) : null;
        return new Runner.Outcome(p, prog.size(), "d", traced ? List.of("the trace") : List.of(), 1.0, false,
                0);
    }

    private static FuzzOptions options(int seeds, int shrinkRuns, int rerunEvery) {
        return new FuzzOptions(List.of(CONFIG), 10, seeds, 400, List.of(1, 2, 4), 2000, rerunEvery, 80, 60,
                shrinkRuns, 1, List.of("hw.memory=16M"));
    }

    @Test
    void a_finding_is_reported_once_shrunk_to_what_shows_it_with_a_command_that_repeats_it() {
        List<Finding> reported = new ArrayList<>();
        List<Long> again = new ArrayList<>();
        var summary = new Fuzzer(FuzzerTest::panicsOnSemop, options(6, 300, 0), new Fuzzer.Listener() {
            @Override
            public void finding(Finding f) {
                reported.add(f);
            }

            @Override
            public void again(Finding f, Path config, long seed) {
                again.add(seed);
            }
        }).run();
        assertThat(summary.runs()).isEqualTo(6);
        assertThat(reported).singleElement().satisfies(f -> {
            assertThat(f.problem().kind()).isEqualTo(Problem.Kind.PANIC);
            assertThat(f.problem().signature()).startsWith("PANIC: semaphore N went below N");
            // The smallest program that still makes a semop(2): one worker, and the calls that lead to it.
            assertThat(has(f.minimised().calls(), Op.SEMOP)).isTrue();
            assertThat(f.minimised().size()).isLessThanOrEqualTo(3);
            assertThat(f.calls()).isGreaterThanOrEqualTo(400);
            assertThat(f.trace()).containsExactly("the trace");
            assertThat(f.reproducer()).startsWith("sprocket fuzz --first-seed " + f.seed() + " --seeds 1 --calls 400 --cpus ")
                    .contains("--time-limit 80 --set hw.memory=16M").endsWith(CONFIG.toString());
            assertThat(f.report()).contains("finding 1: panic: semaphore 12 went below 0", "reproduce: sprocket fuzz",
                    "minimised:", "semop");
        });
        assertThat(summary.findings()).hasSize(1);
        assertThat(summary.occurrences().get(1)).isEqualTo(1 + again.size());
    }

    @Test
    void a_seed_runs_with_its_cpu_count_and_fault_injection_on_odd_seeds_only() {
        Fuzzer f = new Fuzzer(FuzzerTest::panicsOnSemop, options(1, 0, 0), new Fuzzer.Listener() { });
        assertThat(f.settings(10)).containsExactly("seed=10", "hw.cpus=2", "kernel.time_limit=80", "hw.memory=16M");
        assertThat(f.settings(11)).containsExactly("seed=11", "hw.cpus=4", "fault.rate=2000", "fault.seed=11",
                "kernel.time_limit=80", "hw.memory=16M");
        assertThat(f.reproducer(CONFIG, 11)).contains("--cpus 4 --faults 2000");
        assertThat(f.reproducer(CONFIG, 12)).contains("--cpus 1").doesNotContain("--faults");
    }

    @Test
    void a_seed_whose_rerun_gives_another_trace_is_a_finding() {
        int[] runs = {0};
        Fuzzer.Runs flaky = (config, settings, prog, traced) -> new Runner.Outcome(null, 1, "digest" + runs[0]++,
                List.of(), 1, false, 0);
        var summary = new Fuzzer(flaky, options(2, 0, 1), new Fuzzer.Listener() { }).run();
        assertThat(summary.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem().kind()).isEqualTo(Problem.Kind.NONDETERMINISM);
            assertThat(f.problem().message()).contains("digest0", "digest1");
        });
    }

    @Test
    void a_run_past_the_host_time_limit_is_a_finding_and_the_campaign_goes_on() {
        Fuzzer.Runs stuck = (config, settings, prog, traced) -> {
            if (settings.contains("seed=10")) {
                try {
                    new java.util.concurrent.CountDownLatch(1).await(); // a loop in host code: it never returns
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Runner.Outcome(null, 1, "d", List.of(), 1, false, 0);
        };
        FuzzOptions o = new FuzzOptions(List.of(CONFIG), 10, 2, 50, List.of(), 0, 0, 80, 1, 0, 1, List.of());
        var summary = new Fuzzer(stuck, o, new Fuzzer.Listener() { }).run();
        assertThat(summary.runs()).isEqualTo(2);
        assertThat(summary.findings()).singleElement()
                .satisfies(f -> assertThat(f.problem().kind()).isEqualTo(Problem.Kind.HOST_HANG));
    }
}
