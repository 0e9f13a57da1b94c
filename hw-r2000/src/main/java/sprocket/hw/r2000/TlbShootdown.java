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
 *
 * <p>Each operation that interrupts at least one other CPU counts one "shootdowns"; each interrupt counts one
 * "ipis" (in {@link InterruptUnit}). The initiator pays the sends and the wait for the last acknowledgement;
 * each target pays its own invalidation (the kernel charges it for taking the interrupt).
 */
final class TlbShootdown {

    /** Invalidating every entry of one ASID: tlbr, mfc0 EntryHi, compare, tlbwi for each of the 64. */
    static final long ASID_SCAN = (long) Tlb.ENTRIES * Tlb.OP_CYCLES;
    /** Invalidating entries 8..63, as a new ASID generation needs. */
    static final long FLUSH = (long) (Tlb.ENTRIES - Tlb.WIRED) * Tlb.OP_CYCLES;

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
        // a few pages are probed one by one (tlbp, tlbwi); a longer range is a scan of all 64 entries
        long range = Math.min((long) vpnTo - vpnFrom, Tlb.ENTRIES) * Tlb.OP_CYCLES;
        boolean sent = false;
        for (int c = 0; c < tlbs.length; c++) {
            if (c == cpu || (pmap.cpus & 1 << c) == 0) {
                continue;
            }
            interrupt(cpu, c);
            sent = true;
            if (active[c] == pmap) {
                tlbs[c].invalidate(asidBits, vpnFrom, vpnTo);
                context.charge(c, range);
            } else {
                // the space no longer runs there: the handler drops all its entries, so that CPU needs no more IPIs
                tlbs[c].invalidateAsid(asidBits);
                context.charge(c, ASID_SCAN);
                pmap.cpus &= ~(1 << c);
            }
        }
        long local = 0;
        if ((pmap.cpus & 1 << cpu) != 0) {
            tlbs[cpu].invalidate(asidBits, vpnFrom, vpnTo);
            local = range;
        }
        finish(cpu, sent, local);
    }

    /** Flushes every CPU's TLB but the wired entries, as a new ASID generation needs; the cost lands on {@code cpu}. */
    void flushAll(int cpu) {
        boolean sent = false;
        for (int c = 0; c < tlbs.length; c++) {
            if (c != cpu) {
                interrupt(cpu, c);
                sent = true;
                tlbs[c].flush();
                context.charge(c, FLUSH);
            }
        }
        tlbs[cpu].flush();
        finish(cpu, sent, FLUSH);
    }

    /**
     * Drops every entry of {@code pmap}'s ASID from every TLB that may hold one, so the ASID can be handed out
     * again: {@code cpu}'s own directly, the others' by IPI, and {@code cpu} waits for their acknowledgements.
     */
    void purge(int cpu, R2000Pmap pmap) {
        int asidBits = EntryHi.asidBits(pmap.asid);
        boolean sent = false;
        for (int c = 0; c < tlbs.length; c++) {
            if (c == cpu || (pmap.cpus & 1 << c) == 0) {
                continue;
            }
            interrupt(cpu, c);
            sent = true;
            tlbs[c].invalidateAsid(asidBits);
            context.charge(c, ASID_SCAN);
        }
        long local = 0;
        if ((pmap.cpus & 1 << cpu) != 0) {
            tlbs[cpu].invalidateAsid(asidBits);
            local = ASID_SCAN;
        }
        pmap.cpus = 0;
        finish(cpu, sent, local);
    }

    /** {@code cpu} writes a TLB_SHOOTDOWN interrupt to {@code target}'s board. */
    private void interrupt(int cpu, int target) {
        context.charge(cpu, interrupts.sendIpi(cpu, target, Vectors.TLB_SHOOTDOWN));
    }

    /** The local invalidation overlaps the wait for the last acknowledgement, one IPI round trip away. */
    private void finish(int cpu, boolean sent, long local) {
        if (sent) {
            shootdowns.increment();
            context.charge(cpu, Math.max(local, 2 * costs.ipiLatency()));
        } else {
            context.charge(cpu, local);
        }
    }
}
