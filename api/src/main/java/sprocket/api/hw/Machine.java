package sprocket.api.hw;

import java.util.List;

/**
 * A built machine. The kernel calls {@link #attach} once, at boot, before anything else; afterwards every
 * method may be called from the engine's single thread at any time.
 */
public interface Machine {

    /** What this machine is. */
    MachineDescription description();

    /** What operations cost here. */
    CostModel costs();

    /**
     * Connects the machine to the kernel: where to post interrupts, whom to ask on page faults, where to
     * count. Called once, at boot.
     */
    void attach(MachineContext context);

    /**
     * The CPUs as the firmware describes them, boot processor first. The x86 MPS machine finds them by
     * parsing the MP floating pointer structure and configuration table in its BIOS memory.
     */
    List<CpuInfo> probeCpus();

    /** Physical memory. */
    PhysicalMemory memory();

    /** The memory-management unit and its per-address-space pmaps. */
    Mmu mmu();

    /** The interrupt controller: timers and inter-processor interrupts. */
    InterruptController interrupts();

    /** The atomic primitive kernel locks are built on, with its costs. */
    AtomicUnit atomics();

    /**
     * The caches, the bus and memory behind them: what each load, store, block transfer and atomic operation costs
     * (see {@link MemorySystem}). The machine attaches it in {@link #attach}. A machine without a cache model keeps
     * this default: the flat figures of its {@link #costs()}.
     */
    default MemorySystem memorySystem() {
        return MemorySystem.flat(costs(), description().cpus());
    }
}
