package sprocket.hw.r2000;

/**
 * The R2000's EntryHi register and the high half of each TLB entry: VPN in bits 31..12 (va[31:12]) and the
 * 6-bit ASID in bits 11..6; bits 5..0 are zero.
 */
final class EntryHi {

    static final int VPN_SHIFT = 12;
    static final int VPN_MASK = 0xFFFF_F000;
    static final int ASID_SHIFT = 6;
    static final int ASID_MASK = 0x0000_0FC0;

    /** An ASID field no entry can hold: the CPU has no address space active, so only G entries match. */
    static final int NO_ASID = -1;

    /** The first VPN of kseg0 (0x8000_0000), which is unmapped: a TLB entry there is never matched. */
    static final int KSEG0_VPN = 0x80000;

    private EntryHi() {
    }

    static int of(int vpn, int asid) {
        return vpn << VPN_SHIFT | asid << ASID_SHIFT;
    }

    static int vpn(int entryHi) {
        return entryHi >>> VPN_SHIFT;
    }

    static int asid(int entryHi) {
        return (entryHi & ASID_MASK) >>> ASID_SHIFT;
    }

    /** The ASID field of {@code asid}, ready to compare with {@code entryHi & ASID_MASK}. */
    static int asidBits(int asid) {
        return asid << ASID_SHIFT;
    }

    /**
     * The EntryHi of an invalidated entry {@code index}: a distinct kseg0 address per entry, as MIPS kernels
     * write, since kseg0 is never translated and two matching entries would shut the TLB down.
     */
    static int unmatchable(int index) {
        return (KSEG0_VPN + index) << VPN_SHIFT;
    }
}
