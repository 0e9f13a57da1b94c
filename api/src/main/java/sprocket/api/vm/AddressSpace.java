package sprocket.api.vm;

import sprocket.api.hw.Access;
import sprocket.api.hw.Pmap;

/**
 * One process's virtual memory. The kernel activates its {@link #pmap()} on the CPU the process runs on;
 * loads and stores go through the machine's MMU, and faults come back here through the kernel.
 */
public interface AddressSpace {

    /** The machine-dependent translations of this space. */
    Pmap pmap();

    /**
     * Resolves a fault at {@code vaddr}: zero-fill on first touch, stack growth, copy on write. Returns true
     * when a mapping was entered in the pmap, false when the access is an error (the kernel sends SIGSEGV).
     */
    boolean fault(int cpu, long vaddr, Access access);

    /** The current break: the end of the data segment. */
    long brk();

    /**
     * Moves the break by {@code increment} bytes (sbrk(2)); shrinking frees the pages past the new break.
     * Returns the old break, or a negative errno ({@code -ENOMEM}).
     */
    long sbrk(int cpu, long increment);

    /** The highest address of the stack, exclusive. */
    long stackTop();

    /** A copy for fork(2): private pages copied (or shared copy-on-write); null when memory ran out. */
    AddressSpace fork(int cpu);

    /** Pages with a frame behind them. */
    long residentPages();

    /** Releases every frame and the pmap; the space must not be active on any CPU. */
    void destroy(int cpu);
}
