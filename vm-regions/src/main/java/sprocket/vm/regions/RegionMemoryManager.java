package sprocket.vm.regions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MemorySystem;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Counter;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.Segment;
import sprocket.api.vm.VmContext;

/**
 * The memory manager of one boot: the page frames, the shared text and file regions, shared memory segments, and what
 * every address space needs from the machine and the kernel, looked up once here so the fault path only reads fields.
 */
final class RegionMemoryManager implements MemoryManager {
    private static final Logger LOG = LoggerFactory.getLogger(RegionMemoryManager.class);

    final PhysicalMemory memory;
    final Mmu mmu;
    final KernelServices kernel;
    final PageFrames frames;
    final TextCache texts = new TextCache();
    final FileRegions files;
    final int pageSize;
    final int pageShift;
    /** What zeroing and copying frames costs, through the CPU's caches. */
    private final MemorySystem caches;
    final long kernelOpCycles;
    final Counter zeroFills;
    final Counter cowCopies;
    final Counter outOfMemory;
    /** Views made by share(): sproc(2) with PR_SADDR. */
    final Counter shareViews;
    /** Stacks placed by newStack(). */
    final Counter newStacks;
    /** Kernel-chosen placements (stacks, mmap, shmat) that had to use some stack's unclaimed margin. */
    final Counter marginsGivenUp;
    /** Address space kept free above the start of data for the break; kernel-chosen mappings go above it. */
    final long dataReserve;
    /** Segments made so far: each one's serial, which only its hash uses. */
    private int segmentsMade;

    RegionMemoryManager(VmContext context) {
        Machine machine = context.machine();
        this.memory = machine.memory();
        this.mmu = machine.mmu();
        this.kernel = context.kernel();
        this.pageSize = memory.pageSize();
        if (pageSize <= 0 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalStateException("page size " + pageSize + " is not a power of two");
        }
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        this.frames = new PageFrames(memory.firstAllocatableFrame(), memory.endAllocatableFrame(), kernel.faults());
        this.caches = machine.memorySystem();
        this.kernelOpCycles = machine.costs().kernelOp();
        this.zeroFills = kernel.counter("zero_fills");
        this.cowCopies = kernel.counter("cow_copies");
        this.outOfMemory = kernel.counter("out_of_memory");
        this.shareViews = kernel.counter("vm_share_views");
        this.newStacks = kernel.counter("vm_new_stacks");
        this.marginsGivenUp = kernel.counter("vm_margins_given_up");
        this.dataReserve = kernel.settings().getSize(RegionsProvider.DATA_RESERVE) & -(long) pageSize;
        this.files = new FileRegions(this);
        LOG.debug("regions: {} page frames of {} bytes, frames [{}, {})", frames.total(), pageSize,
                memory.firstAllocatableFrame(), memory.endAllocatableFrame());
    }

    @Override
    public AddressSpace create(int cpu, Image image) {
        return RegionAddressSpace.layOut(this, cpu, image);
    }

    /**
     * shmget(2)'s half here: a segment of {@code bytes} bytes, rounded up to whole pages, none resident until touched.
     * As mmap(2) does, it refuses (ENOMEM) more pages than there are free frames now.
     */
    @Override
    public Segment createSegment(int cpu, long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("segment size " + bytes); // shmget(2) checks SHMMIN first
        }
        long pages = (bytes >>> pageShift) + ((bytes & (pageSize - 1L)) != 0 ? 1 : 0);
        if (pages > frames.free()) {
            outOfMemory.increment();
            throw ErrnoException.of(Errno.ENOMEM);
        }
        return new SharedMemorySegment(this, new Region(frames, RegionType.SHM, (int) pages, true), bytes,
                ++segmentsMade);
    }

    /** IPC_RMID: the segment's own hold goes; its pages go now if nothing attaches it, else with the last detach. */
    @Override
    public void removeSegment(int cpu, Segment segment) {
        SharedMemorySegment s = segment(segment);
        if (s.remove()) {
            s.region.freePages(frames);
        }
    }

    /** {@code segment} as one of this memory manager's own. */
    SharedMemorySegment segment(Segment segment) {
        if (!(segment instanceof SharedMemorySegment s) || s.owner != this) {
            throw new IllegalArgumentException(segment + " was not made by this memory manager");
        }
        return s;
    }

    @Override
    public long liveRegions() {
        return frames.liveRegions;
    }

    @Override
    public long freeFrames() {
        return frames.free();
    }

    @Override
    public long totalFrames() {
        return frames.total();
    }

    /** Fills {@code frame} with zeros on {@code cpu}, charging what the machine's memory system spends on it. */
    void zeroFrame(int cpu, int frame) {
        memory.zeroFrame(frame);
        kernel.charge(caches.zeroFrame(cpu, kernel.now(), frame));
    }

    /** Copies frame {@code from} onto {@code to} on {@code cpu}, charging what the memory system spends on it. */
    void copyFrame(int cpu, int from, int to) {
        memory.copyFrame(from, to);
        kernel.charge(caches.copyFrame(cpu, kernel.now(), from, to));
    }
}
