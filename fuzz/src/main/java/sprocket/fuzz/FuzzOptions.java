package sprocket.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * What a campaign runs: every seed from {@code firstSeed} on each configuration.
 *
 * @param configs configuration files; each seed runs on each
 * @param firstSeed the first seed
 * @param seeds how many seeds
 * @param calls calls per program, all its processes together
 * @param cpus CPU counts the seeds take in turn (empty: the configuration's)
 * @param faultRate fault injection for the odd seeds, in allocations per million (0: none; the even seeds never)
 * @param rerunEvery every how many runs one is repeated and the two traces compared (0: never; 1: every run)
 * @param timeLimit kernel.time_limit of each run, in simulated seconds: a run still going then is ended by killing
 *     every process, and one whose processes do not die is a finding
 * @param hostTimeoutSeconds host seconds a run may take before it is a finding of its own (a host-code loop)
 * @param shrinkRuns runs spent shrinking each distinct finding (0: report it as found)
 * @param jobs runs at once, each on its own host thread
 * @param settings more configuration settings for every run (--set), after the seed's own
 */
public record FuzzOptions(List<Path> configs, long firstSeed, int seeds, int calls, List<Integer> cpus, int faultRate,
        int rerunEvery, int timeLimit, long hostTimeoutSeconds, int shrinkRuns, int jobs, List<String> settings) {

    public FuzzOptions {
        configs = List.copyOf(configs);
        cpus = List.copyOf(cpus);
        settings = List.copyOf(settings);
        if (seeds < 0 || calls < 1 || jobs < 1 || timeLimit < 1) {
            throw new IllegalArgumentException("seeds >= 0, calls >= 1, jobs >= 1 and a time limit >= 1 are needed");
        }
    }

    /**
     * A kernel.time_limit for programs of {@code calls} calls: a minute, and a simulated second for every twenty
     * calls, far more than their workers take (each is killed after a few seconds), so that only a run that would
     * never end reaches it.
     */
    public static int timeLimitFor(int calls) {
        return 60 + calls / 20;
    }

    /** Sensible defaults for {@code configs}: 100 seeds of 1,000 calls, CPUs 1, 2 and 4, faults on odd seeds. */
    public static FuzzOptions defaults(List<Path> configs) {
        return new FuzzOptions(configs, 1, 100, 1000, List.of(1, 2, 4), 2000, 10, timeLimitFor(1000), 600, 200, 1,
                List.of());
    }
}
