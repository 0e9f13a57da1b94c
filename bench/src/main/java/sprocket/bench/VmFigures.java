package sprocket.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import sprocket.bench.Harness.Job;
import sprocket.bench.Harness.Series;
import sprocket.kernel.ConfigException;

/**
 * The virtual-memory figures: host cost of a load or store that hits the TLB (bench-touch), and of a
 * copy-on-write fork of a process with 64 MiB resident (bench-cowfork), on the harness's machine. Every figure
 * is a difference of two runs that differ only in the work counted, so boot-to-exit overheads cancel. One JVM
 * measures one machine, as {@code sprocket run} does: with both machines' classes hot, the MMU and memory call
 * sites turn bimorphic and a TLB hit measured after the other machine ran costs up to twice as much.
 */
final class VmFigures {
    /** The resident set of the fork figure. */
    static final long COW_MIB = 64;

    private final Harness h;

    VmFigures(Harness h) {
        this.h = h;
    }

    void pageTouch() throws ConfigException {
        long n = h.scaled(50_000_000);
        Path m = h.config();
        Series[] s = h.interleaved(new Job(m, List.of(), "bench-touch", Long.toString(n)),
                new Job(m, List.of(), "bench-touch", "0"));
        Series full = s[0];
        Series empty = s[1];
        h.out().printf(Locale.ROOT, "touch   %-18s N=%d  run ms median %.1f min %.1f | empty ms median %.2f"
                + " min %.2f | ns/access median %.2f min %.2f | sim cycles/access %.3f | extra TLB misses %d,"
                + " page faults %d%n", m.getFileName(), n, full.median() / 1e6, full.min() / 1e6,
                empty.median() / 1e6, empty.min() / 1e6, (full.median() - empty.median()) / (double) n,
                (full.min() - empty.min()) / (double) n,
                (full.stats().simulatedCycles() - empty.stats().simulatedCycles()) / (double) n,
                full.counter("tlb_misses") - empty.counter("tlb_misses"),
                full.counter("page_faults") - empty.counter("page_faults"));
    }

    void cowFork() throws ConfigException {
        long rounds = h.scaled(1_000);
        String m = Long.toString(rounds);
        String mib = Long.toString(COW_MIB);
        List<String> sets = List.of("hw.memory=256M");
        Path cfg = h.config();
        Series[] s = h.interleaved(new Job(cfg, sets, "bench-cowfork", mib, m),
                new Job(cfg, sets, "bench-cowfork", mib, "0"), new Job(cfg, sets, "bench-cowfork", "0", m),
                new Job(cfg, sets, "bench-cowfork", "0", "0"));
        double bigMed = (s[0].median() - s[1].median()) / 1e3 / rounds;
        double bigMin = (s[0].min() - s[1].min()) / 1e3 / rounds;
        double smallMed = (s[2].median() - s[3].median()) / 1e3 / rounds;
        double smallMin = (s[2].min() - s[3].min()) / 1e3 / rounds;
        double bigSim = (s[0].stats().simulatedCycles() - s[1].stats().simulatedCycles()) / (double) rounds;
        double smallSim = (s[2].stats().simulatedCycles() - s[3].stats().simulatedCycles()) / (double) rounds;
        h.out().printf(Locale.ROOT, "cowfork %-18s M=%d  %d MiB: us/fork median %.2f min %.2f, sim cycles/fork"
                + " %.0f | empty: us/fork median %.2f min %.2f, sim cycles/fork %.0f | %d MiB part: us median"
                + " %.2f | forks %d, zero fills %d, cow_copies %d%n", cfg.getFileName(), rounds, COW_MIB,
                bigMed, bigMin, bigSim, smallMed, smallMin, smallSim, COW_MIB, bigMed - smallMed,
                s[0].counter("forks"), s[0].counter("zero_fills"), s[0].counter("cow_copies"));
    }
}
