package sprocket.kernel.vfs;

import static sprocket.api.sys.Fcntl.W_OK;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.Inode;
import sprocket.api.kernel.Credentials;

/**
 * rename(2): gives a file or directory a new name, replacing what the new name held if that is of the same kind.
 * Every check comes before the file system's one change and the one charge after it, so no other caller ever sees
 * both names, or neither (rename(2): "a link named new will remain visible to other processes throughout").
 */
final class Rename {

    private Rename() {
    }

    static void rename(NameSpace ns, NameContext at, String from, String to) {
        Nameidata src = new Nameidata();
        Nameidata dst = new Nameidata();
        try {
            // Neither path follows a final symbolic link: renaming a link renames the link.
            Namei.resolve(at, from, src, true, false);
            Namei.resolve(at, to, dst, true, false);
            if (check(ns, src, dst, at) && !src.vp.same(dst.vp)) {
                Vnode victim = dst.vp;
                src.dvp.inode.rename(src.name(), dst.dvp.inode, dst.name());
                if (victim != null) victim.mount.unlinked(victim.inode);
            }
        } finally {
            ns.charge((src.components + dst.components) * VfsCosts.COMPONENT);
        }
    }

    /** rename(2)'s errors, once both paths are resolved; whether there is anything to move. */
    private static boolean check(NameSpace ns, Nameidata src, Nameidata dst, NameContext at) {
        // rename(2): "EXDEV The links named by old and new are on different file systems."
        if (src.dvp != null && dst.dvp != null && src.dvp.mount != dst.dvp.mount) throw ErrnoException.of(Errno.EXDEV);
        if (src.fixedNames() || dst.fixedNames()) throw ErrnoException.of(src.vp == null ? Errno.ENOENT : Errno.EACCES);
        // rename(2): "EROFS The requested operation requires writing in a directory on a read-only file system."
        if (src.dvp != null && src.dvp.mount.readOnly()) throw ErrnoException.of(Errno.EROFS);
        // The root has no entry in a directory to move; "/" as the new name is a directory in use, and so is a
        // mount point (rename(2): "EBUSY ... the directory is in use by the system", a mount point in Linux's words).
        if (src.dvp == null || dst.dvp == null || src.mountPoint() || dst.mountPoint()) {
            throw ErrnoException.of(Errno.EBUSY);
        }
        Vnode node = src.vp;
        if (node == null) throw ErrnoException.of(Errno.ENOENT);
        if (src.lastIsDot() || dst.lastIsDot()) throw ErrnoException.of(Errno.EINVAL);
        Vnode victim = dst.vp;
        Credentials c = at.credentials();
        // rename(2): "EACCES ... one of the directories containing old or new denies write permission", or the sticky rule.
        if (!Permission.permits(src.dvp, c, W_OK) || !Permission.permits(dst.dvp, c, W_OK)) {
            throw ErrnoException.of(Errno.EACCES);
        }
        if (!Permission.mayRemove(src.dvp, node.inode, c)) throw ErrnoException.of(Errno.EACCES);
        if (victim != null && !Permission.mayRemove(dst.dvp, victim.inode, c)) throw ErrnoException.of(Errno.EACCES);
        // rename(2): "If old and new refer to the same file, rename returns successfully and performs no other action."
        if (victim != null && victim.same(node)) return false;
        if (dst.dvp.inode.nlink() == 0) throw ErrnoException.of(Errno.ENOENT);
        if (node.isDirectory()) {
            checkDirectory(ns, node, src, dst, at);
            return true;
        }
        // rename(2): "EISDIR new points to a directory and old points to a file that is not a directory."
        if (victim != null && victim.isDirectory()) throw ErrnoException.of(Errno.EISDIR);
        // A new name ending in '/' must be a directory, which a file is not.
        if (dst.trailingSlash) throw ErrnoException.of(Errno.ENOTDIR);
        return true;
    }

    /** The further errors of moving directory {@code dir}. */
    private static void checkDirectory(NameSpace ns, Vnode dir, Nameidata src, Nameidata dst, NameContext at) {
        if (dir.same(ns.root()) || dir.same(at.root())) throw ErrnoException.of(Errno.EBUSY);
        Vnode victim = dst.vp;
        // rename(2): "ENOTDIR ... old names a directory and new names a file."
        if (victim != null && !victim.isDirectory()) throw ErrnoException.of(Errno.ENOTDIR);
        // rename(2): "EINVAL The new directory pathname contains a path prefix that names the old directory."
        Inode d = dst.dvp.inode;
        Inode top = dst.dvp.mount.root.inode;
        while (true) {
            if (d.ino() == dir.ino()) throw ErrnoException.of(Errno.EINVAL);
            if (d.ino() == top.ino()) break;
            d = d.lookup("..");
        }
        if (victim != null && victim.same(at.root())) throw ErrnoException.of(Errno.EBUSY);
        boolean newParent = !src.dvp.same(dst.dvp);
        if (newParent) {
            // rename(2): "write permission is denied by a directory pointed to by old": its ".." entry changes.
            if (!Permission.permits(dir, at.credentials(), W_OK)) throw ErrnoException.of(Errno.EACCES);
            // The new parent gains dir's ".." unless it loses a replaced directory's in exchange.
            if (victim == null && dst.dvp.inode.nlink() >= Names.LINK_MAX) throw ErrnoException.of(Errno.EMLINK);
        }
        // rename(2): new may be replaced only by "a directory ... empty" (ENOTEMPTY): the file system knows.
    }
}
