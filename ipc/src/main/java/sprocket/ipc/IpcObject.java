package sprocket.ipc;

import sprocket.api.kernel.Credentials;
import sprocket.api.sys.IpcPerm;

/**
 * What every System V IPC object has, {@code struct ipc_perm} and its table slot: the key, the owner and
 * creator, the low 9 mode bits, and the slot's sequence number that makes its identifier.
 */
abstract class IpcObject {

    final long key;
    final int cuid;
    final int cgid;
    final int slot;
    final int seq;
    /** seq * slots + slot: a removed object's identifier is not given out again until the seq wraps. */
    final int id;
    int uid;
    int gid;
    int mode;
    /** Cycle count of the last change (creation, IPC_SET, SETVAL...). */
    long ctime;
    /** Set by IPC_RMID; a sleeper that wakes to find it fails with EIDRM. */
    boolean removed;

    IpcObject(long key, int mode, Credentials cred, int slot, int seq, int slots, long now) {
        this.key = key;
        this.mode = mode & 0777;
        this.uid = cred.euid();
        this.gid = cred.egid();
        this.cuid = cred.euid();
        this.cgid = cred.egid();
        this.slot = slot;
        this.seq = seq;
        this.id = seq * slots + slot;
        this.ctime = now;
    }

    IpcPerm perm() {
        return new IpcPerm(key, uid, gid, cuid, cgid, mode, seq);
    }

    /** IPC_SET: the new owner and the low 9 mode bits; the creator stays. */
    void set(IpcPerm perm, long now) {
        uid = perm.uid();
        gid = perm.gid();
        mode = perm.mode() & 0777;
        ctime = now;
    }
}
