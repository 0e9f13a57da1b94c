package sprocket.api.vm;

import sprocket.api.fs.FilePages;
import sprocket.api.hw.Access;
import sprocket.api.hw.Pmap;

/**
 * One process's virtual memory. A call that fails throws {@link sprocket.api.ErrnoException} with its system call's
 * errno and leaves the space as it was. The kernel activates its {@link #pmap()} on the CPU the process runs on;
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
     * Returns the old break. Fails with ENOMEM (no room or no memory) or EINVAL (below the start of data).
     */
    long sbrk(int cpu, long increment);

    /**
     * mmap(2) of anonymous memory: {@code length} bytes with {@code prot} ({@link sprocket.api.hw.Prot} bits) and
     * {@code flags} ({@link sprocket.api.sys.Mman}: MAP_SHARED or MAP_PRIVATE, MAP_FIXED, MAP_ANONYMOUS) at
     * {@code addr} (a hint, or exact with MAP_FIXED, replacing what was there). A MAP_SHARED mapping stays shared
     * with the children a fork makes. Returns the address; fails with EINVAL or ENOMEM.
     */
    long mmap(int cpu, long addr, long length, int prot, int flags);

    /**
     * mmap(2) of a file: {@code length} bytes of {@code file} from {@code offset} (page aligned, else -EINVAL), with
     * the same address and flag rules as anonymous memory; EOVERFLOW when the mapping reaches past the largest
     * offset. Pages are read from the file when first touched; an access to a page wholly past the end of the file
     * gets SIGBUS. A MAP_SHARED mapping shares its frames with every
     * other MAP_SHARED mapping of the same file (by {@link FilePages#inode()}), and its stores reach the file by
     * {@link #msync}, munmap, exit or exec; a MAP_PRIVATE mapping copies on write and never writes the file.
     * Returns the address. The call takes over one reference to {@code file}: a mapping keeps it, a failure
     * releases it.
     */
    long mmap(int cpu, long addr, long length, int prot, int flags, FilePages file, long offset);

    /**
     * msync(2): writes the resident pages of MAP_SHARED file mappings in the range back to their files. Fails with
     * ENOMEM when part of the range is not mapped, EINVAL for an unaligned address.
     */
    void msync(int cpu, long addr, long length);

    /**
     * munmap(2): removes every mapping in {@code [addr, addr + length)}; when it returns no CPU can reach those
     * pages. Fails with EINVAL for an unaligned address, a zero length or a range outside user space.
     */
    void munmap(int cpu, long addr, long length);

    /**
     * mprotect(2): sets the protection of every page in the range, all of which must be mapped (ENOMEM
     * otherwise); EINVAL for an unaligned address or unknown protection bits, EACCES for write access to text.
     */
    void mprotect(int cpu, long addr, long length, int prot);

    /**
     * shmat(2): attaches {@code segment} at {@code addr} (0: the memory manager chooses; otherwise page aligned, else
     * EINVAL) with {@code prot}. Returns the address; fails with EINVAL (also for a removed segment) or ENOMEM.
     */
    long attach(int cpu, Segment segment, long addr, int prot);

    /** shmdt(2): detaches the segment attached at exactly {@code addr} and returns it; EINVAL if none is. */
    Segment detach(int cpu, long addr);

    /** The highest address of the stack, exclusive. */
    long stackTop();

    /**
     * sproc(2) with PR_SADDR: a new share-group member's view of this space. The new view shares every pregion of the
     * group (text, data and the break, every member's stack, mappings, attachments) with this view and every other
     * view of the group: an attach, mmap, munmap, mprotect, sbrk or stack growth by any member is seen by all when the
     * call returns, and memory removed or shrunk leaves every member's pmap (a shootdown on each CPU running one)
     * before its frames are freed. Only the PRDA (the page at {@link sprocket.api.sys.Prctl#PRDA}) is private to each
     * view. The new view has its own pmap and no stack of its own until {@link #newStack}. The first call makes this
     * space the group's (Barton and Wagner: "all of its sharable pregions are moved to the list of pregions in the shared
     * address block"). Fails with ENOMEM when the machine has no room for another pmap.
     */
    AddressSpace share(int cpu);

    /**
     * The stack of a new sproc(2) member, in this (the member's) view: a region placed where it overlaps nothing in
     * the space, its top the highest page boundary below the existing stacks that leaves {@code margin} bytes free
     * beneath it (keeping out of other stacks' unclaimed margins while there is room elsewhere). It holds one page at
     * first and grows down on demand, up to {@code limit} bytes (RLIMIT_STACK), while nothing else is in the way;
     * there are no red zones. Kernel-chosen placements (mmap, shmat, later stacks) keep out of the unclaimed margin
     * while they can. In a view shared by the group the stack is visible to every member. Returns the top (the
     * process's initial stack pointer); fails with ENOMEM when no hole of {@code margin} bytes is left.
     */
    long newStack(int cpu, long margin, long limit);

    /**
     * Bytes of virtual space this view reaches: every pregion, plus the unclaimed margins of its stacks (sproc(2)
     * fails with ENOMEM when a new stack would take a share group past RLIMIT_VMEM).
     */
    long virtualSize();

    /**
     * A copy for fork(2): private pages copied (or shared copy-on-write); fails with ENOMEM when memory ran out. Forking a view of
     * a share group copies the whole group's space, every member's visible stack included, copy-on-write (Barton and Wagner:
     * "a fork or non-VM sharing sproc call leaves any visible stack or other regions from the share group as
     * copy-on-write elements of the new process"); the child's stack that grows is this view's own, and its PRDA is
     * new.
     */
    AddressSpace fork(int cpu);

    /** Pages with a frame behind them. */
    long residentPages();

    /**
     * Releases this view: its pmap, its PRDA and, in a share group, its own stack (sproc(2): "If one member of a share
     * group exits or otherwise dies, its stack is removed from the virtual space of the share group"), except the
     * stack of the view the group was made from ("If the process which first created the share group exits, its
     * stack is not removed"). The last view of a space releases every frame. It must not be active on any CPU.
     */
    void destroy(int cpu);
}
