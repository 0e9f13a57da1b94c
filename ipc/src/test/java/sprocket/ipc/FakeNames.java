package sprocket.ipc;

import java.util.Map;
import java.util.TreeMap;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.OpenResult;
import sprocket.api.fs.Vnode;
import sprocket.api.fs.VnodeResult;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * A flat name space of whole paths, for the socket layer: bind makes socket nodes, connect looks them up and checks
 * write permission. Every other file-system call fails the test.
 */
final class FakeNames implements FileSystem {

    private record Node(long ino, int mode, int uid) implements Vnode {
    }

    private final FakeKernel kernel;
    final Map<String, Vnode> nodes = new TreeMap<>();
    private long nextIno = 100;

    FakeNames(FakeKernel kernel) {
        this.kernel = kernel;
    }

    /** A node of another type (a regular file, say) at {@code path}. */
    void file(String path, int mode) {
        nodes.put(path, new Node(nextIno++, mode, kernel.credentials().euid()));
    }

    @Override
    public VnodeResult mksock(Lookup at, String path, int mode) {
        if (nodes.containsKey(path)) return VnodeResult.error(Errno.EEXIST);
        Node n = new Node(nextIno++, FileMode.S_IFSOCK | (mode & ~at.credentials().umask()),
                at.credentials().euid());
        nodes.put(path, n);
        return VnodeResult.of(n);
    }

    @Override
    public VnodeResult lookup(Lookup at, String path) {
        Vnode v = nodes.get(path);
        return v != null ? VnodeResult.of(v) : VnodeResult.error(Errno.ENOENT);
    }

    @Override
    public int access(Vnode vnode, Credentials c, int how) {
        Node n = (Node) vnode;
        int bits = c.euid() == n.uid() ? (n.mode() >> 6) & 7 : n.mode() & 7;
        return c.euid() == 0 || (bits & how) == how ? 0 : Errno.EACCES;
    }

    @Override
    public int unlink(Lookup at, String path) {
        return nodes.remove(path) != null ? 0 : Errno.ENOENT;
    }

    private static AssertionError unexpected() {
        return new AssertionError("the socket layer made an unexpected file-system call");
    }

    @Override public Vnode root() { throw unexpected(); }
    @Override public OpenResult open(Lookup at, String path, int flags, int mode) { throw unexpected(); }
    @Override public Stat stat(Lookup at, String path, boolean follow, int[] errno) { throw unexpected(); }
    @Override public Stat stat(Vnode vnode) { throw unexpected(); }
    @Override public int mkdir(Lookup at, String path, int mode) { throw unexpected(); }
    @Override public int rmdir(Lookup at, String path) { throw unexpected(); }
    @Override public int mkfifo(Lookup at, String path, int mode) { throw unexpected(); }
    @Override public int link(Lookup at, String existing, String newPath) { throw unexpected(); }
    @Override public int symlink(Lookup at, String target, String path) { throw unexpected(); }
    @Override public String readlink(Lookup at, String path, int[] errno) { throw unexpected(); }
    @Override public int rename(Lookup at, String from, String to) { throw unexpected(); }
    @Override public int chmod(Lookup at, String path, int mode) { throw unexpected(); }
    @Override public int chown(Lookup at, String path, int uid, int gid) { throw unexpected(); }
    @Override public String path(Vnode root, Vnode dir) { throw unexpected(); }
    @Override public int install(String path, byte[] contents, int mode) { throw unexpected(); }
    @Override public int openFiles() { throw unexpected(); }
}
