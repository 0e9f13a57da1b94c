package sprocket.fs;

import sprocket.api.Errno;
import sprocket.api.fs.Lookup;
import sprocket.api.kernel.Credentials;

/**
 * The names a file can have: link(2) gives it one more (a hard link), symlink(2) makes a symbolic link holding a
 * path, and readlink(2) reads what a symbolic link holds. Each call resolves, checks, changes, then charges once.
 */
final class Links {

    /** limits.h (SVR4): the most links a file may have; link(2) past it fails with EMLINK. */
    static final int LINK_MAX = 1000;

    private Links() {
    }

    /**
     * link(2). Neither path follows a final symbolic link, so a link to a symbolic link links the link itself.
     * A directory is refused to everyone (EPERM), root included, so a directory keeps its one name and ".." stays true.
     */
    static int link(MemFs fs, Lookup at, String existing, String newPath) {
        Nameidata from = new Nameidata();
        Nameidata to = new Nameidata();
        int err = Namei.lookup(at, existing, fs.rootDirectory(), from, false);
        if (err == 0) err = Namei.resolve(at, newPath, fs.rootDirectory(), to, true, false);
        long cost = (from.components + to.components) * Costs.COMPONENT;
        // link(2): "EXDEV The link named by path2 and the file named by path1 are on different file systems."
        if (err == 0 && to.dir != null && from.node.dev != to.dir.dev) err = Errno.EXDEV;
        if (err == 0) err = mayLink(from.node, to, at.credentials());
        if (err == 0) MemFs.enter(to.parent, to.name(), from.node, fs.seconds());
        fs.kernel().charge(cost);
        return err;
    }

    /** link(2)'s checks once both paths are resolved: 0 or an errno. */
    private static int mayLink(MemNode node, Nameidata to, Credentials c) {
        // link(2): "EPERM The file named by path1 is a directory".
        if (node.type() == sprocket.api.sys.FileMode.S_IFDIR) return Errno.EPERM;
        // link(2): "EEXIST The link named by path2 exists."
        if (to.exists()) return Errno.EEXIST;
        // A name ending in '/' must name a directory, which a new link to a non-directory cannot be.
        if (to.trailingSlash) return Errno.ENOTDIR;
        // link(2): "EACCES ... the requested link requires writing in a directory with a mode that denies write permission."
        int err = MemFs.mayEnter(to, c);
        if (err != 0) return err;
        // link(2): "EMLINK The maximum number of links to a file would be exceeded."
        return node.nlink >= LINK_MAX ? Errno.EMLINK : 0;
    }

    /** symlink(2): a new link at {@code path} holding {@code target}, which need not exist. */
    static int symlink(MemFs fs, Lookup at, String target, String path) {
        Nameidata nd = new Nameidata();
        // symlink(2): "ENAMETOOLONG The length of the name1 or name2 argument exceeds PATH_MAX"; an empty name1
        // is a null path name (ENOENT), which no resolution could ever follow.
        int err = target.isEmpty() ? Errno.ENOENT : target.length() + 1 > Namei.PATH_MAX ? Errno.ENAMETOOLONG : 0;
        if (err == 0) err = Namei.resolve(at, path, fs.rootDirectory(), nd, true, false);
        long cost = nd.components * Costs.COMPONENT;
        Credentials c = at.credentials();
        // symlink(2): "EEXIST The file referred to by name2 already exists", a dangling link included.
        if (err == 0 && nd.exists()) err = Errno.EEXIST;
        if (err == 0 && nd.trailingSlash) err = Errno.ENOTDIR;
        if (err == 0) err = MemFs.mayEnter(nd, c);
        if (err == 0) {
            long now = fs.seconds();
            var link = new SymbolicLink(nd.parent.vfs, nd.parent.vfs.newIno(), target, c.euid(), MemFs.groupFor(nd.parent, c), now);
            MemFs.enter(nd.parent, nd.name(), link, now);
            cost += Costs.NODE;
        }
        fs.kernel().charge(cost);
        return err;
    }

    /** readlink(2): the path the link holds; "EINVAL The named file is not a symbolic link." */
    static String readlink(MemFs fs, Lookup at, String path, int[] errno) {
        Nameidata nd = new Nameidata();
        int err = Namei.lookup(at, path, fs.rootDirectory(), nd, false);
        fs.kernel().charge(nd.components * Costs.COMPONENT);
        if (err == 0 && !(nd.node instanceof SymbolicLink)) err = Errno.EINVAL;
        if (err != 0) {
            errno[0] = err;
            return null;
        }
        SymbolicLink link = (SymbolicLink) nd.node;
        link.atime = fs.seconds();
        return link.target();
    }
}
