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

    /**
     * Bytes of the host's memory held now by the translation tables of every pmap not yet destroyed, beyond the
     * machine's simulated physical memory (the kernel counts that as {@code hw.memory}): R2000 software page tables
     * kept on the heap, for instance, and 0 for a machine whose tables live in frames of its simulated RAM. The
     * kernel counts it against the host heap budget ({@code kernel.heap_budget}) when a process is made, so it must
     * follow from the simulated state alone (same configuration and seed, same figure), move as tables are made and
     * freed, and be cheap to ask: a running total, not a walk over the pmaps. The objects every pmap has however
     * little it maps are the kernel's per-process estimate's, not this figure's. Added in API 2.1: a machine built
     * against 2.0 answers 0, as one whose tables live in its simulated RAM does.
     */
    default long tableBytes() {
        return 0;
    }
}
