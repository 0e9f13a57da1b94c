package sprocket.hw.x86mps;

import java.nio.ByteOrder;
import java.util.Objects;
import sprocket.api.hw.FrameStore;
import sprocket.api.hw.PhysicalMemory;

/**
 * The machine's RAM, loaded and stored little-endian as every IA-32 processor does, its frames given host memory as
 * they are written ({@link FrameStore}). The low
 * 1 MiB (BIOS data area, EBDA, BIOS ROM) belongs to the firmware and kernel; the page-table pool sits at the top.
 */
final class Ram implements PhysicalMemory {

    static final int PAGE_SHIFT = 12;
    static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    /** Frames below 1 MiB: real mode memory, the BIOS data area, the EBDA and the BIOS ROM. */
    static final int LOW_MEMORY_FRAMES = (1 << 20) >> PAGE_SHIFT;
    /** The most RAM the machine takes: 2 GiB less a page, so that every physical address is a non-negative int. */
    static final long MAX_BYTES = (long) Integer.MAX_VALUE & ~(PAGE_SIZE - 1L);

    private final FrameStore bytes;
    private final long size;
    private final int frames;
    private final int endAllocatable;

    /** RAM of {@code frames} pages; the memory manager may allocate frames 256 up to {@code endAllocatable}. */
    Ram(int frames, int endAllocatable) {
        if (frames <= LOW_MEMORY_FRAMES || (long) frames << PAGE_SHIFT > MAX_BYTES) {
            throw new IllegalArgumentException("x86mps: " + frames + " frames of RAM is outside 1 MiB.."
                    + (MAX_BYTES >> 20) + " MiB");
        }
        if (endAllocatable <= LOW_MEMORY_FRAMES || endAllocatable > frames) {
            throw new IllegalArgumentException("x86mps: end of allocatable frames " + endAllocatable + " out of range");
        }
        this.bytes = new FrameStore(frames, PAGE_SHIFT, ByteOrder.LITTLE_ENDIAN);
        this.size = (long) frames << PAGE_SHIFT;
        this.frames = frames;
        this.endAllocatable = endAllocatable;
    }

    @Override
    public int pageSize() {
        return PAGE_SIZE;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public int firstAllocatableFrame() {
        return LOW_MEMORY_FRAMES;
    }

    @Override
    public int endAllocatableFrame() {
        return endAllocatable;
    }

    @Override
    public long load(long paddr, int width) {
        return bytes.load(address(paddr, width), width);
    }

    @Override
    public void store(long paddr, int width, long value) {
        bytes.store(address(paddr, width), width, value);
    }

    @Override
    public void read(long paddr, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        bytes.read(range(paddr, len), dst, off, len);
    }

    @Override
    public void write(long paddr, byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        bytes.write(range(paddr, len), src, off, len);
    }

    @Override
    public void zeroFrame(int frame) {
        bytes.zero(frame(frame));
    }

    @Override
    public void copyFrame(int from, int to) {
        bytes.copy(frame(from), frame(to));
    }

    /** A 32-bit load for the page walker; {@code paddr} is a 4-aligned address the walker built from a frame number. */
    int word(int paddr) {
        return (int) bytes.load(paddr, 4);
    }

    /** A 32-bit store for the page walker and the pmap. */
    void setWord(int paddr, int value) {
        bytes.store(paddr, 4, value);
    }

    private long address(long paddr, int width) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("access width " + width + " is not 1, 2, 4 or 8 bytes");
        }
        return range(paddr, width);
    }

    private long range(long paddr, int len) {
        if (paddr < 0 || len < 0 || paddr > size - len) {
            throw new IllegalArgumentException(String.format(
                    "physical address 0x%x+%d is outside the %d bytes of RAM", paddr, len, size));
        }
        return paddr;
    }

    private int frame(int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IllegalArgumentException("frame " + frame + " is outside 0.." + (frames - 1));
        }
        return frame;
    }
}
