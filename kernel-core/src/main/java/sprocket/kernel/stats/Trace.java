package sprocket.kernel.stats;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private long digest = 0xcbf29ce484222325L;
    private long events;
    private final boolean keep;
    private final List<long[]> slices = new ArrayList<>();
    private final List<String> sliceNames = new ArrayList<>();
    private final List<long[]> instants = new ArrayList<>();
    private final List<String> instantNames = new ArrayList<>();
    /** Counter samples: time, value; one track, the number of runnable processes waiting for a CPU. */
    private final List<long[]> runnable = new ArrayList<>();

    public Trace(boolean keep) {
        this.keep = keep;
    }

    /** Records event {@code kind} at {@code time} on {@code cpu} about {@code pid} with one detail value. */
    public void event(int kind, long time, int cpu, int pid, long detail) {
        events++;
        digest = mix(mix(mix(mix(mix(digest, kind), time), cpu), pid), detail);
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

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h ^= (v >>> (i * 8)) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Writes the kept slices and instants as Chrome trace JSON; times in microseconds of simulated time. */
    public void write(Path file, int cpus, long clockHz, String machine) throws IOException {
        double usPerCycle = 1_000_000.0 / clockHz;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"traceEvents\":[\n");
            w.write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,\"tid\":0,\"args\":{\"name\":\""
                    + Json.escape(machine) + "\"}}");
            for (int c = 0; c < cpus; c++) {
                w.write(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":0,\"tid\":" + c
                        + ",\"args\":{\"name\":\"cpu " + c + "\"}}");
            }
            for (int i = 0; i < slices.size(); i++) {
                long[] s = slices.get(i);
                w.write(",\n{\"name\":\"" + Json.escape(sliceNames.get(i)) + " [" + s[3]
                        + "]\",\"cat\":\"run\",\"ph\":\"X\",\"pid\":0,\"tid\":" + s[0] + ",\"ts\":"
                        + fmt(s[1] * usPerCycle) + ",\"dur\":" + fmt((s[2] - s[1]) * usPerCycle)
                        + ",\"args\":{\"pid\":" + s[3] + "}}");
            }
            for (int i = 0; i < instants.size(); i++) {
                long[] s = instants.get(i);
                w.write(",\n{\"name\":\"" + Json.escape(instantNames.get(i))
                        + "\",\"cat\":\"irq\",\"ph\":\"i\",\"s\":\"t\",\"pid\":0,\"tid\":" + s[0] + ",\"ts\":"
                        + fmt(s[1] * usPerCycle) + "}");
            }
            for (long[] c : runnable) {
                w.write(",\n{\"name\":\"runnable\",\"cat\":\"sched\",\"ph\":\"C\",\"pid\":0,\"tid\":0,\"ts\":"
                        + fmt(c[0] * usPerCycle) + ",\"args\":{\"waiting\":" + c[1] + "}}");
            }
            w.write("\n]}\n");
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
