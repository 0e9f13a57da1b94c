package sprocket.api.hw;

/**
 * One address space's machine-dependent translations: the R2000's software page table and ASID, or the
 * x86's page directory and page tables in physical memory. The memory manager is the authority; a pmap
 * only caches its decisions and may be rebuilt from them.
 */
public interface Pmap {

    /**
     * Maps the page at {@code vaddr} to {@code frame} with {@code prot} ({@link Prot} bits), replacing any mapping;
     * a replaced mapping is shot down as {@link #remove} does, at {@code cpu}'s cost. Throws
     * {@link sprocket.api.ErrnoException} ENOMEM, mapping nothing, when the machine has no room for the translation
     * table the mapping needs (x86: a page table); the memory manager then treats the fault as it treats running out
     * of memory.
     */
    void enter(int cpu, long vaddr, int frame, int prot);

    /**
     * Removes the mappings of every page in {@code [vaddr, vaddr + length)}. When it returns, no CPU can
     * reach those pages: other CPUs' TLBs are shot down (by IPI where the machine needs one), and the cost
     * lands on {@code cpu}, the CPU doing the removal.
     */
    void remove(int cpu, long vaddr, long length);

    /** Lowers (or raises) the protection of the pages in the range, shooting down stale TLB entries as {@link #remove} does. */
    void protect(int cpu, long vaddr, long length, int prot);

    /** Makes this the address space {@code cpu} translates through (R2000: sets the ASID in EntryHi; x86: loads CR3). */
    void activate(int cpu);

    /**
     * Frees whatever the machine holds for this pmap (page-table frames, the ASID), charging {@code cpu} for the
     * work. It must not be active on any CPU.
     */
    void destroy(int cpu);
}
