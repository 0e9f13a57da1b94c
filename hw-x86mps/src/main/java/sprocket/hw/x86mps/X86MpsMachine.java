package sprocket.hw.x86mps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/**
 * An Intel MPS 1.4 board: Pentium processors with local APICs, RAM whose low 1 MiB holds the BIOS data area
 * and the MP tables, a page-table pool at the top, and the i386 paging unit.
 */
final class X86MpsMachine implements Machine {

    private static final Logger LOG = LoggerFactory.getLogger(X86MpsMachine.class);

    private final MachineDescription description;
    private final Ram ram;
    private final Cpu[] cpus;
    private final LocalApic apic;
    private final PagingUnit mmu;
    private final LockXchg atomics;
    private final MemorySystem memorySystem;
    private boolean attached;

    /** The board with the HOWTO's memory system: 8 KiB L1s and a shared 256 KiB L2. */
    X86MpsMachine(int cpuCount, long memoryBytes) {
        this(cpuCount, memoryBytes, PentiumCaches.standard());
    }

    X86MpsMachine(int cpuCount, long memoryBytes, PentiumCaches caches) {
        if (cpuCount < 1 || cpuCount > X86MpsProvider.MAX_CPUS) {
            throw new IllegalArgumentException("x86mps: " + cpuCount + " CPUs; MPS APIC IDs allow 1.."
                    + X86MpsProvider.MAX_CPUS);
        }
        if (memoryBytes < X86MpsProvider.MIN_MEMORY || memoryBytes > Ram.MAX_BYTES) {
            throw new IllegalArgumentException("x86mps: " + memoryBytes + " bytes of memory; this machine takes "
                    + (X86MpsProvider.MIN_MEMORY >> 20) + " MiB.." + (Ram.MAX_BYTES >> 20) + " MiB");
        }
        int frames = (int) (memoryBytes >>> Ram.PAGE_SHIFT);
        int poolFirst = frames - PageTablePool.sizeFor(frames);
        this.ram = new Ram(frames, poolFirst);
        PageTablePool pool = new PageTablePool(ram, poolFirst, frames);
        this.cpus = new Cpu[cpuCount];
        int[] apicIds = new int[cpuCount];
        for (int i = 0; i < cpuCount; i++) {
            apicIds[i] = i; // the BSP is APIC 0 and the APs follow, as board strapping usually numbers them
            cpus[i] = new Cpu(i);
        }
        this.apic = new LocalApic(cpus, PentiumCosts.MODEL);
        this.memorySystem = caches.build(cpuCount);
        this.mmu = new PagingUnit(ram, pool, cpus, apic, PentiumCosts.MODEL, memorySystem);
        this.atomics = new LockXchg(cpuCount, PentiumCosts.MODEL);
        MpTableWriter.write(ram, apicIds);
        this.description = new MachineDescription(X86MpsProvider.NAME,
                "Intel MPS 1.4, " + cpuCount + " x Pentium 100 MHz with local APICs; " + memorySystem.describe(), cpuCount,
                (long) frames << Ram.PAGE_SHIFT, Ram.PAGE_SIZE, PentiumCosts.CLOCK_HZ, Tlb.ENTRIES, false);
        LOG.debug("built {}: {} frames, page-table pool of {} frames from frame {}", description.model(), frames,
                pool.capacity(), poolFirst);
    }

    @Override
    public MachineDescription description() {
        return description;
    }

    @Override
    public CostModel costs() {
        return PentiumCosts.MODEL;
    }

    @Override
    public void attach(MachineContext context) {
        if (attached) {
            throw new IllegalStateException("x86mps machine is already attached to a kernel");
        }
        attached = true;
        apic.attach(context);
        memorySystem.attach(context);
        mmu.attach(context);
    }

    /**
     * Reads the MP configuration table out of BIOS memory: the enabled processors, boot processor first. With
     * no usable table the kernel runs on the boot processor alone, as an MP kernel does on such a board.
     */
    @Override
    public List<CpuInfo> probeCpus() {
        Optional<MpConfiguration> config = MpTableParser.parse(ram);
        if (config.isEmpty()) {
            return List.of(new CpuInfo(0, cpus[0].apicId, true, "Intel Pentium (no MP table: uniprocessor)"));
        }
        List<CpuInfo> found = new ArrayList<>();
        for (MpConfiguration.Processor p : config.get().processors()) {
            if (p.enabled() && p.bootstrap()) {
                found.add(new CpuInfo(0, p.apicId(), true, p.model()));
            }
        }
        for (MpConfiguration.Processor p : config.get().processors()) {
            if (p.enabled() && !p.bootstrap()) {
                found.add(new CpuInfo(found.size(), p.apicId(), false, p.model()));
            }
        }
        return List.copyOf(found);
    }

    @Override
    public PhysicalMemory memory() {
        return ram;
    }

    @Override
    public Mmu mmu() {
        return mmu;
    }

    @Override
    public InterruptController interrupts() {
        return apic;
    }

    @Override
    public AtomicUnit atomics() {
        return atomics;
    }

    @Override
    public MemorySystem memorySystem() {
        return memorySystem;
    }

    /** One processor's registers, for tests. */
    Cpu cpu(int cpu) {
        return cpus[cpu];
    }

    PagingUnit paging() {
        return mmu;
    }

    LocalApic apic() {
        return apic;
    }
}
