package sprocket.ipc;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.ipc.SocketFile;
import sprocket.api.ipc.SocketNames;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;

/**
 * A flat name space of whole paths, as the kernel's would answer the socket layer: bind makes socket nodes naming
 * sockets, find looks them up and checks write permission, unbind lets the socket go and leaves the node.
 */
final class FakeNames implements SocketNames {

    /** One name: its type and permission bits, its owner, and the socket it names now (null: none). */
    static final class Node {
        final int mode;
        final int uid;
        SocketFile socket;

        Node(int mode, int uid) {
            this.mode = mode;
            this.uid = uid;
        }
    }

    private final FakeKernel kernel;
    final Map<String, Node> nodes = new TreeMap<>();
    private final Map<SocketFile, Node> bound = new IdentityHashMap<>();

    FakeNames(FakeKernel kernel) {
        this.kernel = kernel;
    }

    /** A node of another type (a regular file, say) at {@code path}. */
    void file(String path, int mode) {
        nodes.put(path, new Node(mode, kernel.credentials().euid()));
    }

    /** unlink(2) of a name: the socket it named, if any, stays bound to no name. */
    void unlink(String path) {
        nodes.remove(path);
    }

    @Override
    public void bind(String path, int mode, SocketFile socket) {
        if (nodes.containsKey(path)) throw ErrnoException.of(Errno.EEXIST);
        Credentials c = kernel.credentials();
        Node n = new Node(FileMode.S_IFSOCK | (mode & ~c.umask()), c.euid());
        n.socket = socket;
        nodes.put(path, n);
        bound.put(socket, n);
    }

    @Override
    public SocketFile find(String path) {
        Node n = nodes.get(path);
        if (n == null) throw ErrnoException.of(Errno.ENOENT);
        if ((n.mode & FileMode.S_IFMT) != FileMode.S_IFSOCK) throw ErrnoException.of(Errno.ECONNREFUSED);
        Credentials c = kernel.credentials();
        int bits = c.euid() == n.uid ? (n.mode >> 6) & 7 : n.mode & 7;
        if (c.euid() != 0 && (bits & 2) == 0) throw ErrnoException.of(Errno.EACCES);
        if (n.socket == null) throw ErrnoException.of(Errno.ECONNREFUSED);
        return n.socket;
    }

    @Override
    public void unbind(SocketFile socket) {
        Node n = bound.remove(socket);
        if (n != null) n.socket = null;
    }
}
