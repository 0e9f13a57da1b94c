package sprocket.hw.x86mps;

import java.util.List;
import sprocket.api.hw.MemorySystem;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/**
 * The memory system a configuration asks for: the {@code hw.caches} and {@code hw.l1.*}, {@code hw.l2.*} keys.
 * The defaults are the HOWTO's dual Pentium board: an 8 KiB two-way L1 data cache with 32-byte lines per CPU and
 * one 256 KiB direct-mapped L2 shared by the CPUs (docs/machines.md, "x86mps").
 */
record PentiumCaches(boolean enabled, int l1Size, int l1Line, int l1Ways, int l2Size, int l2Line, int l2Ways,
        boolean l2Shared) {

    static final List<Tunable> TUNABLES = List.of(
            Tunable.bool("hw.caches", true, "model the caches and the bus; false: every access costs one cycle"),
            Tunable.choice("hw.l1.size", "8K", List.of("1K", "2K", "4K", "8K", "16K", "32K", "64K"),
                    "L1 data cache per CPU (the Pentium's: 8K)"),
            Tunable.choice("hw.l1.line", "32", List.of("16", "32", "64", "128"), "L1 line size in bytes (Pentium: 32)"),
            Tunable.choice("hw.l1.ways", "2", List.of("1", "2", "4", "8"), "L1 associativity (Pentium: two-way)"),
            Tunable.choice("hw.l2.size", "256K", List.of("32K", "64K", "128K", "256K", "512K", "1M", "2M", "4M"),
                    "L2 cache, shared or per CPU (hw.l2.shared)"),
            Tunable.choice("hw.l2.line", "32", List.of("32", "64", "128", "256"),
                    "L2 line size in bytes, at least the L1's"),
            Tunable.choice("hw.l2.ways", "1", List.of("1", "2", "4", "8"), "L2 associativity (board caches: direct-mapped)"),
            Tunable.bool("hw.l2.shared", true, "one L2 on the bus shared by the CPUs (the HOWTO's board), or one per CPU"));

    PentiumCaches {
        if (l2Line < l1Line) {
            throw new IllegalArgumentException("hw.l2.line = " + l2Line + " is shorter than hw.l1.line = " + l1Line
                    + ": an L2 line must hold whole L1 lines");
        }
        if (!l2Shared && l2Size < l1Size) {
            throw new IllegalArgumentException("hw.l2.size = " + l2Size + " is smaller than hw.l1.size = " + l1Size
                    + ": a private L2 includes its L1");
        }
    }

    static PentiumCaches standard() {
        return new PentiumCaches(true, 8 << 10, 32, 2, 256 << 10, 32, 1, true);
    }

    static PentiumCaches from(Settings s) {
        return new PentiumCaches(s.getBool("hw.caches"), (int) s.getSize("hw.l1.size"), s.getInt("hw.l1.line"),
                s.getInt("hw.l1.ways"), (int) s.getSize("hw.l2.size"), s.getInt("hw.l2.line"), s.getInt("hw.l2.ways"),
                s.getBool("hw.l2.shared"));
    }

    MemorySystem build(int cpus) {
        if (!enabled) {
            return MemorySystem.flat(PentiumCosts.MODEL, cpus);
        }
        return l2Shared ? new SharedL2Memory(cpus, l1Size, l1Line, l1Ways, l2Size, l2Line, l2Ways)
                : new PrivateL2Memory(cpus, l1Size, l1Line, l1Ways, l2Size, l2Line, l2Ways);
    }
}
