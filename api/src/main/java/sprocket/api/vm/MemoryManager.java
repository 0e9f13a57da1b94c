package sprocket.api.vm;

/** The machine-independent memory manager. Methods run inside system calls on the calling CPU. */
public interface MemoryManager {

    /** A new address space laid out for {@code image}; null when memory ran out (the call fails with ENOMEM). */
    AddressSpace create(int cpu, Image image);

    /** Physical frames not in use. */
    long freeFrames();

    /** Physical frames the memory manager manages. */
    long totalFrames();
}
