package sprocket.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.RunResult;
import sprocket.kernel.RunStats;

/**
 * Times the benchmark programs on the host: each figure is warmed up in the same JVM, then run several times on
 * a freshly booted kernel; the median and the minimum of the wall times are reported (never the mean: one GC
 * pause would move it).
 *
 * <pre>
 * Harness [--config FILE] [--runs R] [--warmup W] [--scale S] [--procs P,P...] [--policies rr,fair]
 *         [--clock wall|cpu] [figure...]
 *   figures: getpid yield fork procs (default: these four), and
 *            touch cowfork (the VM figures, {@link VmFigures}), sched (the scheduler's, {@link SchedFigures}),
 *            pingpong pipeflow shm (the files-and-IPC figures, {@link IpcFigures}),
 *            decide (the scheduler's decisions alone, engine left out, {@link SchedDecision}),
 *            floor (the JVM's coroutine switch alone with N continuations alive, {@link ContinuationFloor})
 *   --procs: the runnable processes of sched's points (default 16,10,100,1000,10000) or decide's
 *            (default 10,100,1000,10000,100000)
 *   --clock:   what a run's time is: wall (System.nanoTime, the default) or cpu, the CPU time of the thread that
 *              runs the simulation (the whole simulation runs on it), which other programs on a busy host disturb
 *              much less; the collector's own threads are not in it
 * </pre>
 */
public final class Harness {
    private final Catalog catalog;
    private final Path config;
    private final int runs;
    private final int warmup;
    private final double scale;
    private final PrintStream out;
    private final PrintStream console;
    /** Whether a run is timed by the simulating thread's CPU time rather than the wall clock. */
    private boolean cpuClock;

    /** {@code out} takes the figures; {@code console} the simulated console of every run (a program's complaints). */
    Harness(Catalog catalog, Path config, int runs, int warmup, double scale, PrintStream out, PrintStream console) {
        this.catalog = catalog;
        this.config = config;
        this.runs = runs;
        this.warmup = warmup;
        this.scale = scale;
        this.out = out;
        this.console = console;
    }

    public static void main(String[] argv) throws ConfigException {
        Path config = Path.of("configs/irix-r2000.conf");
        int runs = 5;
        int warmup = 2;
        double scale = 1.0;
        List<String> figures = new ArrayList<>();
        int[] procs = null;
        List<String> policies = SchedFigures.POLICIES;
        boolean cpu = false;
        Path reference = Path.of("bench/reference-figures.txt");
        boolean record = false;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--config" -> config = Path.of(argv[++i]);
                case "--runs" -> runs = Integer.parseInt(argv[++i]);
                case "--warmup" -> warmup = Integer.parseInt(argv[++i]);
                case "--scale" -> scale = Double.parseDouble(argv[++i]);
                case "--procs" -> procs = Arrays.stream(argv[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--policies" -> policies = List.of(argv[++i].split(","));
                case "--reference" -> reference = Path.of(argv[++i]);
                case "--record" -> record = true;
                case "--clock" -> cpu = switch (argv[++i]) {
                    case "cpu" -> true;
                    case "wall" -> false;
                    default -> throw new IllegalArgumentException("--clock is wall or cpu");
                };
                default -> figures.add(argv[i]);
            }
        }
        if (figures.isEmpty()) figures = List.of("getpid", "yield", "fork", "procs");
        if (figures.contains("check")) {
            Harness h = new Harness(Catalog.discover(List.of()), config, runs, warmup, scale, System.out, System.err);
            h.cpuClock = true;
            System.exit(new RegressionCheck(h, reference, record).run());
        }
        Catalog catalog = Catalog.discover(List.of());
        if (!catalog.problems().isEmpty()) System.err.println("catalog problems: " + catalog.problems());
        Harness h = new Harness(catalog, config, runs, warmup, scale, System.out, System.err);
        h.cpuClock = cpu;
        Runtime rt = Runtime.getRuntime();
        h.out.printf(Locale.ROOT, "# java %s, %d CPUs, max heap %d MiB, coroutines: %s, runs %d, warm-up %d, clock %s%n",
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20,
                Kernel.coroutineKind(), runs, warmup, cpu ? "cpu" : "wall");
        for (String f : figures) {
            switch (f) {
                case "getpid" -> h.nullSyscall();
                case "yield" -> h.contextSwitch();
                case "fork" -> h.forkWait();
                case "procs" -> h.pausedChildren();
                case "touch" -> new VmFigures(h).pageTouch();
                case "cowfork" -> new VmFigures(h).cowFork();
                case "pingpong" -> new IpcFigures(h).pingPong();
                case "pipeflow" -> new IpcFigures(h).pipeFlow();
                case "shm" -> new IpcFigures(h).shmCycle();
                case "sched" -> new SchedFigures(h, policies, procs != null ? procs : SchedFigures.PROCESSES)
                        .switchScaling();
                case "decide" -> new SchedDecision(h, policies, procs != null ? procs : SchedDecision.PROCESSES)
                        .run();
                case "floor" -> new ContinuationFloor(h).run();
                default -> throw new IllegalArgumentException("unknown figure '" + f + "'");
            }
        }
    }

    /** One timed run: boot excluded, the program's run (to the last child reaped) included. */
    record Timed(long nanos, RunResult result) {
    }

    Timed run(List<String> overrides, String program, String... args) throws ConfigException {
        return run(config, overrides, program, args);
    }

    /** A run on the configuration {@code file}; {@code hw.cpus=1} unless {@code overrides} sets it again. */
    Timed run(Path file, List<String> overrides, String program, String... args) throws ConfigException {
        List<String> sets = new ArrayList<>();
        sets.add("hw.cpus=1");
        sets.addAll(overrides);
        KernelConfig cfg = KernelConfig.load(file, sets, catalog);
        Kernel k = Kernel.boot(cfg, catalog, new BootOptions(console, null, null));
        long t0 = now();
        RunResult r = k.run(program, List.of(args));
        long t = now() - t0;
        if (r.exitStatus() != 0) {
            throw new IllegalStateException(program + " " + String.join(" ", args) + " exited " + r.exitStatus());
        }
        return new Timed(t, r);
    }

    /** One program run of a figure: where, with what overrides, which program and arguments. */
    record Job(Path config, List<String> overrides, String program, String... args) {
    }

    /** The wall times of a job's measured runs, and the statistics of its last one. */
    record Series(long[] wall, RunStats stats) {
        long median() {
            return Harness.median(wall);
        }

        long min() {
            return Harness.min(wall);
        }

        /** A named counter of the run: a top-level statistic ({@code forks}) or one of the counters map. */
        long counter(String name) {
            Object top = stats.get(name);
            Long v = top instanceof Long l ? l : stats.counters().get(name);
            return v == null ? 0 : v;
        }
    }

    /**
     * Warms up then measures {@code jobs} in turn, round after round, so that a disturbance of the host (another
     * build, a GC) falls on all of them alike rather than on the one that happened to run at that moment.
     */
    Series[] interleaved(Job... jobs) throws ConfigException {
        for (int i = 0; i < warmup; i++) {
            for (Job j : jobs) run(j.config(), j.overrides(), j.program(), j.args());
        }
        long[][] wall = new long[jobs.length][runs];
        RunStats[] last = new RunStats[jobs.length];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < jobs.length; k++) {
                Timed t = run(jobs[k].config(), jobs[k].overrides(), jobs[k].program(), jobs[k].args());
                wall[k][i] = t.nanos();
                last[k] = t.result().stats();
            }
        }
        Series[] out = new Series[jobs.length];
        for (int k = 0; k < jobs.length; k++) out[k] = new Series(wall[k], last[k]);
        return out;
    }

    /** The clock runs are timed by, in nanoseconds. */
    long now() {
        return cpuClock ? HeapProbe.cpuNanos() : System.nanoTime();
    }

    Path config() {
        return config;
    }

    PrintStream out() {
        return out;
    }

    int runs() {
        return runs;
    }

    int warmup() {
        return warmup;
    }

    long scaled(long n) {
        return Math.max(1, Math.round(n * scale));
    }

    /** Figure 1; returns the median ns per call. */
    double nullSyscall() throws ConfigException {
        long n = scaled(20_000_000);
        String ns = Long.toString(n);
        for (int i = 0; i < warmup; i++) {
            run(List.of(), "bench-getpid", ns);
            run(List.of(), "bench-getpid", "0");
        }
        long[] full = new long[runs];
        long[] empty = new long[runs];
        long syscalls = 0;
        for (int i = 0; i < runs; i++) {
            Timed t = run(List.of(), "bench-getpid", ns);
            full[i] = t.nanos();
            syscalls = (Long) t.result().stats().get("syscalls");
            empty[i] = run(List.of(), "bench-getpid", "0").nanos();
        }
        double med = (median(full) - median(empty)) / (double) n;
        double min = (min(full) - min(empty)) / (double) n;
        out.printf(Locale.ROOT, "getpid  N=%d  run ms median %.1f min %.1f | empty run ms median %.2f min %.2f"
                + " | syscalls counted %d | ns/call median %.1f min %.1f%n", n, median(full) / 1e6,
                min(full) / 1e6, median(empty) / 1e6, min(empty) / 1e6, syscalls, med, min);
        return med;
    }

    /** Figure 2; returns the median ns per switch. */
    double contextSwitch() throws ConfigException {
        long n = scaled(1_000_000);
        String ns = Long.toString(n);
        for (int i = 0; i < warmup; i++) run(List.of(), "bench-yield", ns);
        double[] per = new double[runs];
        long switches = 0;
        long[] wall = new long[runs];
        for (int i = 0; i < runs; i++) {
            Timed t = run(List.of(), "bench-yield", ns);
            switches = (Long) t.result().stats().get("context_switches");
            wall[i] = t.nanos();
            per[i] = t.nanos() / (double) switches;
        }
        Arrays.sort(per);
        out.printf(Locale.ROOT, "yield   N=%d each  run ms median %.1f min %.1f | context_switches %d"
                + " | ns/switch median %.1f min %.1f%n", n, median(wall) / 1e6, min(wall) / 1e6, switches,
                per[per.length / 2], per[0]);
        return per[per.length / 2];
    }

    /** Figure 3; returns the median ns per fork, exit and wait. */
    double forkWait() throws ConfigException {
        return forkWait(scaled(FULL_FORKS));
    }

    /** The iterations of figure 3 at scale 1. */
    static final long FULL_FORKS = 100_000;

    /** Figure 3 with {@code n} iterations a run; returns the median ns per iteration. */
    double forkWait(long n) throws ConfigException {
        String ns = Long.toString(n);
        for (int i = 0; i < warmup; i++) run(List.of(), "bench-fork", ns);
        long[] wall = new long[runs];
        long forks = 0;
        for (int i = 0; i < runs; i++) {
            Timed t = run(List.of(), "bench-fork", ns);
            wall[i] = t.nanos();
            forks = (Long) t.result().stats().get("forks");
        }
        out.printf(Locale.ROOT, "fork    N=%d  run ms median %.1f min %.1f | forks counted %d"
                + " | us/iteration median %.2f min %.2f%n", n, median(wall) / 1e6, min(wall) / 1e6, forks,
                median(wall) / 1e3 / n, min(wall) / 1e3 / n);
        return median(wall) / (double) n;
    }

    /** Figure 4; returns the heap bytes per live process. */
    long pausedChildren() throws ConfigException {
        return pausedChildren(scaled(100_000));
    }

    long pausedChildren(long n) throws ConfigException {
        int maxusers = (int) Math.min(1_000_000, n / 16 + 100);
        List<String> sets = List.of("kernel.maxusers=" + maxusers, "kernel.maxpid=999999");
        Timed t = run(sets, "bench-procs", Long.toString(n));
        long delta = HeapProbe.usedWithChildren - HeapProbe.usedBefore;
        out.printf(Locale.ROOT, "procs   N=%d  live children %d | heap used before %d MiB, with children %d MiB,"
                + " max %d MiB | bytes/process %d | fork phase ms %.1f, CPU ms %.1f, allocated bytes/fork %d"
                + " | whole run ms %.1f%n", n,
                HeapProbe.children, HeapProbe.usedBefore >> 20, HeapProbe.usedWithChildren >> 20,
                HeapProbe.maxHeap >> 20, HeapProbe.children == 0 ? 0 : delta / HeapProbe.children,
                HeapProbe.forkNanos / 1e6, HeapProbe.forkCpuNanos / 1e6,
                HeapProbe.children == 0 ? 0 : HeapProbe.forkAllocated / HeapProbe.children, t.nanos() / 1e6);
        return HeapProbe.children == 0 ? 0 : delta / HeapProbe.children;
    }

    static long median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static long min(long[] xs) {
        long m = Long.MAX_VALUE;
        for (long x : xs) m = Math.min(m, x);
        return m;
    }

}
