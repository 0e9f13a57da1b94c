package sprocket.kernel.vfs;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.Inode;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;

/**
 * Path-name resolution (namei, SVR4's lookuppn): walks a path from the process's root or current directory, one
 * component at a time, with the checks path_resolution and the SVR4 manual pages give: search permission on every
 * directory passed, ENOTDIR, ENOENT, ENAMETOOLONG. "." stays, ".." goes up but never above the process's root, and
 * both ways across mount points (a directory with a file system mounted on it leads to that file system's root; ".."
 * at a mounted root leads to the covered directory's parent). A symbolic link met on the way is spliced into the path
 * in its place (lookuppn's pn_insert), at most {@link #MAXSYMLINKS} of them (ELOOP).
 */
final class Namei {

    /** limits.h: bytes in a path name, the terminating null included. */
    static final int PATH_MAX = 1024;
    /** limits.h: bytes in one component, no null. */
    static final int NAME_MAX = 255;
    /** IRIX sys/param.h: symbolic links one resolution may follow before it fails with ELOOP. */
    static final int MAXSYMLINKS = 30;

    private Namei() {
    }

    /** Resolves {@code path} to an existing file, following a symbolic link in the last component if {@code follow}. */
    static void lookup(NameContext at, String path, Nameidata nd, boolean follow) {
        resolve(at, path, nd, false, follow);
    }

    /**
     * Resolves {@code path}. With {@code parentMode} the last component may be missing (then {@code nd.vp} is null)
     * and {@code nd.dvp} and {@link Nameidata#name()} say where it would go. A symbolic link is followed in every
     * component but the last, in the last when {@code follow} or when the path ends in '/' (which asks for a
     * directory, as Solaris lookuppn's must_be_directory does). Throws the resolution's errno; {@code nd.components}
     * counts the directories searched either way.
     */
    static void resolve(NameContext at, String path, Nameidata nd, boolean parentMode, boolean follow) {
        int n = path.length();
        if (n == 0) throw ErrnoException.of(Errno.ENOENT);
        if (n + 1 > PATH_MAX) throw ErrnoException.of(Errno.ENAMETOOLONG);
        Credentials cred = at.credentials();
        Vnode root = at.root();
        Vnode cur = path.charAt(0) == '/' ? root : at.cwd();
        nd.path = path;
        nd.trailingSlash = path.charAt(n - 1) == '/';
        int links = 0;
        int i = skipSlashes(path, 0);
        while (i < n) {
            int j = path.indexOf('/', i);
            if (j < 0) j = n;
            if (j - i > NAME_MAX) throw ErrnoException.of(Errno.ENAMETOOLONG);
            int next = skipSlashes(path, j);
            if (!cur.isDirectory()) throw ErrnoException.of(Errno.ENOTDIR);
            Vnode dir = cur;
            if (!Permission.permits(dir, cred, Fcntl.X_OK)) throw ErrnoException.of(Errno.EACCES);
            nd.components++;
            Vnode found = step(dir, path, i, j, root);
            boolean last = next == n;
            if (found != null && found.type() == FileMode.S_IFLNK && (!last || follow || nd.trailingSlash)) {
                // symlink(2): "If the number of symbolic links encountered ... exceeds MAXSYMLINKS", ELOOP.
                if (++links > MAXSYMLINKS) throw ErrnoException.of(Errno.ELOOP);
                String target = found.inode.readlink();
                // A link holding the empty path names nothing, as an empty path does.
                if (target.isEmpty()) throw ErrnoException.of(Errno.ENOENT);
                if (target.length() + (n - j) + 1 > PATH_MAX) throw ErrnoException.of(Errno.ENAMETOOLONG);
                path = target.concat(path.substring(j));
                n = path.length();
                nd.path = path;
                nd.trailingSlash = path.charAt(n - 1) == '/';
                // A relative target is resolved from the directory holding the link, an absolute one from the root.
                cur = target.charAt(0) == '/' ? root : dir;
                i = skipSlashes(path, 0);
                continue;
            }
            if (last && parentMode) {
                nd.dvp = dir;
                nd.nameFrom = i;
                nd.nameTo = j;
                nd.vp = found;
                if (found != null && nd.trailingSlash && !found.isDirectory()) throw ErrnoException.of(Errno.ENOTDIR);
                return;
            }
            if (found == null) throw ErrnoException.of(Errno.ENOENT);
            cur = found;
            i = next;
        }
        // Every component consumed (or the path was all slashes: the root itself, with no last name).
        if (nd.trailingSlash && !cur.isDirectory()) throw ErrnoException.of(Errno.ENOTDIR);
        nd.vp = cur;
        nd.dvp = null;
        nd.nameFrom = n;
        nd.nameTo = n;
    }

    /**
     * One component: "." stays, ".." goes up except at the process's root, else the directory's entry (null when it
     * has none), and from a directory with a file system mounted on it to that file system's root.
     */
    private static Vnode step(Vnode dir, String path, int from, int to, Vnode root) {
        int len = to - from;
        if (len == 1 && path.charAt(from) == '.') return dir;
        if (len == 2 && path.charAt(from) == '.' && path.charAt(from + 1) == '.') {
            return dir.same(root) ? dir : dotdot(dir);
        }
        Inode found;
        try {
            found = dir.inode.lookup(path.substring(from, to));
        } catch (ErrnoException e) {
            if (e.errno() == Errno.ENOENT) return null;
            throw e;
        }
        Vnode v = dir.mount.vnode(found);
        return v.mountedHere != null ? v.mountedHere.root : v;
    }

    /**
     * The directory ".." names in {@code dir}, without regard to the process's root: at the root of a mounted file
     * system, the covered directory's parent (SVR4 lookuppn: ".." at a mounted root is looked up in the covered vnode).
     */
    static Vnode dotdot(Vnode dir) {
        Vnode d = dir;
        while (d.isMountRoot() && d.mount.covered != null) d = d.mount.covered;
        return d.mount.vnode(d.inode.lookup(".."));
    }

    private static int skipSlashes(String path, int i) {
        int n = path.length();
        while (i < n && path.charAt(i) == '/') i++;
        return i;
    }
}
