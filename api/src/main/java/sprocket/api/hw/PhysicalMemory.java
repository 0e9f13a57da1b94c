package sprocket.api.hw;

/**
 * The machine's physical memory, in frames of {@link #pageSize()} bytes. Loads and stores use the
 * machine's byte order. Frames below {@link #firstAllocatableFrame()} and from {@link #endAllocatableFrame()}
 * up belong to the machine (firmware, page-table pool); the memory manager allocates only between them.
 */
public interface PhysicalMemory {

    int pageSize();

    /** Total frames. */
    int frames();

    /** The first frame the memory manager may allocate. */
    int firstAllocatableFrame();

    /** One past the last frame the memory manager may allocate. */
    int endAllocatableFrame();

    /** Loads 1, 2, 4 or 8 bytes at physical address {@code paddr}, zero-extended. */
    long load(long paddr, int width);

    /** Stores the low {@code width} bytes (1, 2, 4 or 8) of {@code value} at {@code paddr}. */
    void store(long paddr, int width, long value);

    /** Copies bytes out of physical memory. */
    void read(long paddr, byte[] dst, int off, int len);

    /** Copies bytes into physical memory. */
    void write(long paddr, byte[] src, int off, int len);

    /** Fills frame {@code frame} with zeros. */
    void zeroFrame(int frame);

    /** Copies frame {@code from} onto frame {@code to}. */
    void copyFrame(int from, int to);
}
