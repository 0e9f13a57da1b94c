package sprocket.kernel.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's event trace. Every scheduling event feeds a 64-bit digest, so two runs can be compared byte for byte
 * cheaply; when a trace file is asked for, slices and instants are also kept and written as Chrome/Perfetto JSON
 * (one track per CPU, a slice per stretch a process runs, instants for interrupts).
 */
public final class Trace {
    /** Event kinds, fed to the digest with their details. */
    public static final int DISPATCH = 1;
    public static final int STOP = 2;
    public static final int IRQ = 3;
    public static final int WAKE = 4;
    public static final int FORK = 5;
    public static final int EXIT = 6;
    public static final int SIGNAL = 7;
    public static final int EXEC = 8;
    private static final JsonFactory JSON = new JsonFactory();

    private long digest = 0xcbf29ce484222325L;
    private long events;
    private final boolean keep;
    private final List<long[]> slices = new ArrayList<>();
    private final List<String> sliceNames = new ArrayList<>();
    private final List<long[]> instants = new ArrayList<>();
    private final List<String> instantNames = new ArrayList<>();
    /** Marks on the whole run (a deadlock, an interruption): time, and the text. */
    private final List<Long> markTimes = new ArrayList<>();
    private final List<String> marks = new ArrayList<>();
    /** Counter samples: time, value; one track, the number of runnable processes waiting for a CPU. */
    private final List<long[]> runnable = new ArrayList<>();

    public Trace(boolean keep) {
        this.keep = keep;
    }

    /** Records event {@code kind} at {@code time} on {@code cpu} about {@code pid} with one detail value. */
    public void event(int kind, long time, int cpu, int pid, long detail) {
        events++;
        // The kind, the CPU and the pid share a word, so an event is three dependent multiplies, not five.
        long who = (long) pid << 32 | (cpu & 0xffffL) << 16 | (kind & 0xffffL);
        digest = mix(mix(mix(digest, who), time), detail);
    }

    /** A process ran on {@code cpu} from {@code start} to {@code end}. */
    public void slice(int cpu, long start, long end, int pid, String command) {
        if (keep && end > start) {
            slices.add(new long[] {cpu, start, end, pid});
            sliceNames.add(command);
        }
    }

    /** An interrupt or other instant on {@code cpu}. */
    public void instant(int cpu, long time, String name) {
        if (keep) {
            instants.add(new long[] {cpu, time});
            instantNames.add(name);
        }
    }

    /** Something that happened to the whole run at {@code time}, such as a deadlock or an interruption. */
    public void mark(long time, String text) {
        if (keep) {
            markTimes.add(time);
            marks.add(text);
        }
    }

    /** The number of processes waiting in the scheduler's custody changed to {@code value} at {@code time}. */
    public void runnable(long time, int value) {
        if (keep) runnable.add(new long[] {time, value});
    }

    public boolean keeping() {
        return keep;
    }

    public long digest() {
        return digest;
    }

    public long events() {
        return events;
    }

    /**
     * Folds {@code v} into {@code h}: the multiply carries every bit of the word upward and the shift brings the high
     * half back down. A word at a time: FNV-1a's byte at a time was 40 dependent multiplies an event, a fifth of a
     * context switch's host time.
     */
    private static long mix(long h, long v) {
        h = (h ^ v) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    /**
     * Writes the kept slices and instants as Chrome trace JSON. Every time is first turned into whole nanoseconds
     * by one monotonic function of the cycle count, and a slice's duration is the difference of its ends' nanoseconds,
     * so slices that do not overlap in cycles do not overlap in the file either (rounding start and duration apart
     * made neighbours overlap by a nanosecond, and Perfetto drops such slices). The format counts in microseconds,
     * so each value is written as exact nanoseconds with three decimals, which Perfetto reads back exactly.
     */
    public void write(Path file, int cpus, long clockHz, String machine) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            g.setPrettyPrinter(new EventPerLine());
            g.writeStartObject();
            g.writeArrayFieldStart("traceEvents");
            metadata(g, "process_name", 0, machine);
            for (int c = 0; c < cpus; c++) metadata(g, "thread_name", c, "cpu " + c);
            for (int i = 0; i < slices.size(); i++) {
                long[] s = slices.get(i);
                long start = nanos(s[1], clockHz);
                event(g, sliceNames.get(i) + " [" + s[3] + "]", "run", "X", (int) s[0], start);
                g.writeFieldName("dur");
                g.writeNumber(micros(nanos(s[2], clockHz) - start));
                g.writeObjectFieldStart("args");
                g.writeNumberField("pid", s[3]);
                g.writeEndObject();
                g.writeEndObject();
            }
            for (int i = 0; i < instants.size(); i++) {
                long[] s = instants.get(i);
                event(g, instantNames.get(i), "irq", "i", (int) s[0], nanos(s[1], clockHz));
                g.writeStringField("s", "t");
                g.writeEndObject();
            }
            for (int i = 0; i < marks.size(); i++) {
                // A global instant: a line across every track, and the event's own line in the file.
                event(g, marks.get(i), "run", "i", 0, nanos(markTimes.get(i), clockHz));
                g.writeStringField("s", "g");
                g.writeEndObject();
            }
            for (long[] c : runnable) {
                event(g, "runnable", "sched", "C", 0, nanos(c[0], clockHz));
                g.writeObjectFieldStart("args");
                g.writeNumberField("waiting", c[1]);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void metadata(JsonGenerator g, String name, int tid, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", 0);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField("name", value);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Opens an event object and writes its common fields; the caller adds its own and closes it. */
    private static void event(JsonGenerator g, String name, String cat, String ph, int tid, long nanos)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("cat", cat);
        g.writeStringField("ph", ph);
        g.writeNumberField("pid", 0);
        g.writeNumberField("tid", tid);
        g.writeFieldName("ts");
        g.writeNumber(micros(nanos));
    }

    /** Whole nanoseconds at {@code cycles}, rounded down; split so that the product cannot overflow. */
    static long nanos(long cycles, long clockHz) {
        return cycles / clockHz * 1_000_000_000L + cycles % clockHz * 1_000_000_000L / clockHz;
    }

    /** {@code nanos} as microseconds with exactly three decimals: "82.543". */
    static String micros(long nanos) {
        long frac = nanos % 1000;
        return nanos / 1000 + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
    }

    /** One event a line, so the file reads and diffs line by line; the only array is traceEvents. */
    private static final class EventPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw("\n]");
        }
    }
}
