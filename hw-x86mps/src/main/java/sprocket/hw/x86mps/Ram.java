package sprocket.hw.x86mps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import sprocket.api.hw.PhysicalMemory;

/**
 * The machine's RAM: one byte array, loaded and stored little-endian as every IA-32 processor does. The low
 * 1 MiB (BIOS data area, EBDA, BIOS ROM) belongs to the firmware and kernel; the page-table pool sits at the top.
 */
final class Ram implements PhysicalMemory {

    static final int PAGE_SHIFT = 12;
    static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    /** Frames below 1 MiB: real mode memory, the BIOS data area, the EBDA and the BIOS ROM. */
    static final int LOW_MEMORY_FRAMES = (1 << 20) >> PAGE_SHIFT;
    /** The largest memory one Java array holds, rounded down to pages. */
    static final long MAX_BYTES = (long) Integer.MAX_VALUE & ~(PAGE_SIZE - 1L);

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
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
        this.bytes = new byte[frames << PAGE_SHIFT];
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
        int at = address(paddr, width);
        return switch (width) {
            case 1 -> bytes[at] & 0xFFL;
            case 2 -> (short) SHORT.get(bytes, at) & 0xFFFFL;
            case 4 -> (int) INT.get(bytes, at) & 0xFFFF_FFFFL;
            default -> (long) LONG.get(bytes, at);
        };
    }

    @Override
    public void store(long paddr, int width, long value) {
        int at = address(paddr, width);
        switch (width) {
            case 1 -> bytes[at] = (byte) value;
            case 2 -> SHORT.set(bytes, at, (short) value);
            case 4 -> INT.set(bytes, at, (int) value);
            default -> LONG.set(bytes, at, value);
        }
    }

    @Override
    public void read(long paddr, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        System.arraycopy(bytes, range(paddr, len), dst, off, len);
    }

    @Override
    public void write(long paddr, byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        System.arraycopy(src, off, bytes, range(paddr, len), len);
    }

    @Override
    public void zeroFrame(int frame) {
        int at = frame(frame);
        Arrays.fill(bytes, at, at + PAGE_SIZE, (byte) 0);
    }

    @Override
    public void copyFrame(int from, int to) {
        System.arraycopy(bytes, frame(from), bytes, frame(to), PAGE_SIZE);
    }

    /** A 32-bit load for the page walker; {@code paddr} is a 4-aligned address the walker built from a frame number. */
    int word(int paddr) {
        return (int) INT.get(bytes, paddr);
    }

    /** A 32-bit store for the page walker and the pmap. */
    void setWord(int paddr, int value) {
        INT.set(bytes, paddr, value);
    }

    private int address(long paddr, int width) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("access width " + width + " is not 1, 2, 4 or 8 bytes");
        }
        return range(paddr, width);
    }

    private int range(long paddr, int len) {
        if (paddr < 0 || len < 0 || paddr > bytes.length - (long) len) {
            throw new IllegalArgumentException(String.format(
                    "physical address 0x%x+%d is outside the %d bytes of RAM", paddr, len, bytes.length));
        }
        return (int) paddr;
    }

    private int frame(int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IllegalArgumentException("frame " + frame + " is outside 0.." + (frames - 1));
        }
        return frame << PAGE_SHIFT;
    }
}
