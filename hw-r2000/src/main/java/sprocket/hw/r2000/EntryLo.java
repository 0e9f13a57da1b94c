package sprocket.hw.r2000;

import sprocket.api.hw.Prot;

/**
 * The R2000's EntryLo register, the low half of each TLB entry, and the layout of this kernel's PTEs: PFN in
 * bits 31..12, N (non-cacheable) bit 11, D (dirty: writes allowed) bit 10, V (valid) bit 9, G (global: ignore
 * the ASID) bit 8; bits 7..0 are reserved in the hardware and hold software bits in a PTE, as IRIX's do, so
 * the refill handler moves a PTE into EntryLo without shifting.
 */
final class EntryLo {

    static final int PFN_SHIFT = 12;
    static final int PFN_MASK = 0xFFFF_F000;
    static final int N = 1 << 11;
    static final int D = 1 << 10;
    static final int V = 1 << 9;
    static final int G = 1 << 8;

    /** The bits the hardware ignores; a PTE keeps software state there. */
    static final int SOFTWARE_MASK = 0xFF;

    /** Software: the page has a frame, even when V is clear because the protection is PROT_NONE. */
    static final int MAPPED = 1;

    private EntryLo() {
    }

    /**
     * A PTE for {@code frame} with {@code prot}. The R2000 cannot forbid reads or instruction fetches of a
     * valid page, so any access right sets V, and only write permission sets D.
     */
    static int pte(int frame, int prot) {
        int pte = frame << PFN_SHIFT | MAPPED;
        if (prot != Prot.NONE) {
            pte |= V;
        }
        if ((prot & Prot.WRITE) != 0) {
            pte |= D;
        }
        return pte;
    }

    /** What {@code prot} sets among the V and D bits. */
    static int protBits(int prot) {
        return pte(0, prot) & (V | D);
    }

    /** The part of a PTE the hardware sees: what the refill handler writes into EntryLo. */
    static int hardware(int pte) {
        return pte & ~SOFTWARE_MASK;
    }

    static int pfn(int entryLo) {
        return entryLo >>> PFN_SHIFT;
    }

    static boolean valid(int entryLo) {
        return (entryLo & V) != 0;
    }
}
