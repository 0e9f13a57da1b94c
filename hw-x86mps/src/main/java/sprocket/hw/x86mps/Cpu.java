package sprocket.hw.x86mps;

/**
 * One processor's paging registers: CR3 (held as the page directory whose frame it contains), CR2 and the
 * error code of the last page fault, and its TLB.
 */
final class Cpu {

    /** Its local APIC ID, as the MP configuration table lists it. */
    final int apicId;
    final Tlb tlb = new Tlb();
    /** The loaded page directory (CR3's value is its frame's address); the paging unit loads the kernel's at reset. */
    PageDirectory cr3;
    /** The linear address of the last page fault. */
    long cr2;
    /** The error code the last page fault pushed: {@link PageTableEntry#ERR_P}, ERR_W, ERR_U. */
    int errorCode;

    Cpu(int apicId) {
        this.apicId = apicId;
    }

    /** CR3 as the register reads: the physical address of the page directory. */
    long cr3Value() {
        return (long) cr3.frame << Ram.PAGE_SHIFT;
    }
}
