package sprocket.ipc;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.Segment;

/**
 * A memory manager with only shared-memory segments and a byte budget. It keeps the contract the IPC module relies
 * on: a removed segment is freed once attached nowhere, and removing one twice or attaching a removed one is a bug.
 */
final class FakeMemory implements MemoryManager {

    /** A segment; tests attach and detach it as the kernel's address spaces would (shmat, fork, shmdt, exit). */
    static final class FakeSegment implements Segment {
        final long bytes;
        int attachments;
        boolean removed;
        boolean freed;

        FakeSegment(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public long bytes() {
            return bytes;
        }

        @Override
        public int attachments() {
            return attachments;
        }

        void attach() {
            if (removed) throw new AssertionError("attached a removed segment");
            attachments++;
        }

        void detach() {
            if (attachments == 0) throw new AssertionError("detached a segment attached nowhere");
            if (--attachments == 0 && removed) freed = true;
        }
    }

    final List<FakeSegment> segments = new ArrayList<>();
    /** Bytes left for new segments: past them createSegment fails with ENOMEM. */
    long freeBytes = 1L << 30;
    final List<Integer> cpus = new ArrayList<>();

    @Override
    public AddressSpace create(int cpu, Image image) {
        throw new AssertionError("the IPC module makes no address spaces");
    }

    @Override
    public Segment createSegment(int cpu, long bytes) {
        cpus.add(cpu);
        if (bytes <= 0) throw new AssertionError("segment of " + bytes + " bytes");
        if (bytes > freeBytes) throw ErrnoException.of(Errno.ENOMEM);
        freeBytes -= bytes;
        var s = new FakeSegment(bytes);
        segments.add(s);
        return s;
    }

    @Override
    public void removeSegment(int cpu, Segment segment) {
        cpus.add(cpu);
        var s = (FakeSegment) segment;
        if (s.removed) throw new AssertionError("segment removed twice");
        s.removed = true;
        if (s.attachments == 0) s.freed = true;
    }

    @Override
    public long liveRegions() {
        return segments.stream().filter(s -> !s.freed).count();
    }

    @Override
    public long freeFrames() {
        return freeBytes >>> 12;
    }

    @Override
    public long totalFrames() {
        return (1L << 30) >>> 12;
    }
}
