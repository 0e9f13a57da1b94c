package sprocket.fuzz;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import sprocket.fuzz.prog.FuzzProgram;
import sprocket.fuzz.prog.Journal;
import sprocket.fuzz.prog.Prog;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.KernelPanic;
import sprocket.kernel.RunResult;
import sprocket.kernel.TimeLimitExceeded;

/**
 * One run of a generated program: boots the kernel a configuration and settings describe with /bin/fuzz installed,
 * runs it, and says what went wrong, if anything. A run that ends with the kernel's invariants intact, no host
 * exception in any program and no fuzzer mistake is clean.
 */
final class Runner {
    /** Lines of the system call trace kept for a report: the last ones, where the trouble is. */
    static final int TRACE_LINES = 60;
    /** The panic message of a broken end-of-run invariant (KernelInstance's "after the run: ..."). */
    private static final String AFTER_THE_RUN = "after the run: ";

    private final Catalog catalog;

    Runner(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * How a run ended.
     *
     * @param problem what went wrong, or null for a clean run
     * @param calls calls the fuzzing processes made
     * @param digest the trace digest, or null when the run did not finish
     * @param trace the last lines of the system call trace, when asked for
     * @param seconds simulated seconds the run lasted (0 when it did not finish)
     * @param limited whether the run was ended at kernel.time_limit
     * @param faults allocations fault injection made fail (0 when the run did not finish)
     */
    record Outcome(Problem problem, long calls, String digest, List<String> trace, double seconds, boolean limited,
            long faults) {
    }

    /** Runs {@code prog} on {@code config} with {@code settings}; {@code traced} keeps the end of its strace. */
    Outcome run(Path config, List<String> settings, Prog prog, boolean traced) {
        Journal journal = new Journal();
        Deque<String> lines = new ArrayDeque<>();
        Consumer<String> strace = traced ? line -> keep(lines, line) : null;
        KernelConfig kc;
        try {
            kc = KernelConfig.load(config, settings, catalog);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
        }
        Problem problem = null;
        String digest = null;
        double seconds = 0;
        boolean limited = false;
        long faults = 0;
        try {
            Kernel k = Kernel.boot(kc, catalog.withPrograms(List.of(new FuzzProgram(prog, journal))),
                    new BootOptions(OutputStream.nullOutputStream(), new ByteArrayInputStream(new byte[0]), null,
                            strace));
            RunResult r = k.run(FuzzProgram.NAME, List.of());
            digest = String.valueOf(r.stats().get("trace_digest"));
            seconds = ((Number) r.stats().get("simulated_seconds")).doubleValue();
            limited = Boolean.TRUE.equals(r.stats().get("time_limit_reached"));
            faults = r.stats().counters().getOrDefault("faults_injected", 0L);
        } catch (KernelPanic e) {
            String m = e.getMessage();
            problem = m.startsWith(AFTER_THE_RUN) ? Problem.of(Problem.Kind.LEAK, m.substring(AFTER_THE_RUN.length()), e)
                    : Problem.of(Problem.Kind.PANIC, m, e);
        } catch (TimeLimitExceeded e) {
            problem = Problem.of(Problem.Kind.ENDLESS, e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            problem = Problem.of(Problem.Kind.HOST, e.toString(), e);
        }
        // A panic says more than the exception that led to it; otherwise the first escape is the finding.
        if (problem == null && !journal.escapes().isEmpty()) problem = Problem.escaped(journal.escapes().get(0));
        if (problem == null && !journal.fuzzerBugs().isEmpty()) problem = Problem.fuzzer(journal.fuzzerBugs().get(0));
        return new Outcome(problem, journal.calls(), digest, new ArrayList<>(lines), seconds, limited, faults);
    }

    /** Keeps the last lines of the fuzzing processes' calls (init's, pid 1, and the supervisor's, pid 2, left out). */
    private static void keep(Deque<String> lines, String line) {
        if (line.contains(" [1] ") || line.contains(" [2] ")) return;
        if (lines.size() == TRACE_LINES) lines.removeFirst();
        lines.addLast(line);
    }
}
