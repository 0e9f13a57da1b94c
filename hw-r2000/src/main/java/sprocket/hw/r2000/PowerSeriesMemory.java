package sprocket.hw.r2000;

import sprocket.api.hw.CacheGeometry;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.MemoryCounters;
import sprocket.api.hw.MemoryStatistics;
import sprocket.api.hw.MemorySystem;
import sprocket.api.hw.SharedResource;

/**
 * The memory system of an SGI POWER Series multiprocessor (docs/machines.md, "r2000"): per CPU a direct-mapped,
 * physically indexed, write-through first-level data cache and a second-level data cache that holds all of it
 * ("The first-level data cache is always a subset of the second-level data cache"); every store goes through a
 * four-entry write buffer onto the MPlink bus, which every other CPU's second-level cache watches and which
 * invalidates their copies of the line; a separate synchronisation bus carries the lock unit's operations, so
 * spinning on a lock takes nothing from the memory bus.
 *
 * <p>Memory is always up to date (nothing is ever dirty), so there are no write-backs and no cache-to-cache
 * transfers: a line another CPU wrote is simply gone from this CPU's caches and comes again from memory.
 */
final class PowerSeriesMemory implements MemorySystem {

    private static final long HIT = R2000Costs.standard().memoryAccess();

    final int cpus;
    final DataCache[] l1;
    final DataCache[] l2;
    private final WriteBuffer[] buffers;
    private final SharedResource mplink;
    private final SharedResource syncBus;
    private final MemoryCounters counters;
    private final CostModel costs;
    private final int subShift;
    private final long lineRead;
    private MachineContext context;

    PowerSeriesMemory(int cpus, CostModel costs, int l1Size, int l1Line, int l1Ways, int l2Size, int l2Line,
            int l2Ways) {
        this.cpus = cpus;
        this.costs = costs;
        this.l1 = new DataCache[cpus];
        this.l2 = new DataCache[cpus];
        this.buffers = new WriteBuffer[cpus];
        for (int c = 0; c < cpus; c++) {
            l1[c] = new DataCache(new CacheGeometry(l1Size, l1Line, l1Ways));
            l2[c] = new DataCache(new CacheGeometry(l2Size, l2Line, l2Ways));
            buffers[c] = new WriteBuffer();
        }
        this.subShift = l2[0].lineShift - l1[0].lineShift;
        this.lineRead = R2000Costs.lineRead(l2Line);
        this.mplink = new SharedResource(this::slowestClock);
        this.syncBus = new SharedResource(this::slowestClock);
        this.counters = new MemoryCounters(cpus);
    }

    @Override
    public boolean cached() {
        return true;
    }

    @Override
    public String describe() {
        return l1[0].geometry.size() + " direct-mapped write-through L1 and " + l2[0].geometry.size()
                + " snooping L2 data caches per CPU ("
                + l1[0].lineBytes + "/" + l2[0].lineBytes + "-byte lines), 4-entry write buffers, MPlink bus,"
                + " sync bus for the lock unit";
    }

    @Override
    public void attach(MachineContext context) {
        this.context = context;
        counters.attach(context);
    }

    @Override
    public long load(int cpu, long now, long pa, int bytes) {
        DataCache c = l1[cpu];
        long line = pa >>> c.lineShift;
        if ((pa + bytes - 1) >>> c.lineShift == line && c.lookup(line, now)) {
            counters.hit(cpu);
            return HIT;
        }
        long cost = 0;
        for (long l = line, last = (pa + bytes - 1) >>> c.lineShift; l <= last; l++) {
            cost += loadLine(cpu, now + cost, l);
        }
        return cost;
    }

    @Override
    public long store(int cpu, long now, long pa, int bytes) {
        int shift = l1[cpu].lineShift;
        long cost = 0;
        for (long l = pa >>> shift, last = (pa + bytes - 1) >>> shift; l <= last; l++) {
            cost += storeLine(cpu, now + cost, l, 1);
        }
        return cost;
    }

    @Override
    public long read(int cpu, long now, long pa, int length) {
        long t = now;
        int lineBytes = l1[cpu].lineBytes;
        for (int off = 0; off < length; ) {
            int chunk = (int) Math.min(length - off, lineBytes - ((pa + off) & (lineBytes - 1)));
            t += loadLine(cpu, t, (pa + off) >>> l1[cpu].lineShift) - HIT + costs.copyWord() * ((chunk + 3) / 4);
            off += chunk;
        }
        return t - now;
    }

    @Override
    public long write(int cpu, long now, long pa, int length) {
        long t = now;
        int lineBytes = l1[cpu].lineBytes;
        for (int off = 0; off < length; ) {
            int chunk = (int) Math.min(length - off, lineBytes - ((pa + off) & (lineBytes - 1)));
            int words = (chunk + 3) / 4;
            t += storeLine(cpu, t, (pa + off) >>> l1[cpu].lineShift, words) + (costs.copyWord() - HIT) * words;
            off += chunk;
        }
        return t - now;
    }

    /** A loop of sw: a word a cycle while the write buffer has room, then as fast as the bus drains it. */
    @Override
    public long zeroFrame(int cpu, long now, int frame) {
        long t = now;
        int lineBytes = l1[cpu].lineBytes;
        long base = (long) frame << Kuseg.PAGE_SHIFT;
        for (int off = 0; off < Kuseg.PAGE_SIZE; off += lineBytes) {
            t += storeLine(cpu, t, (base + off) >>> l1[cpu].lineShift, lineBytes / 4);
        }
        return t - now;
    }

    @Override
    public long copyFrame(int cpu, long now, int from, int to) {
        long t = now;
        int lineBytes = l1[cpu].lineBytes;
        int shift = l1[cpu].lineShift;
        long src = (long) from << Kuseg.PAGE_SHIFT;
        long dst = (long) to << Kuseg.PAGE_SHIFT;
        for (int off = 0; off < Kuseg.PAGE_SIZE; off += lineBytes) {
            t += loadLine(cpu, t, (src + off) >>> shift) - HIT;
            t += storeLine(cpu, t, (dst + off) >>> shift, lineBytes / 4) + (costs.copyWord() - HIT) * (lineBytes / 4);
        }
        return t - now;
    }

    /** A read of the lock unit on the synchronisation bus, which sets the lock as it reads it. */
    @Override
    public long testAndSet(int cpu, long now, long pa) {
        return sync(cpu, now) + costs.lockAcquire();
    }

    /** A write to the lock unit on the synchronisation bus. */
    @Override
    public long lockRelease(int cpu, long now, long pa) {
        return sync(cpu, now) + LockUnit.RELEASE_CYCLES;
    }

    @Override
    public MemoryStatistics statistics(int cpu) {
        return counters.statistics(cpu);
    }

    @Override
    public MemoryStatistics statistics() {
        return counters.total();
    }

    /**
     * The kernel's page-table work that the caches do not model (the software page table has no physical
     * address here): {@code reads} consecutive entries loaded, assumed not cached, a line from memory per
     * {@code l2} line, and {@code writes} of them rewritten through the write buffer. Returns the cycles.
     */
    long tableWork(int cpu, long now, int reads, int writes) {
        long t = now;
        int perLine = l2[cpu].lineBytes / 4;
        for (int i = 0; i < reads; i += perLine) {
            t = memoryRead(cpu, t) + HIT * Math.min(perLine, reads - i);
        }
        for (int i = 0; i < writes; i++) {
            t = bufferWord(cpu, t) + R2000Costs.PTE_UPDATE;
        }
        return t - now;
    }

    private long loadLine(int cpu, long now, long line) {
        DataCache first = l1[cpu];
        if (first.lookup(line, now)) {
            counters.hit(cpu);
            return HIT;
        }
        counters.miss(cpu);
        long l2line = line >>> subShift;
        if (l2[cpu].lookup(l2line, now)) {
            first.fill(line, now);
            return HIT + R2000Costs.L2_REFILL;
        }
        long done = memoryRead(cpu, now);
        long victim = l2[cpu].fill(l2line, now);
        if (victim >= 0) {
            dropFromL1(cpu, victim); // the first level stays a subset of the second
        }
        first.fill(line, now);
        return HIT + done - now;
    }

    /** A line read over the MPlink, queued behind this CPU's buffered writes; returns when the data is in. */
    private long memoryRead(int cpu, long now) {
        long at = Math.max(now, buffers[cpu].drainedAt());
        long start = mplink.reserve(at, lineRead);
        counters.busTransaction(cpu, start - at);
        return start + lineRead;
    }

    /**
     * {@code words} stores into {@code line}: the caches that hold it are updated (write-through, no allocation on
     * a miss), the other CPUs' caches drop it as the writes cross the bus, and each word takes a write-buffer
     * entry. Returns the cycles the CPU spends, stalls for a full buffer included.
     */
    private long storeLine(int cpu, long now, long line, int words) {
        if (l1[cpu].lookup(line, now)) {
            counters.hit(cpu);
        } else {
            counters.miss(cpu);
        }
        long l2line = line >>> subShift;
        for (int o = 0; o < cpus; o++) {
            if (o != cpu && l2[o].invalidate(l2line)) {
                dropFromL1(o, l2line);
                counters.invalidation(o);
            }
        }
        long t = now;
        for (int i = 0; i < words; i++) {
            t = bufferWord(cpu, t) + HIT;
        }
        return t - now;
    }

    /** One word into {@code cpu}'s write buffer at {@code now}; returns when it entered (a stall if it was full). */
    private long bufferWord(int cpu, long now) {
        WriteBuffer b = buffers[cpu];
        long t = b.slotFreeAt(now);
        long at = Math.max(t, b.drainedAt());
        long start = mplink.reserve(at, R2000Costs.wordWrite());
        counters.busTransaction(cpu, start - at);
        b.enter(start + R2000Costs.wordWrite());
        return t;
    }

    private long sync(int cpu, long now) {
        long start = syncBus.reserve(now, R2000Costs.SYNC_BUS_OP);
        counters.busTransaction(cpu, start - now);
        return start - now;
    }

    /** Drops from {@code cpu}'s L1 every line inside second-level line {@code l2line}. */
    private void dropFromL1(int cpu, long l2line) {
        long first = l2line << subShift;
        for (long line = first; line < first + (1L << subShift); line++) {
            l1[cpu].invalidate(line);
        }
    }

    private long slowestClock() {
        return context == null ? Long.MIN_VALUE : context.slowestClock(cpus);
    }

    /** Throws unless every CPU's L1 lines are inside valid lines of its own L2 (inclusion). */
    void checkInclusion() {
        for (int c = 0; c < cpus; c++) {
            for (int i = 0; i < l1[c].slots(); i++) {
                long line = l1[c].line(i);
                if (line >= 0 && !l2[c].holds(line >>> subShift)) {
                    throw new IllegalStateException("inclusion: line 0x" + Long.toHexString(line) + " is in CPU " + c
                            + "'s L1 but not its L2");
                }
            }
        }
    }

}
