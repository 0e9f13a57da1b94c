package sprocket.api.hw;

/** The memory system of a machine without caches: the flat figures of its cost model, as before caches existed. */
final class FlatMemory implements MemorySystem {

    private final CostModel costs;
    private final int cpus;

    FlatMemory(CostModel costs, int cpus) {
        this.costs = costs;
        this.cpus = cpus;
    }

    @Override
    public boolean cached() {
        return false;
    }

    @Override
    public String describe() {
        return "no caches: every access " + costs.memoryAccess() + " cycle(s)";
    }

    @Override
    public void attach(MachineContext context) {
    }

    @Override
    public long load(int cpu, long now, long pa, int bytes) {
        return costs.memoryAccess();
    }

    @Override
    public long store(int cpu, long now, long pa, int bytes) {
        return costs.memoryAccess();
    }

    @Override
    public long read(int cpu, long now, long pa, int length) {
        return costs.copyWord() * ((length + 3L) / 4);
    }

    @Override
    public long write(int cpu, long now, long pa, int length) {
        return costs.copyWord() * ((length + 3L) / 4);
    }

    @Override
    public long zeroFrame(int cpu, long now, int frame) {
        return costs.pageZero();
    }

    @Override
    public long copyFrame(int cpu, long now, int from, int to) {
        return costs.pageCopy();
    }

    @Override
    public long testAndSet(int cpu, long now, long pa) {
        return costs.lockAcquire();
    }

    @Override
    public long lockRelease(int cpu, long now, long pa) {
        return costs.memoryAccess();
    }

    @Override
    public MemoryStatistics statistics(int cpu) {
        if (cpu < 0 || cpu >= cpus) {
            throw new IllegalArgumentException("no CPU " + cpu + " (the machine has " + cpus + ")");
        }
        return MemoryStatistics.NONE;
    }

    @Override
    public MemoryStatistics statistics() {
        return MemoryStatistics.NONE;
    }
}
