package sprocket.hw.x86mps;

import static sprocket.hw.x86mps.CacheArray.EXCLUSIVE;
import static sprocket.hw.x86mps.CacheArray.INVALID;
import static sprocket.hw.x86mps.CacheArray.MODIFIED;
import static sprocket.hw.x86mps.CacheArray.SHARED;

/**
 * The dual Pentium board of the Linux SMP HOWTO: the CPUs' L1s on one 66 MHz host bus, and one L2 on that bus in
 * front of memory, shared by all ("two Pentium processors share a single L2 cache"). Every L1 miss is a bus
 * transaction that the other L1s snoop; a line one CPU brought into the L2 is a cheap fill for the other (the
 * HOWTO's "shared fetch"). The L2 is write-back, takes L1 write-backs, and is not inclusive.
 */
final class SharedL2Memory extends PentiumMemory {

    private final CacheArray l2;
    private final int l1Line;
    private final int l2Shift;

    SharedL2Memory(int cpus, int l1Size, int l1Line, int l1Ways, int l2Size, int l2Line, int l2Ways) {
        super(cpus, l1Size, l1Line, l1Ways);
        this.l2 = new CacheArray(l2Size, l2Line, l2Ways);
        this.l1Line = l1Line;
        this.l2Shift = l2.lineShift - l1[0].lineShift;
    }

    @Override
    public String describe() {
        CacheArray a = l1[0];
        return a.geometry.size() + " " + a.ways + "-way write-back MESI L1 per CPU (" + a.lineBytes
                + "-byte lines), " + l2.geometry.size() + " L2 shared by the CPUs (" + l2.lineBytes
                + "-byte lines, " + l2.ways + "-way), 66 MHz snooping bus";
    }

    /** Snoop the other L1s (a modified copy is written back into the L2 first: HITM), then fill from the L2. */
    @Override
    long readMiss(int cpu, long now, long line) {
        long busy = 0;
        boolean shared = false;
        for (int o = 0; o < cpus; o++) {
            int j = o == cpu ? -1 : l1[o].probe(line);
            if (j < 0) {
                continue;
            }
            shared = true;
            if (l1[o].state(j) == MODIFIED) {
                busy += PentiumCosts.backoff() + writeBack(line);
                counters.writeback(o);
                counters.transfer(cpu);
            }
            l1[o].setState(j, SHARED);
        }
        busy += l2Read(line);
        int transactions = 1;
        CacheArray mine = l1[cpu];
        int v = mine.victim(line);
        if (mine.state(v) == MODIFIED) {
            busy += writeBack(mine.line(v));
            counters.writeback(cpu);
            transactions++;
        }
        mine.fill(v, line, shared ? SHARED : EXCLUSIVE, now);
        return hold(cpu, now, busy, transactions);
    }

    /** A written-through word: the other L1s drop their copies, this one becomes Exclusive. */
    @Override
    long writeShared(int cpu, long now, long line, int slot) {
        long busy = invalidateOthers(cpu, line) + l2Write(line, 1);
        l1[cpu].setState(slot, EXCLUSIVE);
        return hold(cpu, now, busy, 1);
    }

    @Override
    long writeMiss(int cpu, long now, long line, int words) {
        long busy = invalidateOthers(cpu, line);
        busy += l2Write(line, words);
        return hold(cpu, now, busy, words);
    }

    @Override
    long flushOwn(int cpu, long now, long line, int slot) {
        long cost = 0;
        if (l1[cpu].state(slot) == MODIFIED) {
            cost = hold(cpu, now, writeBack(line), 1);
            counters.writeback(cpu);
        }
        l1[cpu].setState(slot, INVALID);
        return cost;
    }

    /** A locked read and a locked write of the word, to the L2 when it holds the line; the other L1s snoop them. */
    @Override
    long lockedCycles(int cpu, long now, long line) {
        long busy = invalidateOthers(cpu, line);
        int k = l2.probe(line >>> l2Shift);
        long cycles = k >= 0 ? 2 * PentiumCosts.l2Single() : PentiumCosts.memorySingle() + PentiumCosts.memoryWrite();
        if (k >= 0) {
            l2.setState(k, MODIFIED);
        }
        return hold(cpu, now, busy + cycles, 2);
    }

    /** Invalidates {@code line} in every L1 but {@code cpu}'s; a modified copy goes back to the L2 first (HITM). */
    private long invalidateOthers(int cpu, long line) {
        long busy = 0;
        for (int o = 0; o < cpus; o++) {
            int j = o == cpu ? -1 : l1[o].probe(line);
            if (j < 0) {
                continue;
            }
            if (l1[o].state(j) == MODIFIED) {
                busy += PentiumCosts.backoff() + writeBack(line);
                counters.writeback(o);
                counters.transfer(cpu);
            }
            l1[o].setState(j, INVALID);
            counters.invalidation(o);
        }
        return busy;
    }

    /** Reading an L1 line through the L2: a burst from it, or first a fill of the L2 line from DRAM. */
    private long l2Read(long line) {
        long l2line = line >>> l2Shift;
        if (l2.lookup(l2line) >= 0) {
            return PentiumCosts.l2Burst(l1Line);
        }
        return allocate(l2line, EXCLUSIVE) + PentiumCosts.memoryBurst(l2.lineBytes) + PentiumCosts.l2Burst(l1Line);
    }

    /** An L1 line written back: into the L2, which allocates (reading the rest of a longer L2 line from DRAM). */
    private long writeBack(long line) {
        long l2line = line >>> l2Shift;
        int k = l2.lookup(l2line);
        if (k >= 0) {
            l2.setState(k, MODIFIED);
            return PentiumCosts.l2Burst(l1Line);
        }
        long rest = l2Shift > 0 ? PentiumCosts.memoryBurst(l2.lineBytes) : 0;
        return allocate(l2line, MODIFIED) + rest + PentiumCosts.l2Burst(l1Line);
    }

    /** Single writes past the L1: into the L2 when it holds the line, else straight to DRAM. */
    private long l2Write(long line, int words) {
        int k = l2.lookup(line >>> l2Shift);
        if (k >= 0) {
            l2.setState(k, MODIFIED);
            return words * PentiumCosts.l2Single();
        }
        return words * PentiumCosts.memoryWrite();
    }

    /** Takes an L2 slot for {@code l2line}; a dirty victim goes to DRAM first. Returns those cycles. */
    private long allocate(long l2line, byte state) {
        int v = l2.victim(l2line);
        long cost = l2.state(v) == MODIFIED ? PentiumCosts.memoryBurst(l2.lineBytes) : 0;
        l2.fill(v, l2line, state);
        return cost;
    }

    /** MESI across the L1s: a line Modified or Exclusive in one L1 is in no other. */
    @Override
    void checkInvariants() {
        for (int c = 0; c < cpus; c++) {
            for (int s = 0; s < l1[c].slots(); s++) {
                long line = l1[c].line(s);
                if (line < 0 || l1[c].state(s) < EXCLUSIVE) {
                    continue;
                }
                for (int o = 0; o < cpus; o++) {
                    if (o != c && l1[o].probe(line) >= 0) {
                        throw new IllegalStateException("line 0x" + Long.toHexString(line) + " is "
                                + (l1[c].state(s) == MODIFIED ? "Modified" : "Exclusive") + " in CPU " + c
                                + "'s L1 and also in CPU " + o + "'s");
                    }
                }
            }
        }
    }

    /** The L2, for tests. */
    CacheArray l2() {
        return l2;
    }
}
