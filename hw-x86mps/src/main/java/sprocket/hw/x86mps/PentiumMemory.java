package sprocket.hw.x86mps;

import static sprocket.hw.x86mps.CacheArray.EXCLUSIVE;
import static sprocket.hw.x86mps.CacheArray.MODIFIED;

import sprocket.api.hw.MachineContext;
import sprocket.api.hw.MemoryCounters;
import sprocket.api.hw.MemoryStatistics;
import sprocket.api.hw.MemorySystem;
import sprocket.api.hw.SharedResource;

/**
 * The Pentiums' data caches and the bus they snoop. Each CPU has its L1: write-back MESI, no allocation on a write
 * miss (a store that misses goes to the bus as a single write), a write to a Shared line written through and the
 * line then Exclusive (Pentium Processor Family Developer's Manual, vol. 1, the data cache's MESI state tables).
 * What lies behind the L1s (one L2 on the bus, or one per CPU) is the subclass's.
 *
 * <p>A hit costs {@link CostModel#memoryAccess()}: the look-up is a few array reads and allocates nothing. Each
 * miss's bus transactions are one hold of the bus for their total time; a CPU that finds it held waits.
 */
abstract sealed class PentiumMemory implements MemorySystem permits SharedL2Memory, PrivateL2Memory {

    static final long HIT = PentiumCosts.MODEL.memoryAccess();

    final int cpus;
    final CacheArray[] l1;
    final SharedResource bus;
    final MemoryCounters counters;
    private MachineContext context;

    PentiumMemory(int cpus, int l1Size, int l1Line, int l1Ways) {
        this.cpus = cpus;
        this.l1 = new CacheArray[cpus];
        for (int c = 0; c < cpus; c++) {
            l1[c] = new CacheArray(l1Size, l1Line, l1Ways);
        }
        this.bus = new SharedResource(this::slowestClock);
        this.counters = new MemoryCounters(cpus);
    }

    /** The slow path's part behind the L1: {@code cpu}'s L1 missed {@code line} on a load; fill it. Returns the cycles. */
    abstract long readMiss(int cpu, long now, long line);

    /** {@code cpu}'s L1 holds {@code line} Shared in {@code slot} and a store hits it: write through, make it Exclusive. */
    abstract long writeShared(int cpu, long now, long line, int slot);

    /** {@code words} stores to {@code line}, which {@code cpu}'s L1 does not hold: single writes past it. */
    abstract long writeMiss(int cpu, long now, long line, int words);

    /** The locked read and write of an XCHG on {@code line}, once {@code cpu}'s own L1 copy is written back and gone. */
    abstract long lockedCycles(int cpu, long now, long line);

    /** Throws if a coherence invariant does not hold (at most one owner, no Shared beside an owner, inclusion). */
    abstract void checkInvariants();

    @Override
    public final boolean cached() {
        return true;
    }

    @Override
    public void attach(MachineContext context) {
        this.context = context;
        counters.attach(context);
    }

    @Override
    public final long load(int cpu, long now, long pa, int bytes) {
        CacheArray c = l1[cpu];
        long line = pa >>> c.lineShift;
        if ((pa + bytes - 1) >>> c.lineShift == line && c.lookup(line, now) >= 0) {
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
    public final long store(int cpu, long now, long pa, int bytes) {
        CacheArray c = l1[cpu];
        long line = pa >>> c.lineShift;
        if ((pa + bytes - 1) >>> c.lineShift == line) {
            int slot = c.lookup(line, now);
            if (slot >= 0 && c.state(slot) >= EXCLUSIVE) {
                c.setState(slot, MODIFIED);
                counters.hit(cpu);
                return HIT;
            }
        }
        long cost = 0;
        for (long l = line, last = (pa + bytes - 1) >>> c.lineShift; l <= last; l++) {
            cost += storeLine(cpu, now + cost, l, 1);
        }
        return cost;
    }

    @Override
    public final long read(int cpu, long now, long pa, int length) {
        return copy(cpu, now, pa, -1, length);
    }

    @Override
    public final long write(int cpu, long now, long pa, int length) {
        return copy(cpu, now, -1, pa, length);
    }

    @Override
    public final long zeroFrame(int cpu, long now, int frame) {
        return fill(cpu, now, (long) frame << Ram.PAGE_SHIFT, Ram.PAGE_SIZE);
    }

    @Override
    public final long copyFrame(int cpu, long now, int from, int to) {
        return copy(cpu, now, (long) from << Ram.PAGE_SHIFT, (long) to << Ram.PAGE_SHIFT, Ram.PAGE_SIZE);
    }

    /**
     * XCHG with memory: the Pentium writes back and invalidates its own copy of a modified line before it locks
     * the bus (IA-32 SDM vol. 3, "Architecture compatibility": it "writes the contents back to memory before
     * locking the bus"), then runs a locked read and a locked write, which the other caches snoop.
     */
    @Override
    public final long testAndSet(int cpu, long now, long pa) {
        CacheArray c = l1[cpu];
        long line = pa >>> c.lineShift;
        long cost = HIT;
        int slot = c.probe(line);
        if (slot >= 0) {
            cost += flushOwn(cpu, now, line, slot);
        }
        return cost + lockedCycles(cpu, now + cost, line);
    }

    /** A plain MOV: IA-32 stores are not reordered with other stores, so an unlock needs no LOCK. */
    @Override
    public final long lockRelease(int cpu, long now, long pa) {
        return store(cpu, now, pa, 4);
    }

    @Override
    public final MemoryStatistics statistics(int cpu) {
        return counters.statistics(cpu);
    }

    @Override
    public final MemoryStatistics statistics() {
        return counters.total();
    }

    /** {@code cpu}'s L1 slot holds {@code line} before a locked cycle: a modified copy goes back first; then it is dropped. */
    abstract long flushOwn(int cpu, long now, long line, int slot);

    private long loadLine(int cpu, long now, long line) {
        if (l1[cpu].lookup(line, now) >= 0) {
            counters.hit(cpu);
            return HIT;
        }
        counters.miss(cpu);
        return HIT + readMiss(cpu, now, line);
    }

    /** {@code words} stores into {@code line} one after another; the first decides whether the others hit. */
    private long storeLine(int cpu, long now, long line, int words) {
        CacheArray c = l1[cpu];
        int slot = c.lookup(line, now);
        if (slot >= 0) {
            counters.hit(cpu);
            long cost = c.state(slot) >= EXCLUSIVE ? 0 : writeShared(cpu, now, line, slot);
            c.setState(slot, MODIFIED);
            return cost + words * HIT;
        }
        counters.miss(cpu);
        return words * HIT + writeMiss(cpu, now, line, words);
    }

    /**
     * The kernel's copy loop (a load and a store a word, {@code copyWord} cycles when both hit): {@code length}
     * bytes from {@code from} to {@code to}, either of them -1 for a kernel buffer the model keeps no lines of.
     */
    private long copy(int cpu, long now, long from, long to, int length) {
        long t = now;
        int lineBytes = l1[cpu].lineBytes;
        long extraPerWord = PentiumCosts.MODEL.copyWord() - HIT;
        for (int off = 0; off < length; ) {
            long at = (to >= 0 ? to : from) + off;
            int chunk = (int) Math.min(length - off, lineBytes - (at & (lineBytes - 1)));
            int words = (chunk + 3) / 4;
            if (from >= 0) {
                t += loadLine(cpu, t, (from + off) >>> l1[cpu].lineShift) - HIT;
            }
            if (to >= 0) {
                t += storeLine(cpu, t, (to + off) >>> l1[cpu].lineShift, words) - words * HIT;
            }
            t += words * (HIT + extraPerWord);
            off += chunk;
        }
        return t - now;
    }

    /** A REP STOSD over [pa, pa + length): a store a clock when it hits. */
    private long fill(int cpu, long now, long pa, int length) {
        long t = now;
        int lineBytes = l1[cpu].lineBytes;
        for (int off = 0; off < length; off += lineBytes) {
            t += storeLine(cpu, t, (pa + off) >>> l1[cpu].lineShift, lineBytes / 4);
        }
        return t - now;
    }

    /**
     * {@code cpu} holds the bus for {@code busy} cycles from {@code now} (as soon as it is free), as
     * {@code transactions} transactions. Returns the cycles from {@code now} to the end of the hold.
     */
    final long hold(int cpu, long now, long busy, int transactions) {
        long start = bus.reserve(now, busy);
        counters.busTransaction(cpu, start - now);
        for (int i = 1; i < transactions; i++) {
            counters.busTransaction(cpu, 0);
        }
        return start - now + busy;
    }

    private long slowestClock() {
        return context == null ? Long.MIN_VALUE : context.slowestClock(cpus);
    }
}
