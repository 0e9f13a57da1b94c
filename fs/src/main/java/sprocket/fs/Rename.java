package sprocket.fs;

import static sprocket.api.sys.Fcntl.W_OK;

import sprocket.api.Errno;
import sprocket.api.fs.Lookup;
import sprocket.api.kernel.Credentials;

/**
 * rename(2): gives a file or directory a new name, replacing what the new name held if that is of the same kind.
 * Every check comes before the first change and the one charge after the last, so no other caller ever sees
 * both names, or neither (rename(2): "a link named new will remain visible to other processes throughout").
 */
final class Rename {

    private Rename() {
    }

    static int rename(MemFs fs, Lookup at, String from, String to) {
        Nameidata src = new Nameidata();
        Nameidata dst = new Nameidata();
        Directory root = fs.rootDirectory();
        // Neither path follows a final symbolic link: renaming a link renames the link.
        int err = Namei.resolve(at, from, root, src, true, false);
        if (err == 0) err = Namei.resolve(at, to, root, dst, true, false);
        long cost = (src.components + dst.components) * Costs.COMPONENT;
        if (err == 0) err = check(src, dst, at, root);
        if (err == 0 && src.node != dst.node) move(src, dst, fs.seconds());
        fs.kernel().charge(cost);
        return err;
    }

    /** rename(2)'s errors, once both paths are resolved: 0 or an errno. */
    private static int check(Nameidata src, Nameidata dst, Lookup at, Directory root) {
        // rename(2): "EXDEV The links named by old and new are on different file systems."
        if (src.dir != null && dst.dir != null && src.dir.dev != dst.dir.dev) return Errno.EXDEV;
        if (src.fixedNames() || dst.fixedNames()) return src.node == null ? Errno.ENOENT : Errno.EACCES;
        // rename(2): "EROFS The requested operation requires writing in a directory on a read-only file system."
        if (src.dir != null && src.dir.vfs.readOnly()) return Errno.EROFS;
        // The root has no entry in a directory to move; "/" as the new name is a directory in use, and so is a
        // mount point (rename(2): "EBUSY ... the directory is in use by the system", a mount point in Linux's words).
        if (src.parent == null || dst.parent == null || src.mountPoint() || dst.mountPoint()) return Errno.EBUSY;
        MemNode node = src.node;
        if (node == null) return Errno.ENOENT;
        if (src.lastIsDot() || dst.lastIsDot()) return Errno.EINVAL;
        MemNode victim = dst.node;
        Credentials c = at.credentials();
        // rename(2): "EACCES ... one of the directories containing old or new denies write permission", or the sticky rule.
        if (!Permission.permits(src.parent, c, W_OK) || !Permission.permits(dst.parent, c, W_OK)) return Errno.EACCES;
        if (!Permission.mayRemove(src.parent, node, c)) return Errno.EACCES;
        if (victim != null && !Permission.mayRemove(dst.parent, victim, c)) return Errno.EACCES;
        // rename(2): "If old and new refer to the same file, rename returns successfully and performs no other action."
        if (victim == node) return 0;
        if (dst.parent.removed()) return Errno.ENOENT;
        if (node instanceof Directory dir) return checkDirectory(dir, src, dst, at, root);
        // rename(2): "EISDIR new points to a directory and old points to a file that is not a directory."
        if (victim instanceof Directory) return Errno.EISDIR;
        // A new name ending in '/' must be a directory, which a file is not.
        return dst.trailingSlash ? Errno.ENOTDIR : 0;
    }

    /** The further errors of moving directory {@code dir}. */
    private static int checkDirectory(Directory dir, Nameidata src, Nameidata dst, Lookup at, Directory root) {
        if (dir == root || dir == at.root()) return Errno.EBUSY;
        MemNode victim = dst.node;
        // rename(2): "ENOTDIR ... old names a directory and new names a file."
        if (victim != null && !(victim instanceof Directory)) return Errno.ENOTDIR;
        // rename(2): "EINVAL The new directory pathname contains a path prefix that names the old directory."
        for (Directory d = dst.parent; ; d = d.parent) {
            if (d == dir) return Errno.EINVAL;
            if (d == root || d.parent == d) break;
        }
        if (victim instanceof Directory old) {
            if (old == at.root()) return Errno.EBUSY;
            // rename(2): new may be replaced only by "a directory ... empty" (ENOTEMPTY, or EEXIST on older systems).
            if (!old.empty()) return Errno.ENOTEMPTY;
        }
        if (src.parent != dst.parent) {
            // rename(2): "write permission is denied by a directory pointed to by old": its ".." entry changes.
            if (!Permission.permits(dir, at.credentials(), W_OK)) return Errno.EACCES;
            // The new parent gains dir's ".." unless it loses a replaced directory's in exchange.
            if (victim == null && dst.parent.nlink >= Links.LINK_MAX) return Errno.EMLINK;
        }
        return 0;
    }

    /** The change itself, all checks passed: drop what {@code dst} named, then move the entry. */
    private static void move(Nameidata src, Nameidata dst, long now) {
        MemNode node = src.node;
        String newName = dst.name();
        MemNode victim = dst.node;
        if (victim != null) {
            dst.parent.remove(newName, now);
            if (victim instanceof Directory old) {
                // Its own "." and its entry go, and with it the ".." it held on the new parent.
                old.nlink = 0;
                old.ctime = now;
                dst.parent.nlink--;
            } else {
                victim.unlinked(now);
            }
        }
        src.parent.remove(src.name(), now);
        dst.parent.add(newName, node, now);
        node.ctime = now;
        if (node instanceof Directory dir) {
            dir.name = newName;
            if (src.parent != dst.parent) {
                src.parent.nlink--;
                dst.parent.nlink++;
                dir.parent = dst.parent;
            }
        }
    }
}
