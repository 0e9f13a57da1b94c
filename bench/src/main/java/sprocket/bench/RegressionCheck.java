package sprocket.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sprocket.kernel.ConfigException;

/**
 * The regression guard (bench/run.sh --check): measures a fixed set of figures and, in the same JVM, a fixed
 * reference workload that runs no simulation, and compares each figure's ratio to the reference with the ratio
 * recorded in bench/reference-figures.txt. The host's speed (another build on the machine, a slower CPU) moves the
 * figure and the reference alike and cancels out of the ratio; a figure more than 20 % worse than recorded fails the
 * check. Runs are timed by the simulating thread's CPU time. Heap per process is compared as bytes, not as a ratio.
 */
final class RegressionCheck {
    /** How much worse than recorded a figure may be before the check fails. */
    static final double TOLERANCE = 1.20;
    /** Live processes of the heap figure: enough that the fixed part of the heap is noise. */
    static final long PROCESSES = 20_000;

    private final Harness h;
    private final Path file;
    private final boolean record;

    RegressionCheck(Harness h, Path file, boolean record) {
        this.h = h;
        this.file = file;
        this.record = record;
    }

    /** Measures, compares (or records), prints; returns the exit status: 0, or 1 when a figure is too much worse. */
    int run() throws ConfigException {
        double ref1 = reference();
        Map<String, Double> timed = new LinkedHashMap<>();
        timed.put("getpid_ns", h.nullSyscall());
        timed.put("yield_ns", h.contextSwitch());
        // At the check's quarter size a fork or shm run is under 50 ms, the JIT's warm-up and one collection as much
        // as the work (the same build read 3-44% over its record on fork, and a build with more code to compile 45%
        // worse on shm, and the same at full size), so these two run at full size.
        timed.put("fork_ns", h.forkWait(Math.max(h.scaled(Harness.FULL_FORKS), Harness.FULL_FORKS)));
        timed.put("shm_ns", new IpcFigures(h).shmCycle(Math.max(h.scaled(IpcFigures.FULL_SHM_CYCLES),
                IpcFigures.FULL_SHM_CYCLES)));
        timed.put("pingpong_ns", new IpcFigures(h).pingPong());
        SchedFigures sched = new SchedFigures(h, List.of("rr"), new int[0]);
        long work = h.scaled(SchedFigures.WORK / 4);
        timed.put("switch_rr_p2_ns", sched.point("rr", 1, 2, work, Double.NaN));
        timed.put("switch_rr_p10000_ns", sched.point("rr", SchedFigures.CPUS, 10_000, work, Double.NaN));
        double ref2 = reference();
        double ref = (ref1 + ref2) / 2;
        long bytes = h.pausedChildren(PROCESSES);

        Map<String, Double> now = new LinkedHashMap<>();
        timed.forEach((k, v) -> now.put(k, v / ref));
        now.put("bytes_per_process", (double) bytes);
        h.out().printf(Locale.ROOT, "# reference workload ns median %.0f (start %.0f, end %.0f)%n", ref, ref1, ref2);
        if (record) {
            write(file, now, ref);
            h.out().println("# recorded in " + file);
            return 0;
        }
        return compare(now, read(file), h.out()) > 0 ? 1 : 0;
    }

    /**
     * Prints each figure of {@code now} against {@code was} (lower is better for every figure); returns how many are
     * worse than recorded by more than the tolerance. A figure not recorded is reported, not counted.
     */
    static int compare(Map<String, Double> now, Map<String, Double> was, PrintStream out) {
        int worse = 0;
        out.printf(Locale.ROOT, "%-22s %14s %14s %9s  %s%n", "figure", "now", "recorded", "change", "verdict");
        for (Map.Entry<String, Double> e : now.entrySet()) {
            Double before = was.get(e.getKey());
            String verdict;
            double change = before == null ? Double.NaN : e.getValue() / before;
            if (before == null) {
                verdict = "not recorded";
            } else if (change > TOLERANCE) {
                verdict = "WORSE by more than " + Math.round((TOLERANCE - 1) * 100) + " %";
                worse++;
            } else {
                verdict = "ok";
            }
            out.printf(Locale.ROOT, "%-22s %14.6g %14s %+8.1f%%  %s%n", e.getKey(), e.getValue(),
                    before == null ? "-" : String.format(Locale.ROOT, "%.6g", before), (change - 1) * 100, verdict);
        }
        if (worse > 0) out.println("# " + worse + " figure(s) regressed beyond the tolerance");
        return worse;
    }

    /**
     * The reference workload, in ns of CPU time (median of the harness's runs): a pseudo-random walk that reads and
     * writes an int array of 4 MiB (beyond the L2 caches, as a large simulation's process structures are) with a
     * little arithmetic per step; it allocates nothing and does the same work every time.
     */
    double reference() {
        int[] a = new int[1 << 20];
        long[] t = new long[Math.max(3, h.runs())];
        long sink = 0;
        for (int i = -h.warmup(); i < t.length; i++) {
            long t0 = h.now();
            sink += walk(a, 20_000_000);
            if (i >= 0) t[i] = h.now() - t0;
        }
        if (sink == 42) h.out().println("#"); // keeps the walk from being proved dead
        Arrays.sort(t);
        return t[t.length / 2];
    }

    private static long walk(int[] a, int steps) {
        int mask = a.length - 1;
        long x = 88172645463325252L;
        long sum = 0;
        for (int i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            int j = (int) x & mask;
            a[j] += i;
            sum += a[(j * 31) & mask];
        }
        return sum;
    }

    /** The figures recorded in {@code file}: a name and a number a line; # starts a comment. */
    static Map<String, Double> read(Path file) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] f = l.split("\\s+");
                out.put(f[0], Double.parseDouble(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded figures in " + file
                    + " (bench/run.sh --check --record writes them)", e);
        }
        return out;
    }

    /** Records {@code figures} in {@code file}, in the form {@link #read(Path)} reads. */
    static void write(Path file, Map<String, Double> figures, double ref) {
        List<String> lines = new ArrayList<>();
        lines.add("# Recorded by bench/run.sh --check --record: each *_ns figure's median divided by the reference");
        lines.add("# workload's (RegressionCheck.reference, measured in the same JVM), and heap bytes per live process.");
        lines.add(String.format(Locale.ROOT, "# java %s, %d CPUs; reference workload %.0f ns CPU time when recorded.",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), ref));
        figures.forEach((k, v) -> lines.add(String.format(Locale.ROOT, "%-22s %.6g", k, v)));
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
