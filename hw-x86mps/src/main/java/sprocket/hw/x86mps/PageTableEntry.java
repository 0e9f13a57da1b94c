package sprocket.hw.x86mps;

import sprocket.api.hw.Prot;

/**
 * The bits of an i386 page-directory or page-table entry, at their real positions (Intel SDM vol. 3, "32-bit
 * paging"), and the split of a linear address into directory index, table index and offset.
 */
final class PageTableEntry {

    /** Present. */
    static final int P = 1;
    /** Read/write: writes allowed when set. */
    static final int RW = 1 << 1;
    /** User/supervisor: user-mode accesses allowed when set. */
    static final int US = 1 << 2;
    /** Accessed: set by the processor when it uses the entry. */
    static final int A = 1 << 5;
    /** Dirty (PTE only): set by the processor on the first write to the page. */
    static final int D = 1 << 6;
    /**
     * An AVL bit (9, free for the OS): a PROT_NONE mapping, kept not present so any access faults while the
     * frame stays recorded (Linux's _PAGE_PROTNONE idea).
     */
    static final int PROT_NONE = 1 << 9;
    /** Bits 31..12: the frame. */
    static final int FRAME = 0xFFFF_F000;

    /** Page-fault error code bit 0: the fault was a protection violation (0: page not present). */
    static final int ERR_P = 1;
    /** Error code bit 1: the access was a write. */
    static final int ERR_W = 1 << 1;
    /** Error code bit 2: the access came from user mode. */
    static final int ERR_U = 1 << 2;

    /** The i386 gives the kernel the linear addresses from 3 GiB up; their pages are supervisor pages. */
    static final long KERNEL_BASE = 0xC000_0000L;
    /** Linear addresses are 32 bits. */
    static final long LINEAR_LIMIT = 1L << 32;
    static final int ENTRIES = 1024;

    private PageTableEntry() {
    }

    /** Bits 31..22 of a linear address: the page-directory index. */
    static int directoryIndex(int vpn) {
        return vpn >>> 10;
    }

    /** Bits 21..12: the page-table index. */
    static int tableIndex(int vpn) {
        return vpn & (ENTRIES - 1);
    }

    /** Whether the entry maps a frame (present, or a PROT_NONE mapping kept not present). */
    static boolean mapped(int pte) {
        return (pte & (P | PROT_NONE)) != 0;
    }

    /**
     * The PTE for {@code frame} with mmap protection {@code prot}. IA-32 paging has no execute permission and
     * no write-only pages, so any access right makes the page present and readable; PROT_WRITE sets R/W.
     */
    static int make(int frame, int prot, boolean user) {
        int pte = frame << Ram.PAGE_SHIFT;
        pte |= prot == Prot.NONE ? PROT_NONE : P;
        if ((prot & Prot.WRITE) != 0) {
            pte |= RW;
        }
        if (user) {
            pte |= US;
        }
        return pte;
    }

    /** Whether a page at {@code vaddr} is a user page (below the kernel's 3 GiB line). */
    static boolean user(long vaddr) {
        return vaddr < KERNEL_BASE;
    }
}
