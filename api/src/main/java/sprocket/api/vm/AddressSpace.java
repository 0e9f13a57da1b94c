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
     * Resolves a fault at {@code vaddr}: zero-fill on first touch, stack growth, copy on write. Returns 0 when a
     * mapping was entered in the pmap, otherwise the signal the faulting process gets: SIGSEGV for an address or
     * protection error, SIGKILL when no physical frame is left.
     */
    int fault(int cpu, long vaddr, Access access);

    /** The current break: the end of the data segment. */
    long brk();

    /**
     * Moves the break by {@code increment} bytes (sbrk(2)); shrinking frees the pages past the new break.
     * Returns the old break, or a negative errno: {@code -ENOMEM} (no room or no memory), {@code -EINVAL} (below
     * the start of data).
     */
    long sbrk(int cpu, long increment);

    /**
     * mmap(2) of anonymous memory: {@code length} bytes with {@code prot} ({@link sprocket.api.hw.Prot} bits) and
     * {@code flags} ({@link sprocket.api.sys.Mman}: MAP_SHARED or MAP_PRIVATE, MAP_FIXED, MAP_ANONYMOUS) at
     * {@code addr} (a hint, or exact with MAP_FIXED, replacing what was there). A MAP_SHARED mapping stays shared
     * with the children a fork makes. Returns the address, or a negative errno (-EINVAL, -ENOMEM).
     */
    long mmap(int cpu, long addr, long length, int prot, int flags);

    /**
     * mmap(2) of a file: {@code length} bytes of {@code file} from {@code offset} (page aligned, else -EINVAL), with
     * the same address and flag rules as anonymous memory. Pages are read from the file when first touched; an
     * access to a page wholly past the end of the file gets SIGBUS. A MAP_SHARED mapping shares its frames with every
     * other MAP_SHARED mapping of the same file (by {@link FilePages#vnode()}), and its stores reach the file by
     * {@link #msync}, munmap, exit or exec; a MAP_PRIVATE mapping copies on write and never writes the file.
     * Returns the address, or a negative errno.
     */
    long mmap(int cpu, long addr, long length, int prot, int flags, sprocket.api.fs.FilePages file, long offset);

    /**
     * msync(2): writes the resident pages of MAP_SHARED file mappings in the range back to their files. Returns 0,
     * or -ENOMEM when part of the range is not mapped, -EINVAL for an unaligned address.
     */
    int msync(int cpu, long addr, long length);

    /**
     * munmap(2): removes every mapping in {@code [addr, addr + length)}; when it returns no CPU can reach those
     * pages. Returns 0 or a negative errno (-EINVAL for an unaligned address or a zero length).
     */
    int munmap(int cpu, long addr, long length);

    /**
     * mprotect(2): sets the protection of every page in the range, all of which must be mapped (-ENOMEM
     * otherwise). Returns 0 or a negative errno.
     */
    int mprotect(int cpu, long addr, long length, int prot);

    /**
     * shmat(2): attaches {@code segment} at {@code addr} (0: the memory manager chooses; otherwise page aligned, else
     * -EINVAL) with {@code prot}. Returns the address, or a negative errno (-EINVAL, -ENOMEM).
     */
    long attach(int cpu, Segment segment, long addr, int prot);

    /** shmdt(2): detaches the segment attached at exactly {@code addr}; returns it, or null (EINVAL) if none is. */
    Segment detach(int cpu, long addr);

    /** The highest address of the stack, exclusive. */
    long stackTop();

    /** A copy for fork(2): private pages copied (or shared copy-on-write); null when memory ran out. */
    AddressSpace fork(int cpu);

    /** Pages with a frame behind them. */
    long residentPages();

    /** Releases every frame and the pmap; the space must not be active on any CPU. */
    void destroy(int cpu);
}
