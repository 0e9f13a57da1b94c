package sprocket.hw.x86mps;

import static sprocket.hw.x86mps.CacheArray.EXCLUSIVE;
import static sprocket.hw.x86mps.CacheArray.INVALID;
import static sprocket.hw.x86mps.CacheArray.MODIFIED;
import static sprocket.hw.x86mps.CacheArray.SHARED;

/**
 * An MPS board whose Pentiums each have their own L2 ("Some MPS Pentium systems ... have independent L2
 * caches"), as Intel's 82497 cache controller built them: a write-back MESI L2 per CPU on the CPU's own path,
 * inclusive of its L1, snooping the memory bus that connects the L2s to DRAM. An L1 miss that hits the L2 stays
 * off the shared bus; only L2 misses, write-backs and invalidations use it, so a process that moves to another
 * CPU leaves its warm L2 behind (the HOWTO's case for processor affinity).
 */
final class PrivateL2Memory extends PentiumMemory {

    private final CacheArray[] l2;
    private final int l1Line;
    private final int l2Shift;

    PrivateL2Memory(int cpus, int l1Size, int l1Line, int l1Ways, int l2Size, int l2Line, int l2Ways) {
        super(cpus, l1Size, l1Line, l1Ways);
        this.l2 = new CacheArray[cpus];
        for (int c = 0; c < cpus; c++) {
            l2[c] = new CacheArray(l2Size, l2Line, l2Ways);
        }
        this.l1Line = l1Line;
        this.l2Shift = l2[0].lineShift - l1[0].lineShift;
    }

    @Override
    public String describe() {
        CacheArray a = l1[0];
        CacheArray b = l2[0];
        return a.geometry.size() + " " + a.ways + "-way write-back MESI L1 per CPU (" + a.lineBytes
                + "-byte lines), " + b.geometry.size() + " private inclusive MESI L2 per CPU ("
                + b.lineBytes + "-byte lines, " + b.ways + "-way), 66 MHz snooping memory bus";
    }

    @Override
    long readMiss(int cpu, long now, long line) {
        CacheArray mine = l2[cpu];
        long cost = 0;
        int k = mine.lookup(line >>> l2Shift);
        if (k < 0) {
            cost += busRead(cpu, now, line >>> l2Shift, false);
            k = mine.probe(line >>> l2Shift);
        }
        byte state = mine.state(k) == SHARED ? SHARED : EXCLUSIVE;
        CacheArray first = l1[cpu];
        int v = first.victim(line);
        if (first.state(v) == MODIFIED) {
            markDirty(cpu, first.line(v)); // into the L2 over the CPU's own path, overlapped with the fill
            counters.writeback(cpu);
        }
        first.fill(v, line, state, now);
        return cost + PentiumCosts.l2Burst(l1Line);
    }

    /** Written through to the L2; if other L2s may hold the line, an invalidation cycle on the bus first. */
    @Override
    long writeShared(int cpu, long now, long line, int slot) {
        long cost = PentiumCosts.l2Single() + own(cpu, line >>> l2Shift, now);
        l1[cpu].setState(slot, EXCLUSIVE);
        return cost;
    }

    /** Not allocated in the L1; the L2 allocates (a read for ownership on a miss) and takes the words. */
    @Override
    long writeMiss(int cpu, long now, long line, int words) {
        long l2line = line >>> l2Shift;
        long cost = l2[cpu].lookup(l2line) >= 0 ? own(cpu, l2line, now) : busRead(cpu, now, l2line, true);
        return cost + words * PentiumCosts.l2Single();
    }

    @Override
    long flushOwn(int cpu, long now, long line, int slot) {
        if (l1[cpu].state(slot) == MODIFIED) {
            markDirty(cpu, line);
            counters.writeback(cpu);
        }
        l1[cpu].setState(slot, INVALID);
        return 0;
    }

    /**
     * The locked read and write go to memory: this CPU's L2 casts out its copy (the 82497 does not lock a line in
     * place), the other L2s snoop and drop theirs, a modified one written back first.
     */
    @Override
    long lockedCycles(int cpu, long now, long line) {
        long l2line = line >>> l2Shift;
        long busy = snoop(cpu, l2line, true);
        int transactions = 2;
        int k = l2[cpu].probe(l2line);
        if (k >= 0) {
            if (dirty(cpu, k)) {
                busy += PentiumCosts.memoryBurst(l2[cpu].lineBytes);
                counters.writeback(cpu);
                transactions++;
            }
            drop(cpu, k);
        }
        return hold(cpu, now, busy + PentiumCosts.memorySingle() + PentiumCosts.memoryWrite(), transactions);
    }

    /**
     * An L2 miss: read the line from DRAM over the bus ({@code exclusive}: for ownership, the others invalidate),
     * after the other L2s snoop it; a dirty victim is cast out. Returns the cycles, wait included.
     */
    private long busRead(int cpu, long now, long l2line, boolean exclusive) {
        CacheArray mine = l2[cpu];
        long busy = snoop(cpu, l2line, exclusive) + PentiumCosts.memoryBurst(mine.lineBytes);
        boolean shared = !exclusive && heldElsewhere(cpu, l2line);
        int transactions = 1;
        int v = mine.victim(l2line);
        if (mine.line(v) >= 0) {
            if (dirty(cpu, v)) {
                busy += PentiumCosts.memoryBurst(mine.lineBytes);
                counters.writeback(cpu);
                transactions++;
            }
            drop(cpu, v);
        }
        mine.fill(v, l2line, exclusive ? MODIFIED : shared ? SHARED : EXCLUSIVE);
        return hold(cpu, now, busy, transactions);
    }

    /** Makes {@code cpu}'s L2 copy of {@code l2line} Modified; if it was Shared, an invalidation cycle on the bus. */
    private long own(int cpu, long l2line, long now) {
        int k = l2[cpu].probe(l2line);
        long cost = 0;
        if (l2[cpu].state(k) == SHARED) {
            cost = hold(cpu, now, snoop(cpu, l2line, true) + PentiumCosts.l2Single(), 1);
        }
        l2[cpu].setState(k, MODIFIED);
        return cost;
    }

    /**
     * The other L2s snoop {@code l2line} (and pass the snoop up to their L1s, which they include): a dirty copy is
     * written back first (HITM); then they keep it Shared, or drop it when {@code invalidate}. Returns bus cycles.
     */
    private long snoop(int cpu, long l2line, boolean invalidate) {
        long busy = 0;
        for (int o = 0; o < cpus; o++) {
            int j = o == cpu ? -1 : l2[o].probe(l2line);
            if (j < 0) {
                continue;
            }
            if (dirty(o, j)) {
                busy += PentiumCosts.backoff() + PentiumCosts.memoryBurst(l2[o].lineBytes);
                counters.writeback(o);
                counters.transfer(cpu);
            }
            if (invalidate) {
                drop(o, j);
                counters.invalidation(o);
            } else {
                l2[o].setState(j, SHARED);
                forEachL1(o, l2line, SHARED);
            }
        }
        return busy;
    }

    private boolean heldElsewhere(int cpu, long l2line) {
        for (int o = 0; o < cpus; o++) {
            if (o != cpu && l2[o].probe(l2line) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code cpu}'s L2 line in {@code slot} or an L1 line inside it is Modified. */
    private boolean dirty(int cpu, int slot) {
        if (l2[cpu].state(slot) == MODIFIED) {
            return true;
        }
        long first = l2[cpu].line(slot) << l2Shift;
        for (long line = first; line < first + (1L << l2Shift); line++) {
            int j = l1[cpu].probe(line);
            if (j >= 0 && l1[cpu].state(j) == MODIFIED) {
                return true;
            }
        }
        return false;
    }

    /** Drops {@code cpu}'s L2 line in {@code slot} and, by inclusion, the L1 lines inside it. */
    private void drop(int cpu, int slot) {
        forEachL1(cpu, l2[cpu].line(slot), INVALID);
        l2[cpu].setState(slot, INVALID);
    }

    /** Sets the L1 lines of {@code cpu} inside {@code l2line} to {@code state} (Shared or Invalid). */
    private void forEachL1(int cpu, long l2line, byte state) {
        long first = l2line << l2Shift;
        for (long line = first; line < first + (1L << l2Shift); line++) {
            int j = l1[cpu].probe(line);
            if (j >= 0) {
                l1[cpu].setState(j, state);
            }
        }
    }

    /** An L1 line written back into {@code cpu}'s L2, which includes it. */
    private void markDirty(int cpu, long line) {
        l2[cpu].setState(l2[cpu].probe(line >>> l2Shift), MODIFIED);
    }

    /**
     * MESI across the L2s (an owner alone; an L1 line never more than its L2 line allows) and inclusion (every L1
     * line inside a valid line of its own L2).
     */
    @Override
    void checkInvariants() {
        for (int c = 0; c < cpus; c++) {
            for (int s = 0; s < l1[c].slots(); s++) {
                long line = l1[c].line(s);
                if (line < 0) {
                    continue;
                }
                int k = l2[c].probe(line >>> l2Shift);
                if (k < 0) {
                    throw new IllegalStateException("inclusion: line 0x" + Long.toHexString(line) + " is in CPU " + c
                            + "'s L1 but not its L2");
                }
                if (l1[c].state(s) >= EXCLUSIVE && l2[c].state(k) == SHARED) {
                    throw new IllegalStateException("line 0x" + Long.toHexString(line) + " is owned in CPU " + c
                            + "'s L1 but Shared in its L2");
                }
            }
            for (int s = 0; s < l2[c].slots(); s++) {
                long l2line = l2[c].line(s);
                if (l2line < 0 || l2[c].state(s) < EXCLUSIVE) {
                    continue;
                }
                for (int o = 0; o < cpus; o++) {
                    if (o != c && l2[o].probe(l2line) >= 0) {
                        throw new IllegalStateException("L2 line 0x" + Long.toHexString(l2line) + " is owned by CPU "
                                + c + " and also held by CPU " + o);
                    }
                }
            }
        }
    }

    /** {@code cpu}'s L2, for tests. */
    CacheArray l2(int cpu) {
        return l2[cpu];
    }
}
