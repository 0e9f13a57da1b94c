package sprocket.hw.r2000;

import sprocket.api.hw.AtomicUnit;
import sprocket.api.hw.CostModel;

/**
 * SGI's hardware locks on the bus. The R2000 has no atomic read-modify-write instruction (LL and SC came with
 * MIPS II), so a kernel lock is a location in a lock unit: reading it returns the old value and sets it in one
 * bus transaction. Every operation is an uncached bus access, so the cost does not depend on which CPU last
 * held the lock: there is no cache line to move.
 */
final class LockUnit implements AtomicUnit {

    /** Releasing is one uncached store to the lock's bus address, posted by the write buffer. */
    static final long RELEASE_CYCLES = 4;

    private final int cpus;
    private final CostModel costs;

    LockUnit(int cpus, CostModel costs) {
        this.cpus = cpus;
        this.costs = costs;
    }

    @Override
    public String primitive() {
        return "hardware lock unit on the bus (the R2000 has no atomic read-modify-write; no LL/SC before MIPS II)";
    }

    @Override
    public long acquire(int cpu, int lastHolder) {
        checkCpu(cpu);
        if (lastHolder != -1) {
            checkCpu(lastHolder);
        }
        return costs.lockAcquire();
    }

    @Override
    public long spin(int cpu) {
        checkCpu(cpu);
        return costs.lockSpin();
    }

    @Override
    public long release(int cpu) {
        checkCpu(cpu);
        return RELEASE_CYCLES;
    }

    private void checkCpu(int cpu) {
        if (cpu < 0 || cpu >= cpus) {
            throw new IllegalArgumentException("no CPU " + cpu + " (the machine has " + cpus + ")");
        }
    }
}
