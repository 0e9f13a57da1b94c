package sprocket.kernel.vfs;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;

/**
 * chmod(2) and chown(2): the attribute changes (SVR4 VOP_SETATTR) of the file a path names, following a final
 * symbolic link (a link's own mode and owner never matter).
 */
final class SetAttr {

    /** SVR4 sys/param.h: the largest user or group id; chown(2) beyond it is "out of range" (EINVAL). */
    static final int MAXUID = 60002;
    /** chown(2): an id of -1 leaves that id unchanged. */
    private static final int KEEP = -1;

    private SetAttr() {
    }

    /** chmod(2): the owner or root sets the 07777 bits; the file type stays. */
    static void chmod(NameSpace ns, NameContext at, String path, int mode) {
        Vnode v = ns.lookup(at, path, true);
        // chmod(2): "EROFS The named file resides on a read-only file system."
        if (v.mount.readOnly()) throw ErrnoException.of(Errno.EROFS);
        // Linux proc_setattr: "if (attr->ia_valid & ATTR_MODE) return -EPERM"; the kernel owns /proc's modes.
        if (v.inode.readOnly()) throw ErrnoException.of(Errno.EPERM);
        Credentials c = at.credentials();
        // chmod(2): "EPERM The effective user ID does not match the owner of the file and is not super-user."
        if (!c.root() && c.euid() != v.inode.uid()) throw ErrnoException.of(Errno.EPERM);
        int perm = mode & Names.PERM_BITS;
        if (!c.root()) {
            // chmod(2): "If the effective user ID of the process is not super-user and the file is not a directory,
            // mode bit 01000 (save text image on execution) is cleared."
            if (!v.isDirectory()) perm &= ~FileMode.S_ISVTX;
            // chmod(2): "If the effective user ID of the process is not super-user and the effective group ID of the
            // process does not match the group ID of the file, mode bit 02000 (set group ID on execution) is cleared."
            if (c.egid() != v.inode.gid()) perm &= ~FileMode.S_ISGID;
        }
        v.inode.chmod(perm);
    }

    /** chown(2): root only here; -1 keeps an id, and root's change leaves set-user-ID and set-group-ID alone. */
    static void chown(NameSpace ns, NameContext at, String path, int uid, int gid) {
        Vnode v = ns.lookup(at, path, true);
        // chown(2): "EROFS The named file resides on a read-only file system."
        if (v.mount.readOnly()) throw ErrnoException.of(Errno.EROFS);
        // chown(2): "EINVAL owner or group is out of range."
        if (uid < KEEP || uid > MAXUID || gid < KEEP || gid > MAXUID) throw ErrnoException.of(Errno.EINVAL);
        // chown(2) under {_POSIX_CHOWN_RESTRICTED}: only the super-user changes an owner or a group here.
        if (!at.credentials().root()) throw ErrnoException.of(Errno.EPERM);
        // /proc's owners are the processes' own ids, which only setuid(2) changes.
        if (v.inode.readOnly()) throw ErrnoException.of(Errno.EPERM);
        v.inode.chown(uid == KEEP ? v.inode.uid() : uid, gid == KEEP ? v.inode.gid() : gid);
    }
}
