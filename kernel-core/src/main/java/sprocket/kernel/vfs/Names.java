package sprocket.kernel.vfs;

import static sprocket.api.sys.Fcntl.W_OK;
import static sprocket.api.sys.Fcntl.X_OK;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.Inode;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;

/**
 * The calls that make and remove names: mkdir(2), rmdir(2), unlink(2), mkfifo(3C) and the socket nodes of bind(2),
 * link(2), symlink(2), readlink(2), and the kernel's own install of /bin. Each resolves, checks (the errors in the
 * order the manual pages give them), has the file system change the directory, then charges once.
 */
final class Names {

    /** limits.h (SVR4): the most links a file may have; link(2) and mkdir(2) past it fail with EMLINK. */
    static final int LINK_MAX = 1000;
    /** Permission bits mkdir(2), creat(2) and chmod(2) take from their mode argument. */
    static final int PERM_BITS = 07777;
    /** mkfifo(3C) and bind(2) take only the permission bits. */
    private static final int NODE_PERM = 0777;
    private static final int ROOT_ID = Credentials.ROOT;
    private static final int DIR_PERM = 0755;

    private Names() {
    }

    /**
     * Whether a new name may go where namei left {@code nd} (mkdir, creat, mkfifo, link, symlink...): EACCES in a
     * directory whose names its file system makes, ENOENT in a removed directory (rmdir(2): "no new entries may be
     * created"), EROFS ("The directory in which the entry ... would be placed ... resides on a read-only file
     * system"), EACCES without write permission.
     */
    static void mayEnter(Nameidata nd, Credentials c) {
        if (nd.fixedNames()) throw ErrnoException.of(Errno.EACCES);
        if (nd.dvp.inode.nlink() == 0) throw ErrnoException.of(Errno.ENOENT);
        if (nd.dvp.mount.readOnly()) throw ErrnoException.of(Errno.EROFS);
        if (!Permission.permits(nd.dvp, c, W_OK)) throw ErrnoException.of(Errno.EACCES);
    }

    /** A resolution in parent mode (the last component may be missing) that charges its components, whatever happens. */
    static Nameidata parent(NameSpace ns, NameContext at, String path) {
        Nameidata nd = new Nameidata();
        try {
            Namei.resolve(at, path, nd, true, false);
        } catch (ErrnoException e) {
            ns.charge(nd.components * VfsCosts.COMPONENT);
            throw e;
        }
        return nd;
    }

    /** Runs {@code change} after {@code nd} was resolved, charging the components and {@code extra} either way. */
    private static void charged(NameSpace ns, Nameidata nd, Runnable change) {
        try {
            change.run();
        } finally {
            ns.charge(nd.components * VfsCosts.COMPONENT);
        }
    }

    static void mkdir(NameSpace ns, NameContext at, String path, int mode) {
        Nameidata nd = parent(ns, at, path);
        Credentials c = at.credentials();
        charged(ns, nd, () -> {
            if (nd.exists()) throw ErrnoException.of(Errno.EEXIST);
            mayEnter(nd, c);
            // mkdir(2): "EMLINK The maximum number of links to the parent directory would exceed LINK_MAX."
            if (nd.dvp.inode.nlink() >= LINK_MAX) throw ErrnoException.of(Errno.EMLINK);
            // mkdir(2): the mode's permission bits and sticky bit, "modified by the file mode creation mask".
            int perm = mode & (0777 | FileMode.S_ISVTX) & ~c.umask();
            if ((nd.dvp.mode() & FileMode.S_ISGID) != 0) perm |= FileMode.S_ISGID;
            nd.dvp.inode.mkdir(nd.name(), perm, c.euid(), Permission.groupFor(nd.dvp, c));
            ns.charge(VfsCosts.NODE);
        });
    }

    static void rmdir(NameSpace ns, NameContext at, String path) {
        Nameidata nd = parent(ns, at, path);
        Credentials c = at.credentials();
        charged(ns, nd, () -> {
            if (nd.fixedNames()) throw ErrnoException.of(nd.vp == null ? Errno.ENOENT : Errno.EACCES);
            // rmdir(2): "EBUSY The directory to be removed is the mount point for a mounted file system."
            if (nd.dvp == null || nd.mountPoint()) throw ErrnoException.of(Errno.EBUSY);
            // rmdir(2): "EROFS The directory entry to be removed is part of a read-only file system."
            if (nd.dvp.mount.readOnly()) throw ErrnoException.of(Errno.EROFS);
            Vnode dir = nd.vp;
            if (dir == null) throw ErrnoException.of(Errno.ENOENT);
            // rmdir(2): "EINVAL The path argument contains a last component that is dot".
            if (nd.lastIs(".")) throw ErrnoException.of(Errno.EINVAL);
            if (!dir.isDirectory()) throw ErrnoException.of(Errno.ENOTDIR);
            if (dir.same(ns.root()) || dir.same(at.root())) throw ErrnoException.of(Errno.EBUSY);
            // IRIX rmdir(2): "EINVAL The directory to be removed is the current directory."
            if (dir.same(at.cwd())) throw ErrnoException.of(Errno.EINVAL);
            if (!Permission.permits(nd.dvp, c, W_OK | X_OK) || !Permission.mayRemove(nd.dvp, dir.inode, c)) {
                throw ErrnoException.of(Errno.EACCES);
            }
            // The directory ".." names holds the path's own last directory: it is never empty.
            if (nd.lastIs("..")) throw ErrnoException.of(Errno.ENOTEMPTY);
            nd.dvp.inode.rmdir(nd.name());
            dir.mount.unlinked(dir.inode);
        });
    }

    static void unlink(NameSpace ns, NameContext at, String path) {
        Nameidata nd = parent(ns, at, path);
        Credentials c = at.credentials();
        charged(ns, nd, () -> {
            if (nd.fixedNames()) throw ErrnoException.of(nd.vp == null ? Errno.ENOENT : Errno.EACCES);
            if (nd.dvp == null) throw ErrnoException.of(Errno.EPERM);
            // unlink(2): "EROFS The directory entry to be unlinked is part of a read-only file system."
            if (nd.dvp.mount.readOnly()) throw ErrnoException.of(Errno.EROFS);
            Vnode v = nd.vp;
            if (v == null) throw ErrnoException.of(Errno.ENOENT);
            if (!Permission.permits(nd.dvp, c, W_OK) || !Permission.mayRemove(nd.dvp, v.inode, c)) {
                throw ErrnoException.of(Errno.EACCES);
            }
            // unlink(2): "EPERM The named file is a directory and the effective user ID is not super-user"; root too.
            if (v.isDirectory()) throw ErrnoException.of(Errno.EPERM);
            nd.dvp.inode.remove(nd.name());
            v.mount.unlinked(v.inode);
        });
    }

    /**
     * mkfifo(3C) and bind(2)'s socket node: a file of {@code type} owned by the effective user, its permission bits
     * {@code mode} less the umask; creat's name-space errors ("EEXIST The named file exists", a dangling symbolic
     * link included; ENOENT, ENOTDIR, EACCES, EROFS, ENAMETOOLONG). Returns the new file's vnode, not held.
     */
    static Vnode mknod(NameSpace ns, NameContext at, String path, int type, int mode) {
        Nameidata nd = parent(ns, at, path);
        Credentials c = at.credentials();
        Vnode[] made = new Vnode[1];
        charged(ns, nd, () -> {
            if (nd.exists()) throw ErrnoException.of(Errno.EEXIST);
            // A name ending in '/' must name a directory, which these are not.
            if (nd.trailingSlash) throw ErrnoException.of(Errno.ENOTDIR);
            mayEnter(nd, c);
            Inode node = nd.dvp.inode.create(nd.name(), type | (mode & NODE_PERM & ~c.umask()), c.euid(),
                    Permission.groupFor(nd.dvp, c), 0);
            made[0] = nd.dvp.mount.vnode(node);
            ns.charge(VfsCosts.NODE);
        });
        return made[0];
    }

    /**
     * link(2). Neither path follows a final symbolic link, so a link to a symbolic link links the link itself. A
     * directory is refused to everyone (EPERM), root included, so a directory keeps its one name and ".." stays true.
     */
    static void link(NameSpace ns, NameContext at, String existing, String newPath) {
        Nameidata from = new Nameidata();
        Nameidata to = new Nameidata();
        try {
            Namei.lookup(at, existing, from, false);
            Namei.resolve(at, newPath, to, true, false);
            // link(2): "EXDEV The link named by path2 and the file named by path1 are on different file systems."
            if (to.dvp != null && from.vp.mount != to.dvp.mount) throw ErrnoException.of(Errno.EXDEV);
            Vnode v = from.vp;
            // link(2): "EPERM The file named by path1 is a directory".
            if (v.isDirectory()) throw ErrnoException.of(Errno.EPERM);
            // link(2): "EEXIST The link named by path2 exists."
            if (to.exists()) throw ErrnoException.of(Errno.EEXIST);
            // A name ending in '/' must name a directory, which a new link to a non-directory cannot be.
            if (to.trailingSlash) throw ErrnoException.of(Errno.ENOTDIR);
            // link(2): "EACCES ... the requested link requires writing in a directory with a mode that denies write".
            mayEnter(to, at.credentials());
            // link(2): "EMLINK The maximum number of links to a file would be exceeded."
            if (v.inode.nlink() >= LINK_MAX) throw ErrnoException.of(Errno.EMLINK);
            to.dvp.inode.link(to.name(), v.inode);
        } finally {
            ns.charge((from.components + to.components) * VfsCosts.COMPONENT);
        }
    }

    /** symlink(2): a new link at {@code path} holding {@code target}, which need not exist. */
    static void symlink(NameSpace ns, NameContext at, String target, String path) {
        // symlink(2): "ENAMETOOLONG The length of the name1 or name2 argument exceeds PATH_MAX"; an empty name1 is a
        // null path name (ENOENT), which no resolution could ever follow.
        if (target.isEmpty()) throw ErrnoException.of(Errno.ENOENT);
        if (target.length() + 1 > Namei.PATH_MAX) throw ErrnoException.of(Errno.ENAMETOOLONG);
        Nameidata nd = parent(ns, at, path);
        Credentials c = at.credentials();
        charged(ns, nd, () -> {
            // symlink(2): "EEXIST The file referred to by name2 already exists", a dangling link included.
            if (nd.exists()) throw ErrnoException.of(Errno.EEXIST);
            if (nd.trailingSlash) throw ErrnoException.of(Errno.ENOTDIR);
            mayEnter(nd, c);
            nd.dvp.inode.symlink(nd.name(), target, c.euid(), Permission.groupFor(nd.dvp, c));
            ns.charge(VfsCosts.NODE);
        });
    }

    /** readlink(2): the path the link holds; "EINVAL The named file is not a symbolic link." */
    static String readlink(NameSpace ns, NameContext at, String path) {
        Vnode v = ns.lookup(at, path, false);
        if (v.type() != FileMode.S_IFLNK) throw ErrnoException.of(Errno.EINVAL);
        return v.inode.readlink();
    }

    /** The kernel's install of a /bin program at boot: see {@link NameSpace#install}. */
    static void install(NameSpace ns, String path, byte[] contents, int mode) {
        int n = path.length();
        if (n == 0) throw ErrnoException.of(Errno.ENOENT);
        if (n + 1 > Namei.PATH_MAX) throw ErrnoException.of(Errno.ENAMETOOLONG);
        // Check every name first, so a failure leaves no directories made on the way.
        for (int i = 0; i < n; ) {
            int j = path.indexOf('/', i);
            if (j < 0) j = n;
            if (j - i > Namei.NAME_MAX) throw ErrnoException.of(Errno.ENAMETOOLONG);
            i = j + 1;
        }
        List<String> names = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty() && !s.equals(".")) names.add(s);
        }
        if (names.isEmpty()) throw ErrnoException.of(Errno.EISDIR);
        // An installed path names where a file goes, from "/"; ".." would make that ambiguous.
        if (names.contains("..")) throw ErrnoException.of(Errno.EINVAL);
        Vnode dir = ns.root();
        for (int k = 0; k < names.size() - 1; k++) {
            Inode next = find(dir.inode, names.get(k));
            if (next == null) {
                next = dir.inode.mkdir(names.get(k), DIR_PERM, ROOT_ID, ROOT_ID);
            } else if ((next.mode() & FileMode.S_IFMT) != FileMode.S_IFDIR) {
                throw ErrnoException.of(Errno.ENOTDIR);
            }
            Vnode v = dir.mount.vnode(next);
            // Another file system is mounted there, and it takes no installs: the kernel makes /proc's files.
            if (v.mountedHere != null) throw ErrnoException.of(Errno.EACCES);
            dir = v;
        }
        String last = names.get(names.size() - 1);
        Inode old = find(dir.inode, last);
        if (old != null && (old.mode() & FileMode.S_IFMT) == FileMode.S_IFDIR) throw ErrnoException.of(Errno.EISDIR);
        Inode file;
        if (old != null && (old.mode() & FileMode.S_IFMT) == FileMode.S_IFREG) {
            file = old;
            file.truncate(0);
        } else {
            if (old != null) {
                dir.inode.remove(last);
                dir.mount.unlinked(old);
            }
            file = dir.inode.create(last, FileMode.S_IFREG | (mode & PERM_BITS), ROOT_ID, ROOT_ID, 0);
        }
        int done = 0;
        while (done < contents.length) done += file.write(done, contents, done, contents.length - done);
        file.chmod(mode & PERM_BITS);
        file.chown(ROOT_ID, ROOT_ID);
    }

    /** The entry {@code name} of {@code dir}, or null. */
    private static Inode find(Inode dir, String name) {
        try {
            return dir.lookup(name);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.ENOENT) return null;
            throw e;
        }
    }
}
