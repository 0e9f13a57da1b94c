package sprocket.api.hw;

/**
 * The memory-management unit of every CPU, and the factory of pmaps: the machine-dependent cache of the
 * memory manager's machine-independent truth (Mach's and BSD's split).
 */
public interface Mmu {

    /** Returned by {@link #translate} when the access is an error the kernel could not resolve. */
    long FAULT = -1;

    /**
     * A new, empty pmap for one address space. Throws {@link sprocket.api.ErrnoException} ENOMEM when the machine has
     * no room for another address space's translation tables (x86: its page-directory frames are all in use), and the
     * call that wanted the space (fork, sproc, exec) fails with it.
     */
    Pmap createPmap();

    /**
     * Translates {@code vaddr} for {@code access} on {@code cpu} through the pmap active there, the way the
     * hardware does: a TLB hit costs nothing extra; a miss is refilled (R2000: the kernel's UTLB refill
     * handler; x86: the hardware page walk) and charged to the CPU; when the page table has no usable entry
     * the machine calls {@link MachineContext#pageFault} and retries once it returns true. Returns the
     * physical address, or {@link #FAULT}.
     */
    long translate(int cpu, long vaddr, Access access);
}
