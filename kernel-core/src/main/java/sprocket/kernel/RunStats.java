package sprocket.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A run's statistics: a one-screen summary, and the same as one JSON object with stable keys. */
public final class RunStats {
    private final Map<String, Object> values;

    RunStats(Map<String, Object> values) {
        this.values = values;
    }

    /** The value under a JSON key ({@code simulated_cycles}, {@code cpus}...), or null. */
    public Object get(String key) {
        return values.get(key);
    }

    public long simulatedCycles() {
        return (Long) values.get("simulated_cycles");
    }

    /** The counters map: every named counter of the run. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> counters() {
        return (Map<String, Long>) values.get("counters");
    }

    public String summary() {
        StringBuilder b = new StringBuilder();
        long cycles = simulatedCycles();
        b.append(String.format(Locale.ROOT, "-- %s, %s scheduler, %s kernel lock%n", values.get("model"),
                values.get("scheduler"), values.get("kernel_lock")));
        b.append(String.format(Locale.ROOT, "simulated time      %,d cycles (%.6f s)%n", cycles,
                (Double) values.get("simulated_seconds")));
        long[] cpus = (long[]) values.get("cpus");
        b.append("cpu busy           ");
        for (int i = 0; i < cpus.length; i++) {
            b.append(String.format(Locale.ROOT, " cpu%d %5.1f%%", i, cycles == 0 ? 0.0 : 100.0 * cpus[i] / cycles));
        }
        b.append('\n');
        line(b, "context switches", "context_switches");
        b.append(String.format(Locale.ROOT, "%-19s %,d voluntary, %,d involuntary, %,d migrations%n", "",
                (Long) values.get("voluntary_switches"), (Long) values.get("involuntary_switches"),
                (Long) values.get("migrations")));
        b.append(String.format(Locale.ROOT, "%-19s %.1f%% of %d CPUs; mean wait %,d cycles, mean turnaround %,d%n",
                "utilisation", 100.0 * (Double) values.get("cpu_utilisation"), cpus.length,
                (Long) values.get("mean_wait_cycles"), (Long) values.get("mean_turnaround_cycles")));
        if (!((Map<?, ?>) values.get("fairness_groups")).isEmpty()) {
            b.append(String.format(Locale.ROOT, "%-19s %.3f (Jain's index, worst group of equal processes)%n",
                    "fairness", (Double) values.get("jain_fairness")));
        }
        line(b, "system calls", "syscalls");
        line(b, "forks", "forks");
        line(b, "page faults", "page_faults");
        line(b, "TLB misses", "tlb_misses");
        // What each machine does about a miss, and what the memory manager did: only the counters this run has.
        counter(b, "  TLB refills", "tlb_refills");
        counter(b, "  page walks", "page_walks");
        counter(b, "  TLB flushes", "tlb_flushes");
        counter(b, "  ASID wraps", "asid_wraps");
        counter(b, "zero fills", "zero_fills");
        counter(b, "copy-on-write", "cow_copies");
        line(b, "IPIs", "ipis");
        line(b, "TLB shootdowns", "shootdowns");
        line(b, "lock spin cycles", "kernel_lock_spin_cycles");
        Long groups = counters().get("share_groups");
        if (groups != null && groups > 0) {
            // Only runs that made share groups show them: every other run's summary stays as it was.
            b.append(String.format(Locale.ROOT, "%-19s %,d formed, %,d members joined%n", "share groups", groups,
                    counters().get("share_members")));
            b.append(String.format(Locale.ROOT, "%-19s %,d picked up, %,d published, %,d VM updates%n",
                    "  syncs", counters().get("share_syncs"), counters().get("share_updates"),
                    counters().get("share_vm_updates")));
            b.append(String.format(Locale.ROOT, "%-19s %,d waits, %,d cycles asleep%n", "  shaddr lock",
                    counters().get("shaddr_lock_waits"), counters().get("shaddr_lock_wait_cycles")));
            b.append(String.format(Locale.ROOT, "%-19s %,d%n", "  shootdowns", counters().get("share_shootdowns")));
        }
        b.append(String.format(Locale.ROOT, "%-19s %s%n", "trace digest", values.get("trace_digest")));
        return b.toString();
    }

    private void counter(StringBuilder b, String label, String key) {
        Long v = counters().get(key);
        if (v != null) b.append(String.format(Locale.ROOT, "%-19s %,d%n", label, v));
    }

    private void line(StringBuilder b, String label, String key) {
        b.append(String.format(Locale.ROOT, "%-19s %,d%n", label, (Long) values.get(key)));
    }

    public String toJson() {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!first) b.append(',');
            first = false;
            b.append("\n  \"").append(e.getKey()).append("\": ");
            value(b, e.getValue());
        }
        return b.append("\n}\n").toString();
    }

    private static void value(StringBuilder b, Object v) {
        if (v instanceof String s) {
            b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof long[] a) {
            b.append('[');
            for (int i = 0; i < a.length; i++) b.append(i == 0 ? "" : ", ").append(a[i]);
            b.append(']');
        } else if (v instanceof Double d) {
            b.append(String.format(Locale.ROOT, "%.9f", d));
        } else if (v instanceof java.util.List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) b.append(",\n    ");
                value(b, list.get(i));
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ", ").append('"').append(e.getKey()).append("\": ");
                value(b, e.getValue());
                first = false;
            }
            b.append('}');
        } else {
            b.append(v);
        }
    }
}
