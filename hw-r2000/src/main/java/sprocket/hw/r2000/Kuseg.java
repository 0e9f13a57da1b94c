package sprocket.hw.r2000;

/**
 * kuseg, the user segment: virtual addresses 0 .. 0x7FFF_FFFF, translated through the TLB. Addresses from
 * 0x8000_0000 up (kseg0, kseg1, kseg2) are the kernel's; a user-mode access there is an address error.
 */
final class Kuseg {

    static final long END = 0x8000_0000L;
    static final int PAGE_SHIFT = 12;
    static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    static final long OFFSET_MASK = PAGE_SIZE - 1;
    /** Pages in kuseg: 2^19. */
    static final int PAGES = (int) (END >>> PAGE_SHIFT);

    private Kuseg() {
    }

    static boolean contains(long vaddr) {
        return vaddr >= 0 && vaddr < END;
    }
}
