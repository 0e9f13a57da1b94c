package sprocket.vm.regions;

import java.util.List;
import sprocket.api.hw.AtomicUnit;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.CpuInfo;
import sprocket.api.hw.InterruptController;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.MachineDescription;

/** A machine of memory, MMU and costs only: what the memory manager reaches. */
final class FakeMachine implements Machine {
    static final long PAGE_ZERO = 700;
    static final long PAGE_COPY = 1300;
    static final long KERNEL_OP = 2;

    final FakePhysicalMemory memory;
    final FakeMmu mmu;

    FakeMachine(FakePhysicalMemory memory, FakeMmu mmu) {
        this.memory = memory;
        this.mmu = mmu;
    }

    @Override
    public MachineDescription description() {
        return new MachineDescription("fake", "fake machine", 1, (long) memory.frames() * memory.pageSize(),
                memory.pageSize(), 1_000_000, 64, true);
    }

    @Override
    public CostModel costs() {
        return new CostModel(10, KERNEL_OP, 50, 20, 1, 1, 12, 40, PAGE_ZERO, PAGE_COPY, 30, 100, 5, 3);
    }

    @Override public FakePhysicalMemory memory() { return memory; }
    @Override public FakeMmu mmu() { return mmu; }

    @Override public void attach(MachineContext context) { throw unused(); }
    @Override public List<CpuInfo> probeCpus() { throw unused(); }
    @Override public InterruptController interrupts() { throw unused(); }
    @Override public AtomicUnit atomics() { throw unused(); }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("the memory manager should not need this");
    }
}
