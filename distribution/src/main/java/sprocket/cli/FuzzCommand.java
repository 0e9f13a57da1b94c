package sprocket.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sprocket.fuzz.Finding;
import sprocket.fuzz.FuzzOptions;
import sprocket.fuzz.Fuzzer;
import sprocket.kernel.Catalog;

/**
 * {@code sprocket fuzz}: a system-call fuzzing campaign. Each finding is printed on standard output as it is found,
 * with a command that repeats it and its minimised calls; progress goes to standard error; the summary ends it. The
 * exit status says whether anything was found.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Run programs generated from seeds on the kernel each CONFIG describes, looking for panics, host "
                + "exceptions escaping into programs or out of the kernel, broken end-of-run invariants (leaks), runs "
                + "that never end, and seeds whose two runs differ. Each distinct finding is shrunk and printed with a "
                + "command that repeats it. docs/RELIABILITY.md describes the programs and the findings."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no finding", "1:at least one finding", "2:a usage or configuration error"})
final class FuzzCommand implements Callable<Integer> {

    private final Host host;

    // Option sets built in code (Specs says why), mixed in by Main.
    PluginOptions plugins = new PluginOptions();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "100", description = "Seeds to run on each CONFIG. "
            + "Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1", description = "The first seed. Default: "
            + "${DEFAULT-VALUE}.")
    long firstSeed;

    @Option(names = "--calls", paramLabel = "M", defaultValue = "1000", description = "Calls in each program, all its "
            + "processes together. Default: ${DEFAULT-VALUE}.")
    int calls;

    @Option(names = "--cpus", paramLabel = "LIST", split = ",", defaultValue = "1,2,4",
            description = "CPU counts the seeds take in turn (seed modulo the list's length). Default: ${DEFAULT-VALUE}.")
    List<Integer> cpus = new ArrayList<>();

    @Option(names = "--faults", paramLabel = "RATE", defaultValue = "2000", description = "Fault injection for the odd "
            + "seeds: allocations in a million that fail (fault.rate); the even seeds run without. 0: none. Default: "
            + "${DEFAULT-VALUE}.")
    int faults;

    @Option(names = "--rerun-every", paramLabel = "K", defaultValue = "10", description = "Repeat every Kth run and "
            + "compare the two trace digests (0: never, 1: every run). Default: ${DEFAULT-VALUE}.")
    int rerunEvery;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "kernel.time_limit of each run, in simulated "
            + "seconds (default: what the program's workers need at most, with room to spare).")
    Integer timeLimit;

    @Option(names = "--host-timeout", paramLabel = "SECONDS", defaultValue = "600", description = "Host seconds a run "
            + "may take before it is a finding of its own. Default: ${DEFAULT-VALUE}.")
    long hostTimeout;

    @Option(names = "--shrink-runs", paramLabel = "N", defaultValue = "200", description = "Runs spent shrinking each "
            + "distinct finding (0: print the program as found). Default: ${DEFAULT-VALUE}.")
    int shrinkRuns;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "1", description = "Runs at once, each on a host thread "
            + "of its own. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = ConfigOptions.KeyValue.class,
            description = "A configuration value for every run (repeatable), after the seed's own.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "CONFIG", description = "Kernel configuration files.")
    List<Path> configs = new ArrayList<>();

    FuzzCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        for (Path c : configs) {
            if (!Files.isRegularFile(c)) throw new Failure(Failure.USAGE, c + ": No such file or directory");
        }
        if (seeds < 0 || calls < 1 || jobs < 1 || shrinkRuns < 0 || rerunEvery < 0 || faults < 0 || faults > 1_000_000
                || hostTimeout < 1 || (timeLimit != null && timeLimit < 1)) {
            throw new Failure(Failure.USAGE, "--seeds, --shrink-runs, --rerun-every and --faults (at most 1000000) take"
                    + " 0 or more; --calls, --jobs, --time-limit and --host-timeout 1 or more");
        }
        quietKernel();
        Catalog catalog = plugins.discover(host);
        for (String problem : catalog.problems()) host.err().println("sprocket: skipped: " + problem);
        int limit = timeLimit != null ? timeLimit : FuzzOptions.timeLimitFor(calls);
        FuzzOptions options = new FuzzOptions(configs, firstSeed, seeds, calls, cpus, faults, rerunEvery, limit,
                hostTimeout, shrinkRuns, jobs, sets);
        long total = (long) seeds * configs.size();
        PrintStream out = host.out();
        PrintStream err = host.err();
        long started = System.nanoTime();
        Fuzzer.Summary summary = new Fuzzer(catalog, options, new Fuzzer.Listener() {
            @Override
            public void progress(Fuzzer.Progress p) {
                if (quiet) return;
                // A run that failed has no statistics: no simulated time to show.
                String time = p.seconds() > 0 ? String.format(Locale.ROOT, ", %.3f simulated s", p.seconds()) : "";
                err.printf(Locale.ROOT, "fuzz: %d/%d runs, %,d calls, %d distinct findings (%s seed %d: %,d calls%s%s) "
                        + "%.0f s%n", p.runs(), total, p.calls(), p.distinct(), p.config(), p.seed(), p.runCalls(), time,
                        p.limited() ? ", ended at the time limit" : "", (System.nanoTime() - started) / 1e9);
            }

            @Override
            public void finding(Finding f) {
                out.println(f.report());
                out.flush();
            }

            @Override
            public void again(Finding f, Path config, long seed) {
                if (!quiet) err.println("fuzz: finding " + f.number() + " again, " + config + " seed " + seed);
            }
        }).run();
        out.println("fuzz: " + summary.runs() + " runs, " + String.format(Locale.ROOT, "%,d", summary.calls())
                + " calls, " + String.format(Locale.ROOT, "%,d", summary.faults()) + " faults injected, "
                + summary.findings().size() + " distinct findings");
        for (Finding f : summary.findings()) {
            out.println("  finding " + f.number() + " (" + summary.occurrences().get(f.number()) + " runs): "
                    + f.problem().kind().label() + ": " + f.problem().message());
        }
        out.flush();
        return summary.findings().isEmpty() ? 0 : 1;
    }

    /**
     * The kernel's warnings (a run ended at its time limit, a program that died of an exception) are what fuzzing is
     * made of: they stay quiet unless SPROCKET_LOG asks for them; findings say what matters.
     */
    private void quietKernel() {
        if (host.env().get("SPROCKET_LOG") != null) return;
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.ERROR);
        }
    }
}
