package sprocket.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import sprocket.bench.Harness.Job;
import sprocket.bench.Harness.Series;
import sprocket.kernel.ConfigException;

/**
 * The files-and-IPC figures: a one-byte pipe round trip between two processes (bench-pingpong), sustained pipe
 * throughput in 64 KiB writes (bench-pipeflow, program buffers and buffers in simulated memory), and a
 * shmget + shmat + shmdt + shmctl(IPC_RMID) cycle (bench-shm). Each is the difference of two runs that differ
 * only in the work counted, so boot, fork and reaping cancel; the simulated figure is the same difference of
 * {@code simulated_cycles}.
 */
final class IpcFigures {
    /** The write (and read buffer) size of the throughput figure. */
    static final long CHUNK_KIB = 64;
    /** The segment size of the shared-memory figure: one page. */
    static final long SHM_KIB = 4;

    private final Harness h;

    IpcFigures(Harness h) {
        this.h = h;
    }

    /** Figure 10; returns the median ns per round trip. */
    double pingPong() throws ConfigException {
        long n = h.scaled(200_000);
        Path m = h.config();
        Series[] s = h.interleaved(new Job(m, List.of(), "bench-pingpong", Long.toString(n)),
                new Job(m, List.of(), "bench-pingpong", "0"));
        long switches = s[0].counter("context_switches") - s[1].counter("context_switches");
        long syscalls = s[0].counter("syscalls") - s[1].counter("syscalls");
        h.out().printf(Locale.ROOT, "pingpong %-18s N=%d  run ms median %.1f min %.1f | empty ms median %.2f"
                + " min %.2f | ns/round trip median %.1f min %.1f | sim cycles/round trip %.1f | per round trip:"
                + " %.2f switches, %.2f syscalls | runs ms %s%n", m.getFileName(), n, s[0].median() / 1e6, s[0].min() / 1e6,
                s[1].median() / 1e6, s[1].min() / 1e6, (s[0].median() - s[1].median()) / (double) n,
                (s[0].min() - s[1].min()) / (double) n, cycles(s) / (double) n, switches / (double) n,
                syscalls / (double) n, runs(s[0]));
        return (s[0].median() - s[1].median()) / (double) n;
    }

    void pipeFlow() throws ConfigException {
        long mib = h.scaled(1_024);
        for (String mem : List.of("0", "1")) {
            List<String> sets = mem.equals("1") ? List.of("hw.memory=64M") : List.of();
            Path m = h.config();
            String kib = Long.toString(CHUNK_KIB);
            Series[] s = h.interleaved(new Job(m, sets, "bench-pipeflow", Long.toString(mib), kib, mem),
                    new Job(m, sets, "bench-pipeflow", "0", kib, mem));
            double bytes = mib * (double) (1 << 20);
            long switches = s[0].counter("context_switches") - s[1].counter("context_switches");
            double simSeconds = (Double) s[0].stats().get("simulated_seconds")
                    - (Double) s[1].stats().get("simulated_seconds");
            h.out().printf(Locale.ROOT, "pipeflow %-18s %s buffers, %d MiB in %d KiB writes  run ms median %.1f"
                    + " min %.1f | empty ms median %.2f | host MiB/s median %.0f best %.0f (GiB/s %.2f / %.2f)"
                    + " | sim cycles/KiB %.1f, simulated MiB/s %.1f | switches per 64 KiB %.2f%n",
                    m.getFileName(), mem.equals("1") ? "simulated-memory" : "program", mib, CHUNK_KIB,
                    s[0].median() / 1e6, s[0].min() / 1e6, s[1].median() / 1e6,
                    mib / ((s[0].median() - s[1].median()) / 1e9), mib / ((s[0].min() - s[1].min()) / 1e9),
                    bytes / (1 << 30) / ((s[0].median() - s[1].median()) / 1e9),
                    bytes / (1 << 30) / ((s[0].min() - s[1].min()) / 1e9),
                    cycles(s) / (bytes / 1024), mib / simSeconds, switches / (bytes / (CHUNK_KIB << 10)));
        }
    }

    /** Figure 12; returns the median ns per cycle. */
    double shmCycle() throws ConfigException {
        return shmCycle(h.scaled(FULL_SHM_CYCLES));
    }

    /** The cycles of figure 12 at scale 1. */
    static final long FULL_SHM_CYCLES = 100_000;

    /** Figure 12 with {@code n} cycles a run; returns the median ns per cycle. */
    double shmCycle(long n) throws ConfigException {
        Path m = h.config();
        String kib = Long.toString(SHM_KIB);
        Series[] s = h.interleaved(new Job(m, List.of(), "bench-shm", Long.toString(n), kib),
                new Job(m, List.of(), "bench-shm", "0", kib));
        h.out().printf(Locale.ROOT, "shm      %-18s N=%d  %d KiB segment  run ms median %.1f min %.1f | empty ms"
                + " median %.2f | us/cycle median %.3f min %.3f | sim cycles/cycle %.1f%n", m.getFileName(), n,
                SHM_KIB, s[0].median() / 1e6, s[0].min() / 1e6, s[1].median() / 1e6,
                (s[0].median() - s[1].median()) / 1e3 / n, (s[0].min() - s[1].min()) / 1e3 / n,
                cycles(s) / (double) n);
        return (s[0].median() - s[1].median()) / (double) n;
    }

    /** Every measured run's wall time in ms, in the order run: shows a bimodal spread a median hides. */
    private static String runs(Series s) {
        StringBuilder b = new StringBuilder();
        for (long w : s.wall()) b.append(b.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.0f", w / 1e6));
        return b.toString();
    }

    private static long cycles(Series[] s) {
        return s[0].stats().simulatedCycles() - s[1].stats().simulatedCycles();
    }
}
