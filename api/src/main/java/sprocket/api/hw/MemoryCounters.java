package sprocket.api.hw;

import sprocket.api.spi.Counter;

/**
 * The counts a {@link MemorySystem} keeps, per CPU and in the run's counters (the summary and
 * {@code --stats-json} show those): {@value #HITS}, {@value #MISSES}, {@value #WRITEBACKS}, {@value #INVALIDATIONS},
 * {@value #TRANSFERS}, {@value #BUS_TRANSACTIONS}, {@value #BUS_WAIT_CYCLES}. A machine makes one, attaches it
 * with its memory system, and bumps it as its caches work; nothing here allocates after {@link #attach}. Every count
 * but the hits is mirrored into the run's counters as it happens (the engine watches invalidations and transfers);
 * the hits, one per access a program makes, are counted per CPU only, and the kernel takes their total from
 * {@link MemorySystem#statistics()} when it reports.
 */
public final class MemoryCounters {

    public static final String HITS = "cache_hits";
    public static final String MISSES = "cache_misses";
    public static final String WRITEBACKS = "cache_writebacks";
    public static final String INVALIDATIONS = "cache_invalidations";
    public static final String TRANSFERS = "cache_transfers";
    public static final String BUS_TRANSACTIONS = "bus_transactions";
    public static final String BUS_WAIT_CYCLES = "bus_wait_cycles";

    private final long[] hits;
    private final long[] misses;
    private final long[] writebacks;
    private final long[] invalidations;
    private final long[] transfers;
    private final long[] busTransactions;
    private final long[] busWaitCycles;
    private Counter totalMisses = Detached.INSTANCE;
    private Counter totalWritebacks = Detached.INSTANCE;
    private Counter totalInvalidations = Detached.INSTANCE;
    private Counter totalTransfers = Detached.INSTANCE;
    private Counter totalBusTransactions = Detached.INSTANCE;
    private Counter totalBusWait = Detached.INSTANCE;

    public MemoryCounters(int cpus) {
        hits = new long[cpus];
        misses = new long[cpus];
        writebacks = new long[cpus];
        invalidations = new long[cpus];
        transfers = new long[cpus];
        busTransactions = new long[cpus];
        busWaitCycles = new long[cpus];
    }

    /** Mirrors the totals into the run's counters from now on; called once, when the machine is attached. */
    public void attach(MachineContext context) {
        totalMisses = context.counter(MISSES);
        totalWritebacks = context.counter(WRITEBACKS);
        totalInvalidations = context.counter(INVALIDATIONS);
        totalTransfers = context.counter(TRANSFERS);
        totalBusTransactions = context.counter(BUS_TRANSACTIONS);
        totalBusWait = context.counter(BUS_WAIT_CYCLES);
    }

    public void hit(int cpu) {
        hits[cpu]++;
    }

    public void miss(int cpu) {
        misses[cpu]++;
        totalMisses.increment();
    }

    public void writeback(int cpu) {
        writebacks[cpu]++;
        totalWritebacks.increment();
    }

    public void invalidation(int cpu) {
        invalidations[cpu]++;
        totalInvalidations.increment();
    }

    public void transfer(int cpu) {
        transfers[cpu]++;
        totalTransfers.increment();
    }

    /** One bus transaction by {@code cpu}, which first waited {@code waited} cycles for the bus. */
    public void busTransaction(int cpu, long waited) {
        busTransactions[cpu]++;
        totalBusTransactions.increment();
        if (waited > 0) {
            busWaitCycles[cpu] += waited;
            totalBusWait.add(waited);
        }
    }

    public MemoryStatistics statistics(int cpu) {
        return new MemoryStatistics(hits[cpu], misses[cpu], writebacks[cpu], invalidations[cpu], transfers[cpu],
                busTransactions[cpu], busWaitCycles[cpu]);
    }

    public MemoryStatistics total() {
        MemoryStatistics sum = MemoryStatistics.NONE;
        for (int c = 0; c < hits.length; c++) {
            sum = sum.plus(statistics(c));
        }
        return sum;
    }

    /** Before {@link #attach}: counts stay per CPU only. */
    private enum Detached implements Counter {
        INSTANCE;

        @Override
        public void add(long n) {
        }

        @Override
        public long get() {
            return 0;
        }
    }
}
