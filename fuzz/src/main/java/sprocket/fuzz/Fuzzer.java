package sprocket.fuzz;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import sprocket.fuzz.prog.Generator;
import sprocket.fuzz.prog.Prog;
import sprocket.kernel.Catalog;

/**
 * A fuzzing campaign: for each configuration and seed, a program generated from the seed runs on the kernel the
 * configuration describes (with the seed's CPU count and, on odd seeds, fault injection); now and then a run is
 * repeated and the two trace digests compared. Each distinct finding is shrunk to a small program that still shows
 * it and reported with a command that repeats it.
 */
public final class Fuzzer {

    /** What a campaign tells its caller as it goes. */
    public interface Listener {
        /** A run ended. */
        default void progress(Progress progress) {
        }

        /** A new distinct finding, shrunk and ready to report. */
        default void finding(Finding finding) {
        }

        /** A run showed a finding already reported. */
        default void again(Finding finding, Path config, long seed) {
        }
    }

    /**
     * Where a campaign stands after a run.
     *
     * @param runs programs run so far
     * @param calls calls made so far
     * @param distinct distinct findings so far
     * @param config the run's configuration
     * @param seed the run's seed
     * @param runCalls calls the run made
     * @param seconds simulated seconds the run lasted
     * @param limited whether the run was ended at kernel.time_limit
     */
    public record Progress(long runs, long calls, int distinct, Path config, long seed, long runCalls, double seconds,
            boolean limited) {
    }

    /**
     * What a campaign did.
     *
     * @param runs programs run (reruns and shrinking runs not counted)
     * @param calls calls the fuzzing processes made in those runs
     * @param findings the distinct findings, in the order found
     * @param occurrences how many runs showed each finding, by its number
     * @param faults allocations fault injection made fail in the runs that finished
     */
    public record Summary(long runs, long calls, List<Finding> findings, Map<Integer, Integer> occurrences,
            long faults) {
    }

    /** What runs one program: {@link Runner}, or a stand-in in the fuzzer's own tests. */
    interface Runs {
        Runner.Outcome run(Path config, List<String> settings, Prog prog, boolean traced);
    }

    private final Runs runner;
    private final FuzzOptions options;
    /** Allocations fault injection made fail so far. */
    private long faults;
    private final Listener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sprocket-fuzz");
        // A run stuck in host code cannot be stopped; it must not keep the JVM from exiting.
        t.setDaemon(true);
        return t;
    });

    public Fuzzer(Catalog catalog, FuzzOptions options, Listener listener) {
        this(new Runner(catalog)::run, options, listener);
    }

    Fuzzer(Runs runner, FuzzOptions options, Listener listener) {
        this.runner = runner;
        this.options = options;
        this.listener = listener;
    }

    /** The settings seed {@code seed} runs with: its own, the CPU count and fault injection it gets, then --set. */
    List<String> settings(long seed) {
        List<String> s = new ArrayList<>();
        s.add("seed=" + seed);
        if (!options.cpus().isEmpty()) s.add("hw.cpus=" + options.cpus().get(Math.floorMod(seed, options.cpus().size())));
        if (faulty(seed)) {
            s.add("fault.rate=" + options.faultRate());
            s.add("fault.seed=" + seed);
        }
        s.add("kernel.time_limit=" + options.timeLimit());
        s.addAll(options.settings());
        return s;
    }

    private boolean faulty(long seed) {
        return options.faultRate() > 0 && (seed & 1) == 1;
    }

    /** A command that repeats seed {@code seed} on {@code config}. */
    String reproducer(Path config, long seed) {
        StringBuilder b = new StringBuilder("sprocket fuzz --first-seed ").append(seed).append(" --seeds 1 --calls ")
                .append(options.calls());
        if (!options.cpus().isEmpty()) {
            b.append(" --cpus ").append(options.cpus().get(Math.floorMod(seed, options.cpus().size())));
        }
        if (faulty(seed)) b.append(" --faults ").append(options.faultRate());
        b.append(" --time-limit ").append(options.timeLimit());
        for (String s : options.settings()) b.append(" --set ").append(s);
        return b.append(' ').append(config).toString();
    }

    /** One seed's run, as the campaign schedules it. */
    private record Job(Path config, long seed, int index, Prog prog, CompletableFuture<Runner.Outcome> outcome) {
    }

    /**
     * Waits for {@code j}, the campaign's {@code runs}th run, records what it found and reports progress; returns the
     * calls it made ({@code before} were made before it).
     */
    private long next(Job j, long runs, long before, Map<String, Finding> bySignature,
            Map<Integer, Integer> occurrences, List<Finding> findings) {
        Runner.Outcome o = finish(j, bySignature, occurrences, findings);
        faults += o.faults();
        listener.progress(new Progress(runs, before + o.calls(), findings.size(), j.config(), j.seed(), o.calls(),
                o.seconds(), o.limited()));
        return o.calls();
    }

    /** Runs the campaign. */
    public Summary run() {
        Map<String, Finding> bySignature = new LinkedHashMap<>();
        Map<Integer, Integer> occurrences = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        long runs = 0;
        long calls = 0;
        Deque<Job> window = new ArrayDeque<>();
        int index = 0;
        try {
            for (Path config : options.configs()) {
                for (int i = 0; i < options.seeds(); i++) {
                    long seed = options.firstSeed() + i;
                    Prog prog = Generator.generate(seed, options.calls());
                    List<String> settings = settings(seed);
                    window.addLast(new Job(config, seed, index++, prog,
                            CompletableFuture.supplyAsync(() -> runner.run(config, settings, prog, false), threads)));
                    while (window.size() >= options.jobs()) {
                        calls += next(window.removeFirst(), ++runs, calls, bySignature, occurrences, findings);
                    }
                }
            }
            while (!window.isEmpty()) {
                calls += next(window.removeFirst(), ++runs, calls, bySignature, occurrences, findings);
            }
        } finally {
            threads.shutdownNow();
        }
        return new Summary(runs, calls, findings, occurrences, faults);
    }

    /** Waits for a job's run, repeats it when its turn comes, and reports what it found. */
    private Runner.Outcome finish(Job j, Map<String, Finding> bySignature, Map<Integer, Integer> occurrences,
            List<Finding> findings) {
        Runner.Outcome o = await(j.outcome());
        Problem problem = o.problem();
        if (problem == null && options.rerunEvery() > 0 && j.index() % options.rerunEvery() == 0) {
            List<String> settings = settings(j.seed());
            Runner.Outcome again = timed(() -> runner.run(j.config(), settings, j.prog(), false));
            if (again.problem() != null) {
                problem = again.problem();
            } else if (!String.valueOf(o.digest()).equals(String.valueOf(again.digest()))) {
                problem = Problem.nondeterministic(o.digest(), again.digest());
            }
        }
        if (problem == null) return o;
        Finding known = bySignature.get(problem.signature());
        if (known != null) {
            occurrences.merge(known.number(), 1, Integer::sum);
            listener.again(known, j.config(), j.seed());
            return o;
        }
        Finding f = report(findings.size() + 1, problem, j);
        bySignature.put(problem.signature(), f);
        occurrences.put(f.number(), 1);
        findings.add(f);
        listener.finding(f);
        return o;
    }

    /** Shrinks a new finding's program and takes the trace of the smallest. */
    private Finding report(int number, Problem problem, Job j) {
        List<String> settings = settings(j.seed());
        Prog small = j.prog();
        boolean shrinkable = problem.kind() != Problem.Kind.NONDETERMINISM && problem.kind() != Problem.Kind.HOST_HANG;
        if (shrinkable && options.shrinkRuns() > 0) {
            small = Shrinker.shrink(j.prog(), p -> {
                Runner.Outcome o = timed(() -> runner.run(j.config(), settings, p, false));
                return o.problem() != null && o.problem().signature().equals(problem.signature());
            }, options.shrinkRuns());
        }
        List<String> trace = List.of();
        if (problem.kind() != Problem.Kind.HOST_HANG) {
            Prog traced = small;
            trace = timed(() -> runner.run(j.config(), settings, traced, true)).trace();
        }
        return new Finding(number, problem, j.config(), j.seed(), settings, j.prog().size(), small, trace,
                reproducer(j.config(), j.seed()));
    }

    /** A run on a thread of its own, given up after the host-time limit (the thread is left to itself). */
    private Runner.Outcome timed(Supplier<Runner.Outcome> run) {
        return await(CompletableFuture.supplyAsync(run, threads));
    }

    private Runner.Outcome await(CompletableFuture<Runner.Outcome> f) {
        try {
            return f.get(options.hostTimeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Runner.Outcome(Problem.hostHang(options.hostTimeoutSeconds()), 0, null, List.of(), 0, false,
                    0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException bad) throw bad;
            return new Runner.Outcome(Problem.of(Problem.Kind.HOST, String.valueOf(c), c), 0, null, List.of(), 0,
                    false, 0);
        }
    }
}
