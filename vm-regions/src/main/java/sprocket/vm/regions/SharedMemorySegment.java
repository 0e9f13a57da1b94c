package sprocket.vm.regions;

import sprocket.api.vm.Segment;

/**
 * A System V shared memory segment (shmget(2)): an {@link RegionType#SHM} region the segment itself holds until
 * IPC_RMID, attached by reference by shmat(2) and by fork(2). It counts its attachments as shm_nattch does: one per
 * shmat(2) and per attachment a fork child inherits, gone when shmdt(2), munmap(2), exit or exec removes the last
 * page of that attachment. Once removed and attached nowhere its frames are freed.
 */
final class SharedMemorySegment implements Segment {
    /** The memory manager that made it: a segment attaches only into that manager's address spaces. */
    final RegionMemoryManager owner;
    final Region region;
    private final long bytes;
    /**
     * Its hash: the IPC layer keys its identifiers by segment, and a new object's identity hash is a call into the
     * JVM's runtime on every shmget(2) (a tenth of a shmget + shmat + shmdt + IPC_RMID cycle's host time).
     */
    private final int hash;
    private int attachments;
    private boolean removed;

    SharedMemorySegment(RegionMemoryManager owner, Region region, long bytes, int serial) {
        this.owner = owner;
        this.region = region;
        this.bytes = bytes;
        this.hash = serial * 0x9E3779B9; // Fibonacci hashing spreads consecutive serials over the table
        region.hold(); // the identifier's hold, which IPC_RMID lets go of
    }

    @Override
    public long bytes() {
        return bytes;
    }

    /** Equality stays identity: two segments are the same only if they are one object. */
    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int attachments() {
        return attachments;
    }

    /** Whether IPC_RMID came: no new attachment may be made. */
    boolean removed() {
        return removed;
    }

    /**
     * One more attachment: a shmat(2) (which refuses a removed segment first), or one a fork child inherits, which
     * it does even after IPC_RMID since the segment lives on while attached.
     */
    void attached() {
        if (removed && attachments == 0) {
            throw new IllegalStateException("removed shared memory segment attached after its last detach");
        }
        attachments++;
    }

    /** The last page of one attachment left its address space. */
    void detached() {
        if (attachments == 0) {
            throw new IllegalStateException("shared memory segment detached more times than attached");
        }
        attachments--;
    }

    /**
     * IPC_RMID: marks the segment removed and lets go of the identifier's hold; returns whether that was the last
     * hold, so the caller frees the pages. A second removal changes nothing.
     */
    boolean remove() {
        if (removed) {
            return false;
        }
        removed = true;
        return region.drop() == 0;
    }

    @Override
    public String toString() {
        return "shm[" + bytes + " bytes, " + attachments + " attached" + (removed ? ", removed]" : "]");
    }
}
