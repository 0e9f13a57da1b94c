package sprocket.vm.regions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.hw.Machine;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Counter;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.VmContext;

/**
 * The memory manager of one boot: the page frames, the shared text and file regions, and what every address space needs
 * from the machine and the kernel, looked up once here so the fault path only reads fields.
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
    final long pageZeroCycles;
    final long pageCopyCycles;
    final long kernelOpCycles;
    final Counter zeroFills;
    final Counter cowCopies;
    final Counter outOfMemory;
    /** Address space kept free above the start of data for the break; kernel-chosen mappings go above it. */
    final long dataReserve;

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
        this.frames = new PageFrames(memory.firstAllocatableFrame(), memory.endAllocatableFrame());
        this.pageZeroCycles = machine.costs().pageZero();
        this.pageCopyCycles = machine.costs().pageCopy();
        this.kernelOpCycles = machine.costs().kernelOp();
        this.zeroFills = kernel.counter("zero_fills");
        this.cowCopies = kernel.counter("cow_copies");
        this.outOfMemory = kernel.counter("out_of_memory");
        this.dataReserve = kernel.settings().getSize(RegionsProvider.DATA_RESERVE) & -(long) pageSize;
        this.files = new FileRegions(this);
        LOG.debug("regions: {} page frames of {} bytes, frames [{}, {})", frames.total(), pageSize,
                memory.firstAllocatableFrame(), memory.endAllocatableFrame());
    }

    @Override
    public AddressSpace create(int cpu, Image image) {
        return RegionAddressSpace.layOut(this, image);
    }

    /**
     * A System V shared memory segment of {@code bytes} bytes: a shared region held by its owner (the shared memory
     * identifier) until {@link #removeSegment}, attached by reference and surviving every process that attaches it.
     */
    Region createSegment(long bytes) {
        if (bytes <= 0 || bytes > RegionAddressSpace.USER_END) {
            throw new IllegalArgumentException("segment size " + bytes);
        }
        Region segment = new Region(RegionType.SHM, (int) ((bytes + pageSize - 1) >>> pageShift), true);
        segment.hold();
        return segment;
    }

    /** The owner lets go of a segment (IPC_RMID); its pages go when the last attachment does. */
    void removeSegment(Region segment) {
        if (segment.drop() == 0) {
            segment.freePages(frames);
        }
    }

    @Override
    public long freeFrames() {
        return frames.free();
    }

    @Override
    public long totalFrames() {
        return frames.total();
    }
}
