package sprocket.hw.r2000;

import java.util.List;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.MemorySystem;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/**
 * The memory system a configuration asks for: the {@code hw.caches}, {@code hw.l1.*} and {@code hw.l2.*} keys. The
 * defaults are the POWER Series': 64 KiB first-level and 256 KiB second-level data caches per CPU, both
 * direct-mapped, 16-byte lines (docs/machines.md, "r2000"). There is no shared L2 here: each CPU board has its own.
 */
record PowerSeriesCaches(boolean enabled, int l1Size, int l1Line, int l1Ways, int l2Size, int l2Line, int l2Ways) {

    static final List<Tunable> TUNABLES = List.of(
            Tunable.bool("hw.caches", true, "model the caches and the buses; false: every access costs one cycle"),
            Tunable.choice("hw.l1.size", "64K", List.of("4K", "8K", "16K", "32K", "64K", "128K", "256K"),
                    "first-level data cache per CPU (POWER Series: 64K)"),
            Tunable.choice("hw.l1.line", "16", List.of("4", "8", "16", "32", "64"),
                    "first-level line size in bytes (the refill block; 16)"),
            Tunable.choice("hw.l1.ways", "1", List.of("1", "2", "4", "8"), "first-level associativity (direct-mapped)"),
            Tunable.choice("hw.l2.size", "256K", List.of("64K", "128K", "256K", "512K", "1M", "2M", "4M"),
                    "second-level data cache per CPU (POWER Series: 256K or 1M)"),
            Tunable.choice("hw.l2.line", "16", List.of("4", "8", "16", "32", "64", "128"),
                    "second-level line size in bytes, at least the first level's (16)"),
            Tunable.choice("hw.l2.ways", "1", List.of("1", "2", "4", "8"), "second-level associativity (direct-mapped)"));

    PowerSeriesCaches {
        if (l2Line < l1Line) {
            throw new IllegalArgumentException("hw.l2.line = " + l2Line + " is shorter than hw.l1.line = " + l1Line
                    + ": a second-level line must hold whole first-level lines");
        }
        if (l2Size < l1Size) {
            throw new IllegalArgumentException("hw.l2.size = " + l2Size + " is smaller than hw.l1.size = " + l1Size
                    + ": the first level is a subset of the second");
        }
    }

    static PowerSeriesCaches standard() {
        return new PowerSeriesCaches(true, 64 << 10, 16, 1, 256 << 10, 16, 1);
    }

    static PowerSeriesCaches from(Settings s) {
        return new PowerSeriesCaches(s.getBool("hw.caches"), (int) s.getSize("hw.l1.size"), s.getInt("hw.l1.line"),
                s.getInt("hw.l1.ways"), (int) s.getSize("hw.l2.size"), s.getInt("hw.l2.line"), s.getInt("hw.l2.ways"));
    }

    MemorySystem build(int cpus, CostModel costs) {
        return enabled ? new PowerSeriesMemory(cpus, costs, l1Size, l1Line, l1Ways, l2Size, l2Line, l2Ways)
                : MemorySystem.flat(costs, cpus);
    }
}
