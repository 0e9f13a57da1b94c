package sprocket.fs;

import sprocket.api.Errno;
import sprocket.api.fs.Lookup;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;

/**
 * Path-name resolution (namei): walks a path from the process's root or current directory, one component at
 * a time, with the checks path_resolution and the SVR4 manual pages give. A symbolic link met on the way is
 * spliced into the path in its place (SVR4 lookuppn's pn_insert). Allocates nothing but the caller's
 * {@link Nameidata} unless it meets a symbolic link.
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

    /** Resolves {@code path} to an existing node, following a symbolic link in the last component if {@code follow}. */
    static int lookup(Lookup at, String path, Directory fsRoot, Nameidata nd, boolean follow) {
        return resolve(at, path, fsRoot, nd, false, follow);
    }

    /**
     * Resolves {@code path}. With {@code parentMode} the last component may be missing (then {@code nd.node} is
     * null) and {@code nd.parent} and {@link Nameidata#name()} say where it would go. A symbolic link is followed
     * in every component but the last, in the last when {@code follow} or when the path ends in '/' (which asks
     * for a directory, as Solaris lookuppn's must_be_directory does). 0 or an errno.
     */
    static int resolve(Lookup at, String path, Directory fsRoot, Nameidata nd, boolean parentMode, boolean follow) {
        int n = path.length();
        if (n == 0) return Errno.ENOENT;
        if (n + 1 > PATH_MAX) return Errno.ENAMETOOLONG;
        Credentials cred = at.credentials();
        MemNode root = at.root() instanceof MemNode r ? r : fsRoot;
        MemNode cur = path.charAt(0) == '/' ? root : at.cwd() instanceof MemNode c ? c : root;
        nd.path = path;
        nd.trailingSlash = path.charAt(n - 1) == '/';
        int links = 0;
        int i = skipSlashes(path, 0);
        while (i < n) {
            int j = path.indexOf('/', i);
            if (j < 0) j = n;
            if (j - i > NAME_MAX) return Errno.ENAMETOOLONG;
            int next = skipSlashes(path, j);
            if (cur.type() != FileMode.S_IFDIR) return Errno.ENOTDIR;
            MemNode dir = cur;
            if (!Permission.permits(dir, cred, Fcntl.X_OK)) return Errno.EACCES;
            nd.components++;
            MemNode found = step(dir, path, i, j, root);
            boolean last = next == n;
            if (found instanceof SymbolicLink link && (!last || follow || nd.trailingSlash)) {
                // symlink(2): "If the number of symbolic links encountered ... exceeds MAXSYMLINKS", ELOOP.
                if (++links > MAXSYMLINKS) return Errno.ELOOP;
                String target = link.target();
                // A link holding the empty path names nothing, as an empty path does.
                if (target.isEmpty()) return Errno.ENOENT;
                if (target.length() + (n - j) + 1 > PATH_MAX) return Errno.ENAMETOOLONG;
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
                nd.dir = dir;
                // A directory whose file system makes its own names (procfs) is no parent for a call to change.
                nd.parent = dir instanceof Directory d ? d : null;
                nd.nameFrom = i;
                nd.nameTo = j;
                nd.node = found;
                return found != null && nd.trailingSlash && found.type() != FileMode.S_IFDIR ? Errno.ENOTDIR : 0;
            }
            if (found == null) return Errno.ENOENT;
            cur = found;
            i = next;
        }
        // Every component consumed (or the path was all slashes: the root itself, with no last name).
        if (nd.trailingSlash && cur.type() != FileMode.S_IFDIR) return Errno.ENOTDIR;
        nd.node = cur;
        nd.parent = null;
        nd.dir = null;
        nd.nameFrom = n;
        nd.nameTo = n;
        return 0;
    }

    /**
     * One component: "." stays, ".." goes up except at the process's root (a mounted file system's root goes up
     * from the directory it covers), else an entry, and from a directory with a file system mounted on it to that
     * file system's root (SVR4 lookuppn's VFS crossing, both ways).
     */
    private static MemNode step(MemNode dir, String path, int from, int to, MemNode root) {
        int len = to - from;
        if (len == 1 && path.charAt(from) == '.') return dir;
        if (len == 2 && path.charAt(from) == '.' && path.charAt(from + 1) == '.') {
            return dir.same(root) ? dir : dir.dotdot();
        }
        MemNode found = dir.find(path, from, to);
        return found instanceof Directory d && d.mounted != null ? d.mounted : found;
    }

    private static int skipSlashes(String path, int i) {
        int n = path.length();
        while (i < n && path.charAt(i) == '/') i++;
        return i;
    }
}
