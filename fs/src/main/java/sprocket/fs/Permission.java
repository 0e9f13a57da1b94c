package sprocket.fs;

import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;

/**
 * The permission check of chmod(2)/access(2): the owner's bits if the effective uid owns the file, else the
 * group's if the effective gid matches, else the others'. The super-user may read and write anything and
 * execute anything with an execute bit set, and search any directory.
 */
final class Permission {

    private static final int ANY_EXECUTE = 0111;

    private Permission() {
    }

    /** Whether {@code c} may do every one of the {@code R_OK|W_OK|X_OK} bits in {@code how} to {@code node}. */
    static boolean permits(MemNode node, Credentials c, int how) {
        // The kernel makes what /proc holds: nobody writes it, root neither (Linux proc(5) files are read-only).
        if ((how & Fcntl.W_OK) != 0 && node.readOnly()) return false;
        if (c.root()) {
            return (how & Fcntl.X_OK) == 0 || node.type() == FileMode.S_IFDIR || (node.mode & ANY_EXECUTE) != 0;
        }
        int bits;
        if (c.euid() == node.uid) {
            bits = node.mode >> 6;
        } else if (c.egid() == node.gid) {
            bits = node.mode >> 3;
        } else {
            bits = node.mode;
        }
        return (bits & how & 7) == how;
    }

    /**
     * The sticky-directory rule for removing {@code victim} from {@code dir}, as IRIX unlink(2) states it: EACCES if
     * "the parent directory has the sticky bit set and the file is not writable by the user; the user does not own
     * the parent directory and the user does not own the file".
     */
    static boolean mayRemove(Directory dir, MemNode victim, Credentials c) {
        if ((dir.mode & FileMode.S_ISVTX) == 0 || c.root()) return true;
        return c.euid() == dir.uid || c.euid() == victim.uid || permits(victim, c, Fcntl.W_OK);
    }
}
