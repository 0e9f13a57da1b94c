package sprocket.hw.r2000;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.hw.AtomicUnit;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.CpuInfo;
import sprocket.api.hw.InterruptController;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.MachineDescription;
import sprocket.api.hw.MemorySystem;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;

/** A bus of R2000 CPU boards sharing one main memory, as SGI's early Power Series multiprocessors were. */
final class R2000Machine implements Machine {

    private static final Logger log = LoggerFactory.getLogger(R2000Machine.class);

    static final long CLOCK_HZ = 16_670_000;
    static final String CPU_MODEL = "MIPS R2000 rev 5.0";

    private final MachineDescription description;
    private final CostModel costs;
    private final List<CpuInfo> cpus;
    private final MainMemory memory;
    private final InterruptUnit interrupts;
    private final LockUnit atomics;
    private final R2000Mmu mmu;
    private final MemorySystem memorySystem;
    private boolean attached;

    /** The machine with the POWER Series' caches. */
    R2000Machine(int cpuCount, long memoryBytes) {
        this(cpuCount, memoryBytes, PowerSeriesCaches.standard());
    }

    R2000Machine(int cpuCount, long memoryBytes, PowerSeriesCaches caches) {
        this.costs = R2000Costs.standard();
        this.memory = new MainMemory(memoryBytes);
        this.interrupts = new InterruptUnit(cpuCount, costs);
        this.atomics = new LockUnit(cpuCount, costs);
        this.memorySystem = caches.build(cpuCount, costs);
        this.mmu = new R2000Mmu(cpuCount, memory.frames(), costs, interrupts, memorySystem);
        this.description = new MachineDescription("r2000",
                "MIPS R2000 16.7 MHz, " + cpuCount + (cpuCount == 1 ? " CPU" : " CPUs") + ", hardware lock unit; "
                        + memorySystem.describe(),
                cpuCount, memory.size(), Kuseg.PAGE_SIZE, CLOCK_HZ, Tlb.ENTRIES, true);
        List<CpuInfo> list = new ArrayList<>(cpuCount);
        for (int slot = 0; slot < cpuCount; slot++) {
            list.add(new CpuInfo(slot, slot, slot == 0, CPU_MODEL)); // the board in slot 0 boots the others
        }
        this.cpus = List.copyOf(list);
    }

    @Override
    public MachineDescription description() {
        return description;
    }

    @Override
    public CostModel costs() {
        return costs;
    }

    @Override
    public void attach(MachineContext context) {
        if (attached) {
            throw new IllegalStateException("the machine is already attached to a kernel");
        }
        attached = true;
        interrupts.attach(context);
        memorySystem.attach(context);
        mmu.attach(context);
        log.debug("attached: {}, {} frames", description.model(), memory.frames());
    }

    @Override
    public List<CpuInfo> probeCpus() {
        return cpus;
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    @Override
    public Mmu mmu() {
        return mmu;
    }

    @Override
    public InterruptController interrupts() {
        return interrupts;
    }

    @Override
    public AtomicUnit atomics() {
        return atomics;
    }

    @Override
    public MemorySystem memorySystem() {
        return memorySystem;
    }
}
