package sprocket.hw.r2000;

import java.nio.ByteOrder;
import java.util.Objects;
import sprocket.api.hw.FrameStore;
import sprocket.api.hw.PhysicalMemory;

/**
 * The machine's main memory, addressed big-endian as SGI ran the R2000, its frames given host memory as they are
 * written ({@link FrameStore}). The low frames hold the exception vectors (physical 0, seen at 0x8000_0000 through
 * kseg0) and the kernel image, so the memory manager allocates from {@link #KERNEL_FRAMES} up.
 */
final class MainMemory implements PhysicalMemory {

    /** The kernel kept resident at physical 0: the 64 KiB holding the exception vectors and the kernel's static data. */
    static final int KERNEL_FRAMES = 16;

    /** kseg0 and kseg1 reach the low 512 MiB of physical memory, so that is all this kernel can address directly. */
    static final long MAX_BYTES = 512L << 20;

    private final FrameStore bytes;
    private final long size;
    private final int frames;

    /** Memory of {@code requestedBytes} rounded down to whole pages. */
    MainMemory(long requestedBytes) {
        long size = requestedBytes & ~Kuseg.OFFSET_MASK;
        if (size < (long) (KERNEL_FRAMES + 1) * Kuseg.PAGE_SIZE) {
            throw new IllegalArgumentException("the R2000 machine needs more than " + KERNEL_FRAMES * Kuseg.PAGE_SIZE
                    + " bytes of memory, not " + requestedBytes);
        }
        if (requestedBytes > MAX_BYTES) {
            throw new IllegalArgumentException("the R2000 machine addresses at most " + MAX_BYTES
                    + " bytes of memory (kseg0), not " + requestedBytes);
        }
        this.size = size;
        this.frames = (int) (size >>> Kuseg.PAGE_SHIFT);
        this.bytes = new FrameStore(frames, Kuseg.PAGE_SHIFT, ByteOrder.BIG_ENDIAN);
    }

    long size() {
        return size;
    }

    @Override
    public int pageSize() {
        return Kuseg.PAGE_SIZE;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public int firstAllocatableFrame() {
        return KERNEL_FRAMES;
    }

    @Override
    public int endAllocatableFrame() {
        return frames;
    }

    @Override
    public long load(long paddr, int width) {
        return bytes.load(address(paddr, checked(width)), width);
    }

    @Override
    public void store(long paddr, int width, long value) {
        bytes.store(address(paddr, checked(width)), width, value);
    }

    @Override
    public void read(long paddr, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        bytes.read(address(paddr, len), dst, off, len);
    }

    @Override
    public void write(long paddr, byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        bytes.write(address(paddr, len), src, off, len);
    }

    @Override
    public void zeroFrame(int frame) {
        bytes.zero(checkedFrame(frame));
    }

    @Override
    public void copyFrame(int from, int to) {
        bytes.copy(checkedFrame(from), checkedFrame(to));
    }

    /** The array index of [paddr, paddr + len); outside memory is a bus error, a fault in the kernel. */
    private long address(long paddr, int len) {
        if (paddr < 0 || len < 0 || paddr > size - len) {
            throw new IllegalArgumentException("bus error: no memory at physical 0x" + Long.toHexString(paddr)
                    + " (+" + len + "), memory is " + size + " bytes");
        }
        return paddr;
    }

    private int checkedFrame(int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IllegalArgumentException("no frame " + frame + " (memory has " + frames + ")");
        }
        return frame;
    }

    private static int checked(int width) {
        if (width != 1 && width != 2 && width != 4 && width != 8) throw badWidth(width);
        return width;
    }

    private static IllegalArgumentException badWidth(int width) {
        return new IllegalArgumentException("loads and stores are 1, 2, 4 or 8 bytes wide, not " + width);
    }
}
