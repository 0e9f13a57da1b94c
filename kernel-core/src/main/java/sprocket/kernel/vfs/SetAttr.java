package sprocket.kernel.vfs;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;

/**
 * chmod(2), chown(2), lchown(2) and utime(2): the attribute changes (SVR4 VOP_SETATTR) of the file a path names,
 * following a final symbolic link but for lchown (a link's own mode never matters).
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
            // process does not match the group ID of the file, mode bit 02000 (set group ID on execution) is cleared";
            // POSIX: "the effective group ID or one of the supplementary group IDs".
            if (!c.groupMember(v.inode.gid())) perm &= ~FileMode.S_ISGID;
        }
        v.inode.chmod(perm);
    }

    /**
     * chown(2), or lchown(2) when not {@code follow}: root only here; -1 keeps an id, and root's change leaves
     * set-user-ID and set-group-ID alone.
     */
    static void chown(NameSpace ns, NameContext at, String path, int uid, int gid, boolean follow) {
        // lchown(2): "lchown sets the owner ID and group ID of the named file just as chown does, except in the case
        // where the named file is a symbolic link. In this case lchown changes the ownership of the symbolic link
        // file itself".
        Vnode v = ns.lookup(at, path, follow);
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

    /**
     * utime(2): the access and modification times set to {@code times} (seconds), or to now when {@code times} is
     * null; the inode change time is now.
     */
    static void utime(NameSpace ns, NameContext at, String path, long[] times) {
        Vnode v = ns.lookup(at, path, true);
        // utime(2): "EROFS The file system containing the file is mounted read-only."
        if (v.mount.readOnly()) throw ErrnoException.of(Errno.EROFS);
        Credentials c = at.credentials();
        boolean owner = c.root() || c.euid() == v.inode.uid();
        if (times == null) {
            // utime(2): "If times is NULL, the access and modification times of the file are set to the current
            // time. A process must be the owner of the file or have write permission to use utime in this manner."
            // "EACCES The effective user ID is not super-user and not the owner of the file and write access is
            // denied."
            if (!owner && (v.inode.readOnly() || !Permission.permits(v, c, Fcntl.W_OK))) {
                throw ErrnoException.of(Errno.EACCES);
            }
        } else if (!owner) {
            // utime(2): "EPERM The effective user ID is not super-user and not the owner of the file and times is not
            // NULL."
            throw ErrnoException.of(Errno.EPERM);
        }
        // /proc's times are the kernel's.
        if (v.inode.readOnly()) throw ErrnoException.of(Errno.EPERM);
        v.inode.utime(times == null ? null : new long[] {times[0], times[1]});
    }
}
