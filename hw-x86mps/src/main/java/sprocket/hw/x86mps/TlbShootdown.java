package sprocket.hw.x86mps;

import sprocket.api.hw.CostModel;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.Vectors;
import sprocket.api.spi.Counter;

/**
 * Making a changed page table true on every processor. IA-32 TLBs are not coherent with memory or with each
 * other: the CPU that edits the tables invalidates its own entries with INVLPG, and every other CPU whose CR3
 * holds the same directory is sent an IPI through the local APIC and does the same; the initiator waits for
 * all of them to acknowledge before it returns, so no CPU can reach the old translation afterwards.
 */
final class TlbShootdown {

    /** Past this many pages one CR3 reload is cheaper than INVLPG per page (Linux uses 33). */
    static final int INVLPG_CEILING = 32;

    private final PagingUnit mmu;
    private final LocalApic apic;
    private final CostModel costs;
    private MachineContext context;
    private Counter shootdowns;

    TlbShootdown(PagingUnit mmu, LocalApic apic, CostModel costs) {
        this.mmu = mmu;
        this.apic = apic;
        this.costs = costs;
    }

    void attach(MachineContext context) {
        this.context = context;
        this.shootdowns = context.counter("shootdowns");
    }

    /**
     * Invalidates pages {@code firstVpn..lastVpn} of {@code pd} on every CPU that has it loaded: locally on
     * {@code caller}, by a {@link Vectors#TLB_SHOOTDOWN} IPI elsewhere. The caller pays its INVLPGs, the ICR
     * writes and the wait for the acknowledgements (there and back over the APIC bus); each target pays its own
     * invalidation. Counts one shootdown when any other CPU had to be interrupted.
     */
    void invalidate(int caller, PageDirectory pd, int firstVpn, int lastVpn) {
        long icrWrites = 0;
        int targets = 0;
        for (int i = 0; i < mmu.cpus.length; i++) {
            Cpu cpu = mmu.cpus[i];
            if (i == caller || cpu.cr3 != pd) {
                continue; // a CPU with another directory in CR3 emptied its TLB when it loaded it
            }
            icrWrites += apic.sendIpi(caller, i, Vectors.TLB_SHOOTDOWN);
            targets++;
            context.charge(i, invalidate(cpu.tlb, firstVpn, lastVpn));
        }
        Cpu self = mmu.cpus[caller];
        long work = self.cr3 == pd ? invalidate(self.tlb, firstVpn, lastVpn) : 0;
        if (targets > 0) {
            shootdowns.increment();
            work += icrWrites + 2 * costs.ipiLatency();
        }
        context.charge(caller, work);
    }

    /**
     * Switches every CPU with {@code pd} in CR3 to the kernel's directory before {@code pd} is freed: {@code caller}
     * by its own CR3 load, the others by a {@link Vectors#TLB_SHOOTDOWN} IPI whose handler loads it, with the
     * caller waiting for their acknowledgements. Counts one shootdown when any other CPU had to be interrupted.
     */
    void unload(int caller, PageDirectory pd) {
        long icrWrites = 0;
        int targets = 0;
        for (int i = 0; i < mmu.cpus.length; i++) {
            if (i == caller || mmu.cpus[i].cr3 != pd) {
                continue;
            }
            icrWrites += apic.sendIpi(caller, i, Vectors.TLB_SHOOTDOWN);
            targets++;
            mmu.load(i, mmu.kernelDirectory);
            context.charge(i, PentiumCosts.CR3_LOAD);
        }
        long work = 0;
        if (mmu.cpus[caller].cr3 == pd) {
            mmu.load(caller, mmu.kernelDirectory);
            work = PentiumCosts.CR3_LOAD;
        }
        if (targets > 0) {
            shootdowns.increment();
            work += icrWrites + 2 * costs.ipiLatency();
        }
        context.charge(caller, work);
    }

    private long invalidate(Tlb tlb, int firstVpn, int lastVpn) {
        int pages = lastVpn - firstVpn + 1;
        if (pages > INVLPG_CEILING) {
            tlb.flush();
            mmu.countFlush();
            return PentiumCosts.CR3_LOAD;
        }
        for (int vpn = firstVpn; vpn <= lastVpn; vpn++) {
            tlb.invalidate(vpn);
        }
        return pages * PentiumCosts.INVLPG;
    }
}
