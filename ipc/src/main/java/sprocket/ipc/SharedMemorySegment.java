package sprocket.ipc;

import sprocket.api.kernel.Credentials;
import sprocket.api.sys.ShmidDs;
import sprocket.api.vm.Segment;

/**
 * A shared memory identifier ({@code struct shmid_ds}): the memory manager's segment it names, its creator, and
 * the last process to attach or detach it with the times. The attachment count is the memory manager's, since
 * fork and exit change it without a system call here.
 */
final class SharedMemorySegment extends IpcObject {

    final Segment segment;
    final int cpid;
    int lpid;
    /** Cycle counts of the last shmat and shmdt (0: never). */
    long atime;
    long dtime;

    SharedMemorySegment(long key, int mode, Credentials cred, int slot, int seq, int slots, Segment segment, int cpid,
            long now) {
        super(key, mode, cred, slot, seq, slots, now);
        this.segment = segment;
        this.cpid = cpid;
    }

    ShmidDs stat(long hz) {
        return new ShmidDs(perm(), segment.bytes(), lpid, cpid, segment.attachments(), atime / hz, dtime / hz,
                ctime / hz);
    }

    @Override
    public String toString() {
        return "shm#" + id;
    }
}
