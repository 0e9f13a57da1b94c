package sprocket.api.hw;

/**
 * What a memory system counted, for one CPU or all of them. The run's counters carry the totals under the names
 * in {@link MemoryCounters}.
 *
 * @param hits accesses that hit the first-level cache
 * @param misses accesses that missed it (a second-level hit is still a first-level miss)
 * @param writebacks dirty lines this CPU's caches wrote back (evicted, or supplied to another CPU's miss)
 * @param invalidations lines this CPU's caches lost because another CPU wrote them
 * @param transfers lines this CPU's miss took from another CPU's cache (x86 HITM) rather than from memory
 * @param busTransactions transactions this CPU put on the shared bus (the synchronisation bus's included)
 * @param busWaitCycles cycles this CPU waited for a bus another CPU held
 */
public record MemoryStatistics(long hits, long misses, long writebacks, long invalidations, long transfers,
        long busTransactions, long busWaitCycles) {

    /** No counts. */
    public static final MemoryStatistics NONE = new MemoryStatistics(0, 0, 0, 0, 0, 0, 0);

    /** These counts and {@code o}'s added. */
    public MemoryStatistics plus(MemoryStatistics o) {
        return new MemoryStatistics(hits + o.hits, misses + o.misses, writebacks + o.writebacks,
                invalidations + o.invalidations, transfers + o.transfers, busTransactions + o.busTransactions,
                busWaitCycles + o.busWaitCycles);
    }
}
