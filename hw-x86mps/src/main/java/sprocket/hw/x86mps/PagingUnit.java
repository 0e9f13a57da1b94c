package sprocket.hw.x86mps;

import static sprocket.hw.x86mps.PageTableEntry.A;
import static sprocket.hw.x86mps.PageTableEntry.D;
import static sprocket.hw.x86mps.PageTableEntry.ERR_P;
import static sprocket.hw.x86mps.PageTableEntry.ERR_U;
import static sprocket.hw.x86mps.PageTableEntry.ERR_W;
import static sprocket.hw.x86mps.PageTableEntry.FRAME;
import static sprocket.hw.x86mps.PageTableEntry.P;
import static sprocket.hw.x86mps.PageTableEntry.RW;
import static sprocket.hw.x86mps.PageTableEntry.US;

import sprocket.api.hw.Access;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.MemorySystem;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Pmap;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Faults;

/**
 * The i386 paging unit of every processor: a TLB look-up, and on a miss the hardware walk of the two-level
 * tables in RAM that sets the accessed and dirty bits; anything not present or not permitted is a page fault
 * (CR2 and the error code set, the kernel's handler called).
 *
 * <p>Every access through {@link #translate} is a user-mode (CPL 3) access: the simulated programs' loads
 * and stores. The kernel reaches memory by physical addresses, after translating through here.
 *
 * <p>Counts "tlb_misses" (no entry for the page), "page_walks" (every walk of the tables: each miss, and each
 * first write through a clean entry, which walks again to set D) and "tlb_flushes" (whole-TLB flushes).
 */
final class PagingUnit implements Mmu {

    /** Faults the kernel may resolve for one access before the machine calls its handler broken. */
    static final int MAX_FAULT_RETRIES = 8;
    /** The frame bits of a TLB entry, as an unsigned physical address. */
    private static final long FRAME_BITS = 0xFFFF_F000L;

    final Ram ram;
    final PageTablePool pool;
    final Cpu[] cpus;
    final TlbShootdown shootdown;
    /** swapper_pg_dir: the kernel's own directory, loaded at reset and whenever a CPU's directory is destroyed. */
    final PageDirectory kernelDirectory;
    private final CostModel costs;
    private final MemorySystem memory;
    private MachineContext context;
    private Counter tlbMisses;
    private Counter pageWalks;
    private Counter tlbFlushes;

    PagingUnit(Ram ram, PageTablePool pool, Cpu[] cpus, LocalApic apic, CostModel costs, MemorySystem memory) {
        this.ram = ram;
        this.memory = memory;
        this.pool = pool;
        this.cpus = cpus;
        this.costs = costs;
        this.shootdown = new TlbShootdown(this, apic, costs);
        this.kernelDirectory = PageDirectory.create(this);
        if (kernelDirectory == null) throw new IllegalStateException("no page-table frame for the kernel's directory");
        for (Cpu cpu : cpus) {
            cpu.cr3 = kernelDirectory;
        }
    }

    void attach(MachineContext context) {
        this.context = context;
        this.tlbMisses = context.counter("tlb_misses");
        this.pageWalks = context.counter("page_walks");
        this.tlbFlushes = context.counter("tlb_flushes");
        shootdown.attach(context);
    }

    @Override
    public Pmap createPmap() {
        return PageDirectory.create(this);
    }

    /**
     * None: page directories and page tables are frames of simulated RAM from the pool at its top (PageTablePool),
     * which hw.memory already holds; a pmap's own object is the kernel's per-process estimate's.
     */
    @Override
    public long tableBytes() {
        return 0;
    }

    @Override
    public long translate(int cpu, long vaddr, Access access) {
        boolean write = access == Access.WRITE;
        if ((vaddr >>> 32) == 0) {
            int entry = cpus[cpu].tlb.lookup((int) (vaddr >>> Ram.PAGE_SHIFT));
            int needed = write ? P | US | RW | D : P | US;
            if ((entry & needed) == needed) {
                return (entry & FRAME_BITS) | (vaddr & (Ram.PAGE_SIZE - 1));
            }
        }
        return translateSlow(cpu, vaddr, access, write);
    }

    private long translateSlow(int cpu, long vaddr, Access access, boolean write) {
        Cpu c = cpus[cpu];
        for (int faults = 0; ; faults++) {
            int result = walk(c, cpu, vaddr, write);
            if (result >= 0) {
                return (result & FRAME_BITS) | (vaddr & (Ram.PAGE_SIZE - 1));
            }
            c.cr2 = vaddr & 0xFFFF_FFFFL;
            c.errorCode = ~result;
            if (!context.pageFault(cpu, vaddr, access)) {
                return FAULT;
            }
            if (faults == MAX_FAULT_RETRIES) {
                throw new IllegalStateException(String.format("page-fault handler resolved CPU %d's %s at 0x%x %d"
                        + " times and it still faults (error code %d)", cpu, access, vaddr, faults + 1, c.errorCode));
            }
        }
    }

    /**
     * The processor's side of an access the TLB did not allow: either a fault straight from the TLB entry, or
     * a walk of the tables that loads a new entry. Returns the entry (bit 31 clear: frames stay below 2 GiB),
     * or the bitwise complement of the page-fault error code.
     */
    private int walk(Cpu c, int cpu, long vaddr, boolean write) {
        int userWrite = ERR_U | (write ? ERR_W : 0);
        if ((vaddr >>> 32) != 0) {
            return ~userWrite;
        }
        int vpn = (int) (vaddr >>> Ram.PAGE_SHIFT);
        int cached = c.tlb.lookup(vpn);
        if (cached != 0 && ((cached & US) == 0 || write && (cached & RW) == 0)) {
            // SDM 4.10.4.1: a page fault invalidates the TLB entries for the faulting address.
            c.tlb.invalidate(vpn);
            return ~(userWrite | ERR_P);
        }
        if (cached == 0) {
            tlbMisses.increment();
        }
        // A miss, or the first write through a clean entry: the dirty-bit assist walks the tables again.
        pageWalks.increment();
        context.charge(cpu, costs.tlbRefill());
        int pdeAddress = c.cr3.base() | PageTableEntry.directoryIndex(vpn) << 2;
        int pde = ram.word(pdeAddress);
        if ((pde & P) == 0) {
            c.tlb.invalidate(vpn);
            return ~userWrite;
        }
        int pteAddress = (pde & FRAME) | PageTableEntry.tableIndex(vpn) << 2;
        int pte = ram.word(pteAddress);
        if ((pte & P) == 0) {
            c.tlb.invalidate(vpn);
            return ~userWrite;
        }
        int rights = pde & pte; // the stricter of the two levels' R/W and U/S
        if ((rights & US) == 0 || write && (rights & RW) == 0) {
            c.tlb.invalidate(vpn);
            return ~(userWrite | ERR_P);
        }
        if ((pde & A) == 0) {
            ram.setWord(pdeAddress, pde | A);
        }
        int updated = pte | A | (write ? D : 0);
        if (updated != pte) {
            ram.setWord(pteAddress, updated);
        }
        int entry = (updated & (FRAME | D)) | (rights & (RW | US)) | P;
        c.tlb.insert(vpn, entry);
        return entry;
    }

    /** MOV CR3: loads {@code pd} on {@code cpu} and empties its TLB; loading the directory already there does nothing. */
    void load(int cpu, PageDirectory pd) {
        Cpu c = cpus[cpu];
        if (c.cr3 == pd) {
            return;
        }
        c.cr3 = pd;
        c.tlb.flush();
        tlbFlushes.increment();
    }

    /**
     * What the kernel on {@code cpu} spends, at {@code now}, on the page-table entry at {@code pteAddress}: a load,
     * and when {@code written} a store and the few instructions that build the new entry, through {@code cpu}'s
     * caches (page tables are in RAM, so protecting a large range moves lines).
     */
    long pteCost(int cpu, long now, int pteAddress, boolean written) {
        long cost = memory.load(cpu, now, pteAddress, 4);
        if (written) {
            cost += memory.store(cpu, now + cost, pteAddress, 4) + PentiumCosts.PTE_UPDATE;
        }
        return cost;
    }

    /**
     * A frame of the pool for a page directory or page table, or -1 when the pool is empty or fault injection's
     * page-table site says it is.
     */
    int allocateTable() {
        if (context != null && context.faults().shouldFail(Faults.PAGE_TABLES)) return -1;
        return pool.allocate();
    }

    /** The clock of {@code cpu}, for work the pmap times itself. */
    long now(int cpu) {
        return context.now(cpu);
    }

    /** Adds {@code cycles} of pmap work to {@code cpu}'s clock. */
    void charge(int cpu, long cycles) {
        context.charge(cpu, cycles);
    }

    /** Charges {@code cpu} for zeroing a new page-table frame through its caches. */
    void chargeTableZero(int cpu, int frame) {
        context.charge(cpu, memory.zeroFrame(cpu, context.now(cpu), frame));
    }

    /** A whole-TLB flush that is not a context switch (a long range shot down). */
    void countFlush() {
        tlbFlushes.increment();
    }

    /**
     * Charges {@code cpu} for tearing down a page directory: reading its 1024 PDEs and giving {@code frames}
     * page-table frames back to the pool, each a short list update.
     */
    void chargeTeardown(int cpu, int frames) {
        context.charge(cpu, PageTableEntry.ENTRIES * costs.memoryAccess() + frames * costs.kernelOp());
    }

    void checkCpu(int cpu) {
        if (cpu < 0 || cpu >= cpus.length) {
            throw new IllegalArgumentException("no CPU " + cpu + " on this " + cpus.length + "-CPU machine");
        }
    }
}
