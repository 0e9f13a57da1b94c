package sprocket.cli.compare;

import java.util.function.ToDoubleFunction;
import sprocket.kernel.RunStats;

/**
 * The figures a comparison puts side by side, each read from a run's statistics (docs/stats.md names the keys).
 * Simulated time is in seconds, since the machines' clocks differ; cycles follow for runs on one machine.
 */
public enum Figure {
    SIMULATED_TIME("simulated time", "simulated_seconds", "s",
            s -> (double) s.simulatedCycles() / s.clockHz()),
    SIMULATED_CYCLES("simulated cycles", "simulated_cycles", "cycles", s -> s.simulatedCycles()),
    SYSCALLS("system calls", "syscalls", "calls", s -> s.figure("syscalls")),
    CONTEXT_SWITCHES("context switches", "context_switches", "switches", s -> s.figure("context_switches")),
    PAGE_FAULTS("page faults", "page_faults", "faults", s -> s.figure("page_faults")),
    TLB_MISSES("TLB misses", "tlb_misses", "misses", s -> s.figure("tlb_misses")),
    CACHE_MISSES("cache misses", "cache_misses", "misses", s -> s.figure("cache_misses")),
    BUS_TRANSACTIONS("bus transactions", "bus_transactions", "transactions", s -> s.figure("bus_transactions")),
    BUS_WAIT("bus wait", "bus_wait_cycles", "cycles", s -> s.figure("bus_wait_cycles")),
    TRANSFERS("cache-to-cache transfers", "cache_transfers", "lines", s -> s.figure("cache_transfers")),
    INVALIDATIONS("invalidations", "cache_invalidations", "lines", s -> s.figure("cache_invalidations")),
    IPIS("IPIs", "ipis", "interrupts", s -> s.figure("ipis")),
    SHOOTDOWNS("TLB shootdowns", "shootdowns", "shootdowns", s -> s.figure("shootdowns")),
    LOCK_SPIN("kernel lock spin", "kernel_lock_spin_cycles", "cycles", s -> s.figure("kernel_lock_spin_cycles"));

    private final String label;
    private final String key;
    private final String unit;
    private final ToDoubleFunction<RunStats> read;

    Figure(String label, String key, String unit, ToDoubleFunction<RunStats> read) {
        this.label = label;
        this.key = key;
        this.unit = unit;
        this.read = read;
    }

    /** The row's name in the table. */
    public String label() {
        return label;
    }

    /** The statistics key it comes from ({@code --stats-json}), also its name in CSV and JSON. */
    public String key() {
        return key;
    }

    /** What it counts, for a chart's axis. */
    public String unit() {
        return unit;
    }

    /** Its value in {@code stats}. */
    public double of(RunStats stats) {
        return read.applyAsDouble(stats);
    }
}
