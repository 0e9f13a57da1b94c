package sprocket.hw.r2000;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import sprocket.api.hw.PhysicalMemory;

/**
 * The machine's main memory, one byte array, addressed big-endian as SGI ran the R2000. The low frames hold
 * the exception vectors (physical 0, seen at 0x8000_0000 through kseg0) and the kernel image, so the memory
 * manager allocates from {@link #KERNEL_FRAMES} up.
 */
final class MainMemory implements PhysicalMemory {

    /** The kernel kept resident at physical 0: the 64 KiB holding the exception vectors and the kernel's static data. */
    static final int KERNEL_FRAMES = 16;

    /** kseg0 and kseg1 reach the low 512 MiB of physical memory, so that is all this kernel can address directly. */
    static final long MAX_BYTES = 512L << 20;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
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
        this.bytes = new byte[(int) size];
        this.frames = (int) (size >>> Kuseg.PAGE_SHIFT);
    }

    long size() {
        return bytes.length;
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
        int a = address(paddr, width);
        return switch (width) {
            case 1 -> bytes[a] & 0xFFL;
            case 2 -> (short) SHORT.get(bytes, a) & 0xFFFFL;
            case 4 -> (int) INT.get(bytes, a) & 0xFFFF_FFFFL;
            case 8 -> (long) LONG.get(bytes, a);
            default -> throw badWidth(width);
        };
    }

    @Override
    public void store(long paddr, int width, long value) {
        int a = address(paddr, width);
        switch (width) {
            case 1 -> bytes[a] = (byte) value;
            case 2 -> SHORT.set(bytes, a, (short) value);
            case 4 -> INT.set(bytes, a, (int) value);
            case 8 -> LONG.set(bytes, a, value);
            default -> throw badWidth(width);
        }
    }

    @Override
    public void read(long paddr, byte[] dst, int off, int len) {
        System.arraycopy(bytes, address(paddr, len), dst, off, len);
    }

    @Override
    public void write(long paddr, byte[] src, int off, int len) {
        System.arraycopy(src, off, bytes, address(paddr, len), len);
    }

    @Override
    public void zeroFrame(int frame) {
        int a = frameAddress(frame);
        Arrays.fill(bytes, a, a + Kuseg.PAGE_SIZE, (byte) 0);
    }

    @Override
    public void copyFrame(int from, int to) {
        System.arraycopy(bytes, frameAddress(from), bytes, frameAddress(to), Kuseg.PAGE_SIZE);
    }

    /** The array index of [paddr, paddr + len); outside memory is a bus error, a fault in the kernel. */
    private int address(long paddr, int len) {
        if (paddr < 0 || len < 0 || paddr > bytes.length - (long) len) {
            throw new IllegalArgumentException("bus error: no memory at physical 0x" + Long.toHexString(paddr)
                    + " (+" + len + "), memory is " + bytes.length + " bytes");
        }
        return (int) paddr;
    }

    private int frameAddress(int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IllegalArgumentException("no frame " + frame + " (memory has " + frames + ")");
        }
        return frame << Kuseg.PAGE_SHIFT;
    }

    private static IllegalArgumentException badWidth(int width) {
        return new IllegalArgumentException("loads and stores are 1, 2, 4 or 8 bytes wide, not " + width);
    }
}
