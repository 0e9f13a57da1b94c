package sprocket.hw.r2000;

import sprocket.api.hw.CostModel;
import sprocket.api.hw.MachineContext;
import sprocket.api.hw.Vectors;
import sprocket.api.spi.Counter;

/**
 * Keeping every CPU's TLB in step with the page tables. With ASIDs a TLB keeps a space's entries after the
 * CPU has switched away, so a change must reach every CPU the space has run on since it got its ASID: the
 * local TLB directly, the others by a TLB_SHOOTDOWN interrupt whose handler invalidates and acknowledges.
 * When a call here returns, no CPU can reach the old translations (Barton and Wagner, share groups: "before
 * shrinking or detaching a region, we synchronously flush the TLBs for ALL processors").
 */
final class TlbShootdown {

    private final Tlb[] tlbs;
    private final R2000Pmap[] active;
    private final InterruptUnit interrupts;
    private final CostModel costs;
    private MachineContext context;
    private Counter shootdowns;

    TlbShootdown(Tlb[] tlbs, R2000Pmap[] active, InterruptUnit interrupts, CostModel costs) {
        this.tlbs = tlbs;
        this.active = active;
        this.interrupts = interrupts;
        this.costs = costs;
    }

    void attach(MachineContext context) {
        this.context = context;
        this.shootdowns = context.counter("shootdowns");
    }

    /**
     * Makes pages [vpnFrom, vpnTo) of {@code pmap} unreachable through any TLB; {@code cpu} does the work and
     * waits for the other CPUs' acknowledgements. The caller checked that {@code pmap} holds an ASID of the
     * current generation.
     */
    void shootdown(int cpu, R2000Pmap pmap, int vpnFrom, int vpnTo) {
        int asidBits = EntryHi.asidBits(pmap.asid);
        boolean sent = false;
        for (int c = 0; c < tlbs.length; c++) {
            if (c == cpu || (pmap.cpus & 1 << c) == 0) {
                continue;
            }
            context.charge(cpu, interrupts.sendIpi(cpu, c, Vectors.TLB_SHOOTDOWN));
            shootdowns.increment();
            sent = true;
            if (active[c] == pmap) {
                tlbs[c].invalidate(asidBits, vpnFrom, vpnTo);
            } else {
                // the space no longer runs there: the handler drops all its entries, so that CPU needs no more IPIs
                tlbs[c].invalidateAsid(asidBits);
                pmap.cpus &= ~(1 << c);
            }
        }
        long local = 0;
        if ((pmap.cpus & 1 << cpu) != 0) {
            tlbs[cpu].invalidate(asidBits, vpnFrom, vpnTo);
            // a few pages are probed one by one (tlbp, tlbwi); a longer range is a scan of all 64 entries
            local = Math.min((long) vpnTo - vpnFrom, Tlb.ENTRIES) * Tlb.OP_CYCLES;
        }
        // the local invalidation overlaps the wait for the last acknowledgement, one IPI round trip away
        context.charge(cpu, sent ? Math.max(local, 2 * costs.ipiLatency()) : local);
    }

    /** Flushes every CPU's TLB but the wired entries, as a new ASID generation needs; the cost lands on {@code cpu}. */
    void flushAll(int cpu) {
        boolean sent = false;
        for (int c = 0; c < tlbs.length; c++) {
            if (c != cpu) {
                context.charge(cpu, interrupts.sendIpi(cpu, c, Vectors.TLB_SHOOTDOWN));
                shootdowns.increment();
                sent = true;
                tlbs[c].flush();
            }
        }
        tlbs[cpu].flush();
        long local = (long) (Tlb.ENTRIES - Tlb.WIRED) * Tlb.OP_CYCLES;
        context.charge(cpu, sent ? Math.max(local, 2 * costs.ipiLatency()) : local);
    }

    /** Drops every entry of {@code pmap}'s ASID wherever it may be, so the ASID can be handed out again. */
    void drop(R2000Pmap pmap) {
        int asidBits = EntryHi.asidBits(pmap.asid);
        for (int c = 0; c < tlbs.length; c++) {
            if ((pmap.cpus & 1 << c) != 0) {
                tlbs[c].invalidateAsid(asidBits);
            }
        }
        pmap.cpus = 0;
    }
}
