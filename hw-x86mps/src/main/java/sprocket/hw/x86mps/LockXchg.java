package sprocket.hw.x86mps;

import sprocket.api.hw.AtomicUnit;
import sprocket.api.hw.CostModel;

/**
 * {@code LOCK XCHG} on the lock word's 32-byte cache line (the Pentium L1 line): XCHG with memory always
 * asserts LOCK#, so taking a lock is a locked bus cycle, and when another processor wrote the line last it must
 * first come over from that cache: the line bouncing behind false sharing (Linux SMP HOWTO, "Cache Line Size").
 */
final class LockXchg implements AtomicUnit {

    static final int CACHE_LINE = 32;

    private final int cpus;
    private final CostModel costs;

    LockXchg(int cpus, CostModel costs) {
        this.cpus = cpus;
        this.costs = costs;
    }

    @Override
    public String primitive() {
        return "LOCK XCHG on a " + CACHE_LINE + "-byte cache line";
    }

    @Override
    public long acquire(int cpu, int lastHolder) {
        checkCpu(cpu);
        if (lastHolder < -1 || lastHolder >= cpus) {
            throw new IllegalArgumentException("last holder " + lastHolder + " is neither -1 nor a CPU");
        }
        boolean lineElsewhere = lastHolder >= 0 && lastHolder != cpu;
        return costs.lockAcquire() + (lineElsewhere ? PentiumCosts.LINE_TRANSFER : 0);
    }

    /** A turn of test-and-test-and-set: re-reading the line, shared in this cache until the holder writes it. */
    @Override
    public long spin(int cpu) {
        checkCpu(cpu);
        return costs.lockSpin();
    }

    /** A plain MOV store: IA-32 stores are not reordered with other stores, so unlock needs no LOCK. */
    @Override
    public long release(int cpu) {
        checkCpu(cpu);
        return costs.memoryAccess();
    }

    private void checkCpu(int cpu) {
        if (cpu < 0 || cpu >= cpus) {
            throw new IllegalArgumentException("no CPU " + cpu + " on this " + cpus + "-CPU machine");
        }
    }
}
