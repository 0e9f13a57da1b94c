package sprocket.api.hw;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bytes of a machine's physical memory, for a {@link PhysicalMemory} to keep them in: one host array per frame,
 * made when something is first written to the frame. A frame never written reads as zeros, as a frame filled with
 * zeros does, so a run that touches a few hundred frames of a 64M machine costs the host a few hundred pages, not
 * 64M zeroed at boot. Only host memory differs: what the machine charges for an access is its cost model's, never
 * this class's. Bounds are the caller's to check (its messages name the machine); an access may cross frames.
 */
public final class FrameStore {

    // Static, so that the JIT takes them for constants and an access compiles to a load or store.
    private static final VarHandle BIG_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LITTLE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LITTLE_INT = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LITTLE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final int pageShift;
    private final int pageSize;
    private final boolean big;
    private final byte[][] frames;

    /** {@code frames} frames of {@code 1 << pageShift} bytes, every one zero, loaded and stored in {@code order}. */
    public FrameStore(int frames, int pageShift, ByteOrder order) {
        if (frames < 0 || pageShift < 3 || pageShift > 30) {
            throw new IllegalArgumentException(frames + " frames of 2^" + pageShift + " bytes");
        }
        this.pageShift = pageShift;
        this.pageSize = 1 << pageShift;
        this.big = order == ByteOrder.BIG_ENDIAN;
        this.frames = new byte[frames][];
    }

    /** How many frames hold host memory: those written to since the store was made. */
    public int backedFrames() {
        int n = 0;
        for (byte[] f : frames) if (f != null) n++;
        return n;
    }

    /** Loads 1, 2, 4 or (any other width) 8 bytes at {@code paddr}, zero-extended. */
    public long load(long paddr, int width) {
        int frame = (int) (paddr >>> pageShift);
        int at = (int) paddr & (pageSize - 1);
        if (at + width > pageSize) return loadAcross(paddr, width);
        byte[] f = frames[frame];
        if (f == null) return 0;
        return switch (width) {
            case 1 -> f[at] & 0xFFL;
            case 2 -> (big ? (short) BIG_SHORT.get(f, at) : (short) LITTLE_SHORT.get(f, at)) & 0xFFFFL;
            case 4 -> (big ? (int) BIG_INT.get(f, at) : (int) LITTLE_INT.get(f, at)) & 0xFFFF_FFFFL;
            default -> big ? (long) BIG_LONG.get(f, at) : (long) LITTLE_LONG.get(f, at);
        };
    }

    /** Stores the low 1, 2, 4 or (any other width) 8 bytes of {@code value} at {@code paddr}. */
    public void store(long paddr, int width, long value) {
        int frame = (int) (paddr >>> pageShift);
        int at = (int) paddr & (pageSize - 1);
        if (at + width > pageSize) {
            storeAcross(paddr, width, value);
            return;
        }
        byte[] f = backed(frame);
        switch (width) {
            case 1 -> f[at] = (byte) value;
            case 2 -> {
                if (big) BIG_SHORT.set(f, at, (short) value);
                else LITTLE_SHORT.set(f, at, (short) value);
            }
            case 4 -> {
                if (big) BIG_INT.set(f, at, (int) value);
                else LITTLE_INT.set(f, at, (int) value);
            }
            default -> {
                if (big) BIG_LONG.set(f, at, value);
                else LITTLE_LONG.set(f, at, value);
            }
        }
    }

    /** Copies {@code len} bytes at {@code paddr} into {@code dst} from {@code off}. */
    public void read(long paddr, byte[] dst, int off, int len) {
        while (len > 0) {
            int frame = (int) (paddr >>> pageShift);
            int at = (int) paddr & (pageSize - 1);
            int n = Math.min(len, pageSize - at);
            byte[] f = frames[frame];
            if (f == null) Arrays.fill(dst, off, off + n, (byte) 0);
            else System.arraycopy(f, at, dst, off, n);
            paddr += n;
            off += n;
            len -= n;
        }
    }

    /** Copies {@code len} bytes of {@code src} from {@code off} to {@code paddr}. */
    public void write(long paddr, byte[] src, int off, int len) {
        while (len > 0) {
            int frame = (int) (paddr >>> pageShift);
            int at = (int) paddr & (pageSize - 1);
            int n = Math.min(len, pageSize - at);
            System.arraycopy(src, off, backed(frame), at, n);
            paddr += n;
            off += n;
            len -= n;
        }
    }

    /** Fills {@code frame} with zeros; a frame never written is zeros already and stays without host memory. */
    public void zero(int frame) {
        byte[] f = frames[frame];
        if (f != null) Arrays.fill(f, (byte) 0);
    }

    /** Copies frame {@code from} onto frame {@code to}. */
    public void copy(int from, int to) {
        byte[] f = frames[from];
        if (f == null) zero(to);
        else System.arraycopy(f, 0, backed(to), 0, pageSize);
    }

    private byte[] backed(int frame) {
        byte[] f = frames[frame];
        if (f == null) {
            f = new byte[pageSize];
            frames[frame] = f;
        }
        return f;
    }

    /** An access that starts in one frame and ends in the next, a byte at a time in the store's order. */
    private long loadAcross(long paddr, int width) {
        int n = width == 1 || width == 2 || width == 4 ? width : 8;
        long v = 0;
        for (int i = 0; i < n; i++) {
            long b = load(paddr + i, 1);
            v |= big ? b << (8 * (n - 1 - i)) : b << (8 * i);
        }
        return v;
    }

    private void storeAcross(long paddr, int width, long value) {
        int n = width == 1 || width == 2 || width == 4 ? width : 8;
        for (int i = 0; i < n; i++) {
            int shift = big ? 8 * (n - 1 - i) : 8 * i;
            store(paddr + i, 1, value >>> shift);
        }
    }
}
