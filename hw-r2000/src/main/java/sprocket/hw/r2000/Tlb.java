package sprocket.hw.r2000;

/**
 * One R2000's TLB: 64 fully associative entries, each an EntryHi and an EntryLo packed in two int arrays.
 * Entries 0..7 are wired: {@code tlbwr} writes the entry the Random register names, and Random counts down
 * from 63 to 8 once per cycle, so it never names them (R2000 manual, "Random register").
 */
final class Tlb {

    static final int ENTRIES = 64;
    static final int WIRED = 8;

    /** Cycles per entry a kernel TLB operation takes: mtc0 EntryHi, tlbp or tlbr, mfc0, tlbwi. */
    static final int OP_CYCLES = 4;

    private final int[] hi = new int[ENTRIES];
    private final int[] lo = new int[ENTRIES];

    /** The entry the last probe matched; consecutive accesses mostly hit the same page. A simulator shortcut only. */
    private int hint;

    Tlb() {
        for (int i = 0; i < ENTRIES; i++) {
            invalidate(i);
        }
    }

    /** The Random register at {@code cycles}: 63 at reset, one less each cycle, back to 63 after 8. */
    static int random(long cycles) {
        return ENTRIES - 1 - (int) Math.floorMod(cycles, (long) (ENTRIES - WIRED));
    }

    /**
     * tlbp: the index of the entry matching VPN field {@code vpnBits} (va & VPN_MASK) and ASID field
     * {@code asidBits}, or -1. An entry with G set matches any ASID.
     */
    int probe(int vpnBits, int asidBits) {
        int h = hint;
        if (matches(h, vpnBits, asidBits)) {
            return h;
        }
        for (int i = 0; i < ENTRIES; i++) {
            if (matches(i, vpnBits, asidBits)) {
                hint = i;
                return i;
            }
        }
        return -1;
    }

    private boolean matches(int i, int vpnBits, int asidBits) {
        int e = hi[i];
        return (e & EntryHi.VPN_MASK) == vpnBits && ((e & EntryHi.ASID_MASK) == asidBits || (lo[i] & EntryLo.G) != 0);
    }

    /** tlbwi: writes entry {@code index}, wired ones included. */
    void tlbwi(int index, int entryHi, int entryLo) {
        hi[index] = entryHi;
        lo[index] = entryLo;
    }

    /** tlbwr: writes the entry Random names at {@code cycles}; returns its index (always 8..63). */
    int tlbwr(int entryHi, int entryLo, long cycles) {
        int index = random(cycles);
        hi[index] = entryHi;
        lo[index] = entryLo;
        return index;
    }

    int entryHi(int index) {
        return hi[index];
    }

    int entryLo(int index) {
        return lo[index];
    }

    void invalidate(int index) {
        hi[index] = EntryHi.unmatchable(index);
        lo[index] = 0;
    }

    /** Invalidates the non-global entries of ASID field {@code asidBits} with a VPN in [vpnFrom, vpnTo); returns how many. */
    int invalidate(int asidBits, int vpnFrom, int vpnTo) {
        int n = 0;
        for (int i = 0; i < ENTRIES; i++) {
            int e = hi[i];
            int vpn = EntryHi.vpn(e);
            if ((e & EntryHi.ASID_MASK) == asidBits && (lo[i] & EntryLo.G) == 0 && vpn >= vpnFrom && vpn < vpnTo) {
                invalidate(i);
                n++;
            }
        }
        return n;
    }

    /** Invalidates every non-global entry of ASID field {@code asidBits}; returns how many. */
    int invalidateAsid(int asidBits) {
        return invalidate(asidBits, 0, EntryHi.KSEG0_VPN);
    }

    /** Invalidates every entry but the wired ones, as a kernel does when its ASIDs wrap. */
    void flush() {
        for (int i = WIRED; i < ENTRIES; i++) {
            invalidate(i);
        }
    }
}
