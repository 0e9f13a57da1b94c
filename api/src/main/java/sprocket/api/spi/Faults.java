package sprocket.api.spi;

import java.util.List;

/**
 * Fault injection: whether an allocation at a named site should fail now, as if the resource had run out. The kernel
 * answers from the {@code fault.*} tunables ({@code fault.rate}, {@code fault.seed}, {@code fault.site.SITE}), the
 * same way for the same seed, and only for allocations a user process causes. A provider asks at each of its
 * allocation sites and, when told to fail, fails exactly as when the resource is exhausted: the call ends in the
 * manual's errno (a memory manager's fault in SIGKILL), never in a panic. Linux's fault-injection framework
 * ({@code should_fail}, Documentation/fault-injection) is the model.
 */
@FunctionalInterface
public interface Faults {

    /** Page frames the memory manager hands out. */
    String FRAMES = "frames";
    /** Frames or memory for a machine's translation tables: page directories and page tables. */
    String PAGE_TABLES = "pagetables";
    /** Process table slots (fork, vfork, sproc: EAGAIN). */
    String PROCS = "procs";
    /** A process's descriptors (EMFILE). */
    String DESCRIPTORS = "descriptors";
    /** Entries of the system open file table (ENFILE). */
    String FILES = "files";
    /** System V IPC identifiers: message queues, semaphore sets, shared memory segments (ENOSPC). */
    String IPC = "ipc";
    /** Socket buffers: a new socket, or room for data or a connection in one (ENOBUFS). */
    String SOCKET_BUFFERS = "sockbuf";
    /** Pipe buffers: a new pipe or FIFO (ENFILE, as when the kernel has no room for its buffer). */
    String PIPE_BUFFERS = "pipebuf";

    /** Every site, in the order {@code sprocket config keys} lists their tunables. */
    List<String> SITES = List.of(FRAMES, PAGE_TABLES, PROCS, DESCRIPTORS, FILES, IPC,
            SOCKET_BUFFERS, PIPE_BUFFERS);

    /** No fault is ever injected: what a context without fault injection answers. */
    Faults NONE = site -> false;

    /**
     * Whether the allocation the caller is about to make at {@code site} (one of {@link #SITES}) should fail. Each
     * call draws from the site's own pseudo-random stream, so ask once per allocation, just before making it.
     */
    boolean shouldFail(String site);
}
