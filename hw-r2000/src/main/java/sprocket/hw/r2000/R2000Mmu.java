package sprocket.hw.r2000;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Access;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.MemorySystem;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.Pmap;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Faults;

/**
 * The CPUs' TLBs, what each has in EntryHi (the active address space and its ASID), and the kernel's
 * machine-dependent code around them: the UTLB refill handler, ASID assignment, TLB shootdown.
 */
final class R2000Mmu implements Mmu {

    private static final Logger log = LoggerFactory.getLogger(R2000Mmu.class);

    /** A kernel that reports a fault resolved this often in a row without a usable mapping is broken. */
    private static final int MAX_FAULTS = 16;

    private final int frames;
    private final CostModel costs;
    private final Tlb[] tlbs;
    /** Per CPU, the space whose ASID is in EntryHi, or null. */
    private final R2000Pmap[] active;
    /** Per CPU, EntryHi's ASID field ({@link EntryHi#NO_ASID} when no space is active). */
    private final int[] activeAsid;
    private final AsidAllocator asids = new AsidAllocator();
    /** Host bytes of every live pmap's page table (see {@link #tableBytes}). */
    private long tableBytes;
    private final TlbShootdown shootdown;
    private final MemorySystem memory;

    private MachineContext context;
    private Counter tlbMisses;
    private Counter tlbRefills;
    private Counter asidWraps;

    R2000Mmu(int cpus, int frames, CostModel costs, InterruptUnit interrupts, MemorySystem memory) {
        this.frames = frames;
        this.memory = memory;
        this.costs = costs;
        this.tlbs = new Tlb[cpus];
        this.active = new R2000Pmap[cpus];
        this.activeAsid = new int[cpus];
        for (int c = 0; c < cpus; c++) {
            tlbs[c] = new Tlb();
            activeAsid[c] = EntryHi.NO_ASID;
        }
        this.shootdown = new TlbShootdown(tlbs, active, interrupts, costs);
    }

    void attach(MachineContext context) {
        this.context = context;
        this.tlbMisses = context.counter("tlb_misses");
        this.tlbRefills = context.counter("tlb_refills");
        this.asidWraps = context.counter("asid_wraps");
        shootdown.attach(context);
    }

    /**
     * Whether the kernel memory for {@code bytes} more of page table (a directory, a leaf) has run out: the kernel's
     * host heap budget holds no more, or fault injection says so.
     */
    boolean tableFails(long bytes) {
        return context != null && (context.faults().shouldFail(Faults.PAGE_TABLES) || !context.hostRoom(bytes));
    }

    /** The page tables of the live pmaps change size by {@code delta} bytes. */
    void tableBytesChanged(long delta) {
        tableBytes += delta;
    }

    /** The software page tables: a directory and the leaves in use of every live pmap (PageTable's figures). */
    @Override
    public long tableBytes() {
        return tableBytes;
    }

    @Override
    public Pmap createPmap() {
        if (tableFails(0)) throw ErrnoException.of(Errno.ENOMEM);
        return new R2000Pmap(this);
    }

    @Override
    public long translate(int cpu, long vaddr, Access access) {
        if (!Kuseg.contains(vaddr)) {
            return FAULT; // address error: kseg0, kseg1 and kseg2 are closed to user mode
        }
        Tlb tlb = tlbs[cpu];
        int vpnBits = (int) vaddr & EntryHi.VPN_MASK;
        int faults = 0;
        while (true) {
            int i = tlb.probe(vpnBits, activeAsid[cpu]);
            if (i >= 0) {
                int lo = tlb.entryLo(i);
                if (EntryLo.valid(lo) && (access != Access.WRITE || (lo & EntryLo.D) != 0)) {
                    return Integer.toUnsignedLong(lo & EntryLo.PFN_MASK) | (vaddr & Kuseg.OFFSET_MASK);
                }
                // TLB invalid, or a store without D (TLB modified): the general exception vector
            } else if (refill(cpu, tlb, vpnBits)) {
                continue;
            }
            if (++faults > MAX_FAULTS) {
                throw new IllegalStateException("the kernel resolved the fault at 0x" + Long.toHexString(vaddr) + " ("
                        + access + ") on CPU " + cpu + " " + MAX_FAULTS + " times without entering a usable mapping");
            }
            if (!context.pageFault(cpu, vaddr, access)) {
                return FAULT;
            }
        }
    }

    /**
     * The UTLB refill handler: load the active space's PTE for the missing page and, when it is valid,
     * tlbwr it with the current ASID. An invalid PTE leaves the fault to the general handler.
     */
    private boolean refill(int cpu, Tlb tlb, int vpnBits) {
        tlbMisses.increment();
        context.charge(cpu, costs.tlbRefill());
        R2000Pmap pmap = active[cpu];
        int pte = pmap == null ? 0 : pmap.table.pte(vpnBits >>> EntryHi.VPN_SHIFT);
        if (!EntryLo.valid(pte)) {
            return false;
        }
        tlb.tlbwr(vpnBits | activeAsid[cpu], EntryLo.hardware(pte), context.now(cpu));
        tlbRefills.increment();
        return true;
    }

    /** Loads {@code pmap}'s ASID into {@code cpu}'s EntryHi, giving it one first if it has none of this generation. */
    void activate(int cpu, R2000Pmap pmap) {
        checkCpu(cpu);
        active[cpu] = pmap;
        if (pmap.generation != asids.generation()) {
            int asid = asids.allocate();
            if (asid >= 0) {
                pmap.assign(asid, asids.generation());
            } else {
                wrap(cpu);
            }
        }
        activeAsid[cpu] = EntryHi.asidBits(pmap.asid);
        pmap.cpus |= 1 << cpu;
    }

    /**
     * All 64 ASIDs are taken: start a generation, flush every TLB, and give the spaces still running on a CPU
     * (the one being activated among them) fresh ASIDs, so no two spaces ever share one.
     */
    private void wrap(int cpu) {
        asids.wrap();
        asidWraps.increment();
        log.debug("ASIDs wrapped on CPU {}: generation {}", cpu, asids.generation());
        shootdown.flushAll(cpu);
        for (int c = 0; c < active.length; c++) {
            R2000Pmap running = active[c];
            if (running == null) {
                continue;
            }
            if (running.generation != asids.generation()) {
                running.assign(asids.allocate(), asids.generation());
            }
            activeAsid[c] = EntryHi.asidBits(running.asid);
            running.cpus |= 1 << c;
        }
    }

    /** Pages [vpnFrom, vpnTo) of {@code pmap} changed in its page table: drop the stale TLB copies everywhere. */
    void changed(int cpu, R2000Pmap pmap, int vpnFrom, int vpnTo) {
        if (pmap.generation == asids.generation()) {
            shootdown.shootdown(cpu, pmap, vpnFrom, vpnTo);
        }
    }

    /**
     * {@code pmap} is destroyed on {@code cpu}: its ASID's entries are purged from every TLB that may hold them
     * (by IPI on the others) before the ASID is free again, it is unloaded wherever it is still loaded, and its
     * page table is given back: a scan of the root and a page returned per leaf, on {@code cpu}'s time.
     */
    void release(int cpu, R2000Pmap pmap) {
        checkCpu(cpu);
        if (pmap.generation == asids.generation()) {
            shootdown.purge(cpu, pmap);
            asids.free(pmap.asid);
        }
        pmap.generation = 0;
        for (int c = 0; c < active.length; c++) {
            if (active[c] == pmap) {
                active[c] = null;
                activeAsid[c] = EntryHi.NO_ASID;
            }
        }
        tableBytes -= pmap.table.bytes;
        int leaves = pmap.table.clear();
        context.charge(cpu, PageTable.LEAVES * costs.memoryAccess() + leaves * costs.kernelOp());
    }

    /**
     * Charges {@code cpu} for page-table work: {@code reads} entries loaded in order and {@code writes} of them
     * rewritten (a few instructions each to build the entry). With the caches modelled the lines come over the
     * MPlink bus and the stores go through the write buffer.
     */
    void chargePtes(int cpu, int reads, int writes) {
        if (reads == 0 && writes == 0) {
            return;
        }
        long cycles = memory instanceof PowerSeriesMemory caches ? caches.tableWork(cpu, context.now(cpu), reads, writes)
                : reads * costs.memoryAccess() + writes * (costs.memoryAccess() + R2000Costs.PTE_UPDATE);
        context.charge(cpu, cycles);
    }

    void checkFrame(int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IllegalArgumentException("no frame " + frame + " (memory has " + frames + ")");
        }
    }

    void checkCpu(int cpu) {
        if (cpu < 0 || cpu >= tlbs.length) {
            throw new IllegalArgumentException("no CPU " + cpu + " (the machine has " + tlbs.length + ")");
        }
    }

    /** {@code cpu}'s TLB, for tests. */
    Tlb tlb(int cpu) {
        return tlbs[cpu];
    }

    /** The ASID in {@code cpu}'s EntryHi, or -1. */
    int activeAsid(int cpu) {
        int bits = activeAsid[cpu];
        return bits == EntryHi.NO_ASID ? -1 : bits >>> EntryHi.ASID_SHIFT;
    }

    AsidAllocator asids() {
        return asids;
    }
}
