package sprocket.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's statistics: a one-screen summary, and the same as one JSON object with stable keys. docs/stats.md lists
 * every key with its unit and the provider that adds it; {@link #SCHEMA_VERSION} changes when a key changes meaning
 * or goes away (keys are added without a change).
 */
public final class RunStats {
    /** The version of the JSON's layout, written first as {@code schema_version}. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();
    /**
     * No localization: the digits, '.' and ',' of {@code Locale.ROOT} (Formatter's rule for a null locale), without
     * loading the JDK's locale data, which cost 15-30 ms of every {@code sprocket run}'s start.
     */
    private static final Locale PLAIN = null;

    private final Map<String, Object> values;

    RunStats(Map<String, Object> kernelValues) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("schema_version", (long) SCHEMA_VERSION);
        all.putAll(kernelValues);
        this.values = Collections.unmodifiableMap(all);
    }

    /**
     * The statistics {@link #toJson} wrote, read back (a sweep's results keep each run's object): the same keys and
     * values, so that {@code fromJson(s.toJson()).toJson()} is {@code s.toJson()}. Malformed JSON, or an object that
     * is not statistics, is an {@link IllegalArgumentException}.
     */
    public static RunStats fromJson(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) parse(p, "");
            values.remove("schema_version");
            if (!(values.get("simulated_cycles") instanceof Long) || !(values.get("clock_hz") instanceof Long)
                    || !(values.get("cpu_busy_cycles") instanceof long[]) || !(values.get("counters") instanceof Map)) {
                throw new IllegalArgumentException("not a run's statistics");
            }
            return new RunStats(values);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed statistics: " + e.getMessage(), e);
        }
    }

    /** The value at the parser's current token; an array under {@code cpu_busy_cycles} as {@code long[]}. */
    private static Object parse(JsonParser p, String key) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, parse(p, name));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(parse(p, ""));
                if (!key.equals("cpu_busy_cycles")) yield items;
                long[] a = new long[items.size()];
                for (int i = 0; i < a.length; i++) a[i] = (Long) items.get(i);
                yield a;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("unexpected " + p.currentToken());
        };
    }

    /** The value under a JSON key ({@code simulated_cycles}, {@code cpu_busy_cycles}...), or null. */
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

    /**
     * The summary for standard error: one figure a line, each line saying what it counts. Lines indented under
     * another break that one down; the per-process figures are sums over the processes that exited, init left out.
     */
    public String summary() {
        Summary s = new Summary();
        long cycles = simulatedCycles();
        String model = (String) values.get("model");
        String memory = (String) values.get("memory_system");
        // A machine whose model does not say what its memory system is gets it said after the model.
        if (memory != null && !model.contains(memory)) model = model + "; " + memory;
        s.text(String.format(PLAIN, "-- %s, %s scheduler, %s kernel lock", model,
                values.get("scheduler"), values.get("kernel_lock")));
        s.row("simulated time", String.format(PLAIN, "%,d cycles (%.6f s)", cycles,
                (Double) values.get("simulated_seconds")));
        if (Boolean.TRUE.equals(values.get("interrupted"))) {
            s.row("interrupted", "the run was stopped before it ended: these figures cover it so far");
        }
        if (values.get("deadlock") instanceof Map<?, ?> d) {
            s.row("deadlock", String.format(PLAIN, "at cycle %,d every process was asleep with nothing pending;"
                    + " the kernel killed them to end the run", (Long) d.get("cycles")));
        }
        long[] busy = (long[]) values.get("cpu_busy_cycles");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < busy.length; i++) {
            b.append(i == 0 ? "" : "  ").append(String.format(PLAIN, "cpu%d %.1f%%", i,
                    cycles == 0 ? 0.0 : 100.0 * busy[i] / cycles));
        }
        s.row("CPU busy", b + " of the simulated time");
        s.row("CPU utilisation", String.format(PLAIN, "%.1f%% of %d CPUs' time",
                100.0 * (Double) values.get("cpu_utilisation"), busy.length));
        s.row("context switches", count("context_switches") + " times a CPU switched to another process");
        List<?> processes = (List<?>) values.get("processes");
        s.row("processes", String.format(PLAIN, "%,d exited (init not counted); of them, summed:",
                processes.size()));
        s.row("  gave up the CPU", count("voluntary_switches") + " times, blocking or yielding (voluntary switches)");
        s.row("  preempted", count("involuntary_switches") + " times (involuntary switches)");
        s.row("  migrated", count("migrations") + " times to another CPU");
        s.row("  mean wait", String.format(PLAIN, "%,d cycles runnable but not running",
                (Long) values.get("mean_wait_cycles")));
        s.row("  mean turnaround", String.format(PLAIN, "%,d cycles from fork to exit",
                (Long) values.get("mean_turnaround_cycles")));
        if (!((Map<?, ?>) values.get("fairness_groups")).isEmpty()) {
            s.row("  fairness", String.format(PLAIN, "%.3f (Jain's index; the least evenly served group of"
                    + " like siblings)", (Double) values.get("jain_fairness")));
        }
        s.row("system calls", count("syscalls"));
        s.row("forks", count("forks"));
        s.row("page faults", count("page_faults"));
        s.row("TLB misses", count("tlb_misses"));
        // What each machine does about a miss, and what the memory manager did: only the counters this run has.
        s.counter("  refilled", "tlb_refills", " by the refill handler (the rest were page faults)");
        s.counter("page walks", "page_walks", " by the MMU: each miss, and each first write through a clean entry");
        s.counter("TLB flushes", "tlb_flushes", " of the whole TLB");
        s.counter("ASID wraps", "asid_wraps", " (every ASID used: TLBs flushed)");
        s.counter("zero-filled pages", "zero_fills", "");
        s.counter("copy-on-write", "cow_copies", " pages copied");
        s.row("IPIs", count("ipis") + " inter-processor interrupts sent");
        s.row("TLB shootdowns", count("shootdowns") + " (each may interrupt several CPUs)");
        memory(s);
        s.row("kernel lock spin", count("kernel_lock_spin_cycles") + " cycles spent waiting for kernel locks");
        Long groups = counters().get("share_groups");
        if (groups != null && groups > 0) {
            // Only runs that made share groups show them: every other run's summary stays as it was.
            s.row("share groups", String.format(PLAIN, "%,d formed, %,d members joined", groups,
                    counters().get("share_members")));
            s.row("  syncs", String.format(PLAIN, "%,d picked up, %,d published, %,d VM updates",
                    counters().get("share_syncs"), counters().get("share_updates"),
                    counters().get("share_vm_updates")));
            s.row("  shaddr lock", String.format(PLAIN, "%,d waits, %,d cycles asleep",
                    counters().get("shaddr_lock_waits"), counters().get("shaddr_lock_wait_cycles")));
            s.row("  shootdowns", String.format(PLAIN, "%,d", counters().get("share_shootdowns")));
        }
        s.row("trace digest", (String) values.get("trace_digest"));
        return s.toString();
    }

    /** The caches and the bus: the totals, and each CPU's share where there is more than one CPU. */
    private void memory(Summary s) {
        List<?> perCpu = (List<?>) values.get("cpu_memory");
        if (perCpu == null || counters().get("cache_hits") == null) return;
        s.row("cache hits", memoryFigure("cache_hits", perCpu, " loads, stores and kernel copies the caches served"));
        s.row("cache misses", memoryFigure("cache_misses", perCpu, " went to memory or another CPU's cache"));
        s.row("  write-backs", memoryFigure("cache_writebacks", perCpu, " dirty lines written back"));
        s.row("  invalidations", memoryFigure("cache_invalidations", perCpu, " lines another CPU's write took away"));
        s.row("  transfers", memoryFigure("cache_transfers", perCpu, " lines another CPU's cache supplied"));
        s.row("bus transactions", memoryFigure("bus_transactions", perCpu, " on the shared bus"));
        s.row("  bus wait", memoryFigure("bus_wait_cycles", perCpu, " cycles waiting while another CPU held it"));
    }

    private String memoryFigure(String key, List<?> perCpu, String meaning) {
        StringBuilder b = new StringBuilder(String.format(PLAIN, "%,d", counters().get(key))).append(meaning);
        if (perCpu.size() > 1) {
            b.append(" (");
            for (int c = 0; c < perCpu.size(); c++) {
                b.append(c == 0 ? "" : ", ").append(String.format(PLAIN, "cpu%d %,d", c,
                        ((Map<?, ?>) perCpu.get(c)).get(key)));
            }
            b.append(')');
        }
        return b.toString();
    }

    /**
     * A figure by its JSON name, at the top level or among the counters; 0 when the run has no such figure (a
     * counter whose event never happened, or one the chosen providers do not keep).
     */
    public long figure(String key) {
        Object v = values.get(key);
        if (v instanceof Long n) return n;
        Long c = counters().get(key);
        return c == null ? 0 : c;
    }

    /** Each CPU's busy cycles, CPU 0 first. */
    public long[] cpuBusyCycles() {
        return ((long[]) values.get("cpu_busy_cycles")).clone();
    }

    /** The machine's clock: cycles per simulated second. */
    public long clockHz() {
        return (Long) values.get("clock_hz");
    }

    private String count(String key) {
        return String.format(PLAIN, "%,d", (Long) values.get(key));
    }

    /** Summary lines: a label column, then the figure and what it counts. */
    private final class Summary {
        private final StringBuilder b = new StringBuilder();

        void text(String line) {
            b.append(line).append('\n');
        }

        void row(String label, String value) {
            b.append(String.format(PLAIN, "%-19s %s%n", label, value));
        }

        void counter(String label, String key, String meaning) {
            Long v = counters().get(key);
            if (v != null) row(label, String.format(PLAIN, "%,d", v) + meaning);
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    /** The statistics as one JSON object, {@code "key": value} a line at the top level; ends with a newline. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            value(g, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.append('\n').toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Long n -> g.writeNumber(n);
            case Integer n -> g.writeNumber(n);
            case Double d -> g.writeNumber(d);
            case Boolean z -> g.writeBoolean(z);
            case long[] a -> g.writeArray(a, 0, a.length);
            case List<?> list -> {
                g.writeStartArray();
                for (Object o : list) value(g, o);
                g.writeEndArray();
            }
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            default -> throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }
}
