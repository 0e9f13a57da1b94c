package sprocket.ipc;

import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EPERM;

import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;

/**
 * The checks intro(2) describes for IPC objects: read and alter permission by owner-or-creator, group and
 * other classes, which root passes; and who may change or remove an object.
 */
final class Permissions {

    /** Read permission in the class's three bits. */
    static final int READ = 4;
    /** Alter (write) permission in the class's three bits. */
    static final int ALTER = 2;

    private Permissions() {
    }

    /**
     * intro(2): "the effective user ID of the process ... matches ipc_perm.cuid or ipc_perm.uid ... and the
     * appropriate bit of the user portion (0600) is set", else the group portion for cgid or gid, else the
     * other portion. Throws EACCES when a bit asked for is not granted.
     */
    static void access(IpcObject o, int want, Credentials cred) {
        if (cred.root()) return;
        int shift = 0;
        if (cred.euid() != o.uid && cred.euid() != o.cuid) {
            shift = cred.egid() == o.gid || cred.egid() == o.cgid ? 3 : 6;
        }
        int granted = (o.mode << shift >>> 6) & 7;
        if ((want & ~granted) != 0) throw ErrnoException.of(EACCES);
    }

    /**
     * semget(2), msgget(2) and shmget(2) on an existing key: the access the low 9 bits of the flags ask for must
     * be granted.
     */
    static void requested(IpcObject o, int flags, Credentials cred) {
        int bits = flags & 0777;
        int want = ((bits >>> 6) | (bits >>> 3) | bits) & (READ | ALTER);
        access(o, want, cred);
    }

    /** IPC_SET and IPC_RMID: "only ... a process that has an effective user ID equal to either that of super
     *  user or to the value of ... uid or cuid"; else EPERM. */
    static void owner(IpcObject o, Credentials cred) {
        if (!cred.root() && cred.euid() != o.uid && cred.euid() != o.cuid) throw ErrnoException.of(EPERM);
    }
}
