package sprocket.api.vm;

/**
 * The machine-independent memory manager. Methods run inside system calls on the calling CPU; one that fails throws
 * {@link sprocket.api.ErrnoException}.
 */
public interface MemoryManager {

    /** A new address space laid out for {@code image}; ENOMEM when it does not fit or memory ran out. */
    AddressSpace create(int cpu, Image image);

    /** A new shared-memory segment of {@code bytes} (pages allocated on first touch); ENOMEM when memory is short. */
    Segment createSegment(int cpu, long bytes);

    /** IPC_RMID: the segment goes once it is attached nowhere; no new attach may use it. */
    void removeSegment(int cpu, Segment segment);

    /**
     * Memory objects (System V regions, or whatever the manager keeps) made and not yet freed: the kernel checks
     * after every run, once every process and segment is gone, that none is left.
     */
    long liveRegions();

    /** Physical frames not in use. */
    long freeFrames();

    /** Physical frames the memory manager manages. */
    long totalFrames();
}
