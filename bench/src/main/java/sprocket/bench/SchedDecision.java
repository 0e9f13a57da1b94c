package sprocket.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import sprocket.api.ApiVersion;
import sprocket.api.sched.SchedulerProvider;

/**
 * The scheduler decision figure: host nanoseconds a policy's callbacks take per context switch, with P processes
 * runnable on 8 CPUs, the engine left out ({@link DecisionDriver} plays the kernel's part). The policies are the
 * ones the kernel would load, found by {@code ServiceLoader}. All P points of a policy are built first, warmed
 * up, then measured in turn, run after run, so a disturbance of the host falls on every point alike; each run
 * is {@code TURNS} clock ticks timed with {@code System.nanoTime}, and the median and minimum over runs of
 * ns / switch are reported.
 */
final class SchedDecision {
    static final int CPUS = 8;
    /** kernel.hz=10000 at the R2000's 16.67 MHz, as figure 9: a tick every 1,667 cycles. */
    static final long CYCLES_PER_TICK = 1_667;
    static final int[] PROCESSES = {10, 100, 1_000, 10_000, 100_000};
    /** Clock ticks per measured run (times --scale): about 0.1-0.3 s of host time at the costs measured. */
    static final long TURNS = 2_000_000;

    private final Harness h;
    private final List<String> policies;
    private final int[] processes;

    SchedDecision(Harness h, List<String> policies, int[] processes) {
        this.h = h;
        this.policies = policies;
        this.processes = processes.clone();
    }

    /** Figure 9's settings: a slice of one tick, so every tick of a CPU with a queue ends a slice. */
    static Map<String, String> overrides(String policy) {
        Map<String, String> sets = new LinkedHashMap<>();
        if (policy.equals("rr")) sets.put("sched.slice", "1");
        if (policy.equals("fair")) sets.put("sched.fair.granularity", "1");
        return sets;
    }

    /** The provider named {@code name}, found as the kernel's catalog finds it; its API version checked. */
    static SchedulerProvider provider(String name) {
        List<String> seen = new ArrayList<>();
        for (ServiceLoader.Provider<SchedulerProvider> candidate : ServiceLoader.load(SchedulerProvider.class)
                .stream().toList()) {
            SchedulerProvider p;
            try {
                p = candidate.get();
            } catch (ServiceConfigurationError e) {
                seen.add(candidate.type().getName() + " (failed to load: " + e.getMessage() + ")");
                continue;
            }
            seen.add(p.name());
            if (!p.name().equals(name)) continue;
            if (!ApiVersion.compatible(p.apiVersion())) {
                throw new IllegalStateException("scheduler " + name + " was built for API " + p.apiVersion()
                        + ", this is " + ApiVersion.CURRENT);
            }
            return p;
        }
        throw new IllegalArgumentException("no scheduler named '" + name + "'; found: " + seen);
    }

    static DecisionDriver driver(String policy, int processes) {
        SchedulerProvider p = provider(policy);
        DecisionSettings settings = new DecisionSettings(p.tunables(), overrides(policy), 1);
        DecisionDriver d = new DecisionDriver(p, settings, CPUS, CYCLES_PER_TICK, processes);
        d.start();
        return d;
    }

    void run() {
        long turns = h.scaled(TURNS);
        for (String policy : policies) {
            DecisionDriver[] drivers = new DecisionDriver[processes.length];
            for (int k = 0; k < processes.length; k++) drivers[k] = driver(policy, processes[k]);
            for (int i = 0; i < h.warmup(); i++) {
                for (DecisionDriver d : drivers) d.turns(turns);
            }
            int runs = h.runs();
            double[][] perSwitch = new double[processes.length][runs];
            double[][] perTick = new double[processes.length][runs];
            long[] switches = new long[processes.length];
            long[] reads = new long[processes.length];
            for (int k = 0; k < processes.length; k++) reads[k] = -drivers[k].affinityReads();
            for (int i = 0; i < runs; i++) {
                for (int k = 0; k < processes.length; k++) {
                    DecisionDriver d = drivers[k];
                    long s0 = d.switches;
                    long t0 = System.nanoTime();
                    d.turns(turns);
                    long wall = System.nanoTime() - t0;
                    switches[k] = d.switches - s0;
                    perSwitch[k][i] = switches[k] == 0 ? Double.NaN : wall / (double) switches[k];
                    perTick[k][i] = wall / (double) turns;
                }
            }
            double[] medians = new double[processes.length];
            for (int k = 0; k < processes.length; k++) {
                medians[k] = median(perSwitch[k]);
                double readsPerTick = (reads[k] + drivers[k].affinityReads()) / (double) (turns * runs);
                print(policy, processes[k], turns, switches[k], perSwitch[k], perTick[k], readsPerTick, drivers[k]);
            }
            growth(policy, medians);
        }
    }

    private void print(String policy, int p, long turns, long switches, double[] perSwitch, double[] perTick,
            double readsPerTick, DecisionDriver d) {
        StringBuilder counters = new StringBuilder();
        for (Map.Entry<String, DecisionCounter> c : d.context.counters().entrySet()) {
            counters.append(' ').append(c.getKey()).append('=').append(c.getValue().get());
        }
        h.out().printf(Locale.ROOT, "decide  %-4s cpus=%d P=%-6d ticks/run %d switches/run %d (%.3f a tick)"
                + " | ns/switch median %.1f min %.1f | ns/tick median %.1f | runs %s | task affinity reads/tick %.2f"
                + " | since start: resched asks %d,%s | pick sum %d%n", policy, CPUS, p, turns, switches,
                switches / (double) turns, median(perSwitch), min(perSwitch), median(perTick), runs(perSwitch),
                readsPerTick, d.context.reschedRequests, counters, d.pickSum);
    }

    /** The growth between the P points: ratios of neighbours and the step per point, as log growth is judged. */
    private void growth(String policy, double[] medians) {
        if (medians.length < 2) return;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "decide  %-4s growth:", policy));
        for (int k = 1; k < processes.length; k++) {
            line.append(String.format(Locale.ROOT, " P=%d/P=%d x%.2f (%+.1f ns);", processes[k], processes[k - 1],
                    medians[k] / medians[k - 1], medians[k] - medians[k - 1]));
        }
        h.out().println(line);
    }

    private static String runs(double[] xs) {
        StringBuilder b = new StringBuilder();
        for (double x : xs) b.append(b.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.0f", x));
        return b.toString();
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] xs) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : xs) m = Math.min(m, x);
        return m;
    }
}
