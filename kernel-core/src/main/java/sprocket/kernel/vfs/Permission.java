package sprocket.kernel.vfs;

import sprocket.api.fs.Inode;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;

/**
 * The one permission check of the file layer, from the file's attributes (chmod(2)/access(2)): the owner's bits if
 * the effective uid owns the file, else the group's if the effective gid or a supplementary group matches, else the
 * others'. The super-user may
 * read and write anything and execute anything with an execute bit set, and search any directory; nobody writes a
 * file its file system makes itself ({@link Inode#readOnly()}).
 */
final class Permission {

    private static final int ANY_EXECUTE = 0111;

    private Permission() {
    }

    /** Whether {@code c} may do every one of the {@code R_OK|W_OK|X_OK} bits in {@code how} to {@code node}. */
    static boolean permits(Inode node, Credentials c, int how) {
        if ((how & Fcntl.W_OK) != 0 && node.readOnly()) return false;
        int mode = node.mode();
        if (c.root()) {
            return (how & Fcntl.X_OK) == 0 || (mode & FileMode.S_IFMT) == FileMode.S_IFDIR || (mode & ANY_EXECUTE) != 0;
        }
        int bits;
        if (c.euid() == node.uid()) {
            bits = mode >> 6;
        } else if (c.groupMember(node.gid())) {
            // POSIX: "if the effective group ID or any of the supplementary group IDs of the process match the file
            // group ID", the group class.
            bits = mode >> 3;
        } else {
            bits = mode;
        }
        return (bits & how & 7) == how;
    }

    static boolean permits(Vnode v, Credentials c, int how) {
        return permits(v.inode, c, how);
    }

    /**
     * The sticky-directory rule for removing {@code victim} from {@code dir}, as IRIX unlink(2) states it: EACCES if
     * "the parent directory has the sticky bit set and the file is not writable by the user; the user does not own
     * the parent directory and the user does not own the file".
     */
    static boolean mayRemove(Vnode dir, Inode victim, Credentials c) {
        if ((dir.mode() & FileMode.S_ISVTX) == 0 || c.root()) return true;
        return c.euid() == dir.inode.uid() || c.euid() == victim.uid() || permits(victim, c, Fcntl.W_OK);
    }

    /** SVR4: a new file takes the directory's group when the directory is set-group-ID, else the caller's. */
    static int groupFor(Vnode dir, Credentials c) {
        return (dir.mode() & FileMode.S_ISGID) != 0 ? dir.inode.gid() : c.egid();
    }
}
