package sprocket.kernel.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scheduler did to each process, kept as each one exits: wait and turnaround time, voluntary and
 * involuntary switches, migrations, and from them Jain's fairness index for groups of competing equal processes.
 */
public final class SchedMetrics {
    /** One exited process. */
    public record Entry(int pid, int ppid, String command, int nice, long turnaround, long runtime, long waitCycles,
            long voluntary, long involuntary, long migrations) {
        /** The share of one CPU the process had while it existed. */
        double share() {
            return turnaround == 0 ? 0 : (double) runtime / turnaround;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Records {@code t}, exiting now on its CPU: its last slice is still running, so it is counted here. */
    void exited(Kthread t, int ppid, long now) {
        long runtime = t.runtime + (t.cpu != null ? now - t.sliceStart : 0);
        entries.add(new Entry(t.pid(), ppid, t.command(), t.nice, now - t.startTime, runtime, t.waitTime, t.nvcsw,
                t.nivcsw, t.migrations));
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Jain's index, (sum x)^2 / (n * sum x^2), over the CPU share each process had, for every group of two or more
     * siblings running the same program at the same nice value: 1 when they were treated alike, 1/n at worst.
     * Keyed "command (nice N, parent P)", in order.
     */
    public Map<String, Double> fairness() {
        Map<String, List<Entry>> groups = new TreeMap<>();
        for (Entry e : entries) {
            groups.computeIfAbsent(e.command + " (nice " + e.nice + ", parent " + e.ppid + ")", k -> new ArrayList<>())
                    .add(e);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        groups.forEach((k, g) -> {
            if (g.size() < 2) return;
            double sum = 0;
            double squares = 0;
            for (Entry e : g) {
                sum += e.share();
                squares += e.share() * e.share();
            }
            out.put(k, squares == 0 ? 1.0 : sum * sum / (g.size() * squares));
        });
        return out;
    }
}
