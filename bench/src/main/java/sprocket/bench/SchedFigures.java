package sprocket.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sprocket.bench.Harness.Job;
import sprocket.bench.Harness.Series;
import sprocket.kernel.ConfigException;

/**
 * The scheduler figure: host cost per context switch with P CPU-bound processes runnable (bench-spin), for the
 * round-robin and the fair policy, against the same cost with 2 processes on one CPU. Each point is
 * (wall(work) - wall(no work)) / (switches(work) - switches(no work)), so forking and reaping the P processes
 * cancel out; the clock ticks every 1,667 cycles (kernel.hz=10000 at 16.67 MHz) and a slice is one tick, so
 * nearly every tick of a CPU with a queue is a switch.
 */
final class SchedFigures {
    /** Total work of all the processes of a point, in cycles: about 1,000,000 ticks of 1,667 cycles. */
    static final long WORK = 1_667_000_000L;
    static final int CPUS = 8;
    /** Runnable processes of the points on 8 CPUs: 16 is two a CPU, the same-machine base of the others. */
    static final int[] PROCESSES = {16, 10, 100, 1_000, 10_000};
    static final List<String> POLICIES = List.of("rr", "fair");

    private final Harness h;
    private final List<String> policies;
    private final int[] processes;

    SchedFigures(Harness h, List<String> policies, int[] processes) {
        this.h = h;
        this.policies = policies;
        this.processes = processes.clone();
    }

    static List<String> overrides(String policy, int cpus) {
        List<String> sets = new ArrayList<>(List.of("hw.cpus=" + cpus, "kernel.hz=10000", "kernel.maxusers=10000",
                "kernel.maxpid=199999", "sched=" + policy));
        sets.add(policy.equals("rr") ? "sched.slice=1" : "sched.fair.granularity=1");
        return sets;
    }

    void switchScaling() throws ConfigException {
        long work = h.scaled(WORK);
        for (String policy : policies) {
            double base = point(policy, 1, 2, work, Double.NaN);
            for (int p : processes) point(policy, CPUS, p, work, base);
        }
    }

    /** Measures one point and prints it; returns its median ns per switch. */
    double point(String policy, int cpus, int procs, long work, double base) throws ConfigException {
        List<String> sets = overrides(policy, cpus);
        String p = Integer.toString(procs);
        Series[] s = h.interleaved(new Job(h.config(), sets, "bench-spin", p, Long.toString(work)),
                new Job(h.config(), sets, "bench-spin", p, "0"));
        long switches = s[0].counter("context_switches") - s[1].counter("context_switches");
        double med = (s[0].median() - s[1].median()) / (double) switches;
        double min = (s[0].min() - s[1].min()) / (double) switches;
        // Cycles the CPUs spent on anything but the processes' work (ticks, switches, idle), per switch.
        long elapsed = s[0].stats().simulatedCycles() - s[1].stats().simulatedCycles();
        double simPer = (elapsed * (double) cpus - work) / switches;
        h.out().printf(Locale.ROOT, "sched   %-4s cpus=%d P=%-5d run ms median %.1f min %.1f | empty ms median %.1f"
                + " | switches %d | ns/switch median %.1f min %.1f | over 2-process base %s | sim cycles/switch"
                + " not user work %.0f%n", policy, cpus, procs, s[0].median() / 1e6, s[0].min() / 1e6,
                s[1].median() / 1e6, switches, med, min,
                Double.isNaN(base) ? "(base)" : String.format(Locale.ROOT, "%+.1f ns", med - base), simPer);
        return med;
    }
}
