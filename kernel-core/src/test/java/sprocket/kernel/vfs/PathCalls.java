package sprocket.kernel.vfs;

import static sprocket.kernel.vfs.Fixture.errno;

import java.util.List;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/** The name space's calls as a test reads them: each answers 0 or its errno, a result and an errno, or null. */
final class PathCalls {

    /** An open file, or the errno saying why there is none. */
    record Opened(Entry file, int errno) {
    }

    /** A vnode found by a path, or the errno saying why there is none. */
    record Found(Vnode vnode, int errno) {
    }

    private final Fixture fx;
    private final NameSpace ns;

    PathCalls(Fixture fx) {
        this.fx = fx;
        this.ns = fx.names;
    }

    Vnode root() {
        return ns.root();
    }

    Opened open(NameContext at, String path, int flags, int mode) {
        try {
            return new Opened(new Entry(fx.vn.open(at, path, flags, mode), fx.kernel), 0);
        } catch (ErrnoException e) {
            return new Opened(null, e.errno());
        }
    }

    Found lookup(NameContext at, String path) {
        try {
            return new Found(ns.lookup(at, path, true), 0);
        } catch (ErrnoException e) {
            return new Found(null, e.errno());
        }
    }

    Stat stat(NameContext at, String path, boolean follow, int[] errno) {
        try {
            return ns.stat(at, path, follow);
        } catch (ErrnoException e) {
            errno[0] = e.errno();
            return null;
        }
    }

    /** statvfs(2): the answer, or null with the errno in {@code errno[0]}. */
    sprocket.api.sys.Statvfs statvfs(NameContext at, String path, int[] errno) {
        try {
            return ns.statvfs(at, path);
        } catch (ErrnoException e) {
            errno[0] = e.errno();
            return null;
        }
    }

    Stat stat(Vnode v) {
        return ns.stat(v);
    }

    int access(Vnode v, Credentials c, int how) {
        return errno(() -> ns.access(v, c, how));
    }

    int mkdir(NameContext at, String path, int mode) {
        return errno(() -> ns.mkdir(at, path, mode));
    }

    int rmdir(NameContext at, String path) {
        return errno(() -> ns.rmdir(at, path));
    }

    int unlink(NameContext at, String path) {
        return errno(() -> ns.unlink(at, path));
    }

    int mkfifo(NameContext at, String path, int mode) {
        return errno(() -> ns.mkfifo(at, path, mode));
    }

    /** The socket node bind(2) makes, without a socket bound to it. */
    Found mksock(NameContext at, String path, int mode) {
        try {
            return new Found(Names.mknod(ns, at, path, FileMode.S_IFSOCK, mode), 0);
        } catch (ErrnoException e) {
            return new Found(null, e.errno());
        }
    }

    int link(NameContext at, String existing, String newPath) {
        return errno(() -> ns.link(at, existing, newPath));
    }

    int symlink(NameContext at, String target, String path) {
        return errno(() -> ns.symlink(at, target, path));
    }

    String readlink(NameContext at, String path, int[] errno) {
        try {
            return ns.readlink(at, path);
        } catch (ErrnoException e) {
            errno[0] = e.errno();
            return null;
        }
    }

    int rename(NameContext at, String from, String to) {
        return errno(() -> ns.rename(at, from, to));
    }

    int chmod(NameContext at, String path, int mode) {
        return errno(() -> ns.chmod(at, path, mode));
    }

    int chown(NameContext at, String path, int uid, int gid) {
        return errno(() -> ns.chown(at, path, uid, gid));
    }

    int lchown(NameContext at, String path, int uid, int gid) {
        return errno(() -> ns.lchown(at, path, uid, gid));
    }

    int utime(NameContext at, String path, long[] times) {
        return errno(() -> ns.utime(at, path, times));
    }

    /** getcwd(3C): the path, or null. */
    String path(Vnode root, Vnode dir) {
        try {
            return ns.getcwd(root, dir);
        } catch (ErrnoException e) {
            return null;
        }
    }

    int install(String path, byte[] contents, int mode) {
        return errno(() -> ns.install(path, contents, mode));
    }

    int openFiles() {
        return fx.files.inUse();
    }

    int mount(NameContext at, String source, String target, String fstype, int flags) {
        return errno(() -> ns.mount(at, source, target, fstype, flags));
    }

    int umount(NameContext at, String target, Vnode... inUse) {
        return errno(() -> ns.umount(at, target, List.of(inUse)));
    }
}
