package sprocket.ipc;

import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EADDRINUSE;
import static sprocket.api.Errno.ECONNREFUSED;
import static sprocket.api.Errno.EEXIST;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOENT;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.Vnode;
import sprocket.api.fs.VnodeResult;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;

/**
 * The AF_UNIX name space: bind(2) makes a socket node in the file system and remembers which socket it names (as
 * 4.3BSD's unp_bind sets the vnode's v_socket); connect(2) and sendto(2) look the path up and find the socket there.
 * The node outlives the socket until unlinked, and then names nothing. The tables are only ever looked up, never
 * walked, so their identity order cannot reach the simulation.
 */
final class UnixNames {

    /** bind(2) makes the node with every permission, less the caller's umask (as Linux does). */
    private static final int NODE_MODE = 0777;

    private final FileSystem fs;
    private final Map<Vnode, Sock> byNode = new IdentityHashMap<>();
    private final Map<Sock, Vnode> bySocket = new IdentityHashMap<>();

    UnixNames(FileSystem fs) {
        this.fs = fs;
    }

    /** bind(2) of {@code s} to {@code name}: 0 or a negative errno. */
    int bind(Sock s, Lookup at, SockAddrUn name) {
        int err = check(name);
        if (err != 0) return -err;
        VnodeResult r = fs.mksock(at, name.path(), NODE_MODE);
        // bind(2) (unix(7)): "EADDRINUSE The given address is already in use", an existing name of any kind.
        if (r.errno() != 0) return -(r.errno() == EEXIST ? EADDRINUSE : r.errno());
        byNode.put(r.vnode(), s);
        bySocket.put(s, r.vnode());
        s.local = name;
        return 0;
    }

    /** The socket bound at {@code name}, or null with the errno in {@code errno[0]}. */
    Sock find(Lookup at, SockAddrUn name, int[] errno) {
        int err = check(name);
        if (err != 0) return none(errno, err);
        VnodeResult r = fs.lookup(at, name.path());
        if (r.errno() != 0) return none(errno, r.errno());
        // unix(7): "ECONNREFUSED The remote address specified by connect(2) was not a listening socket. This error
        // can also occur if the target pathname is not a socket."
        if ((r.vnode().mode() & FileMode.S_IFMT) != FileMode.S_IFSOCK) return none(errno, ECONNREFUSED);
        // unix(7): "Connecting to a stream socket object requires write permission on that socket; sending a
        // datagram to a datagram socket likewise requires write permission on that socket."
        if (fs.access(r.vnode(), at.credentials(), Fcntl.W_OK) != 0) return none(errno, EACCES);
        Sock s = byNode.get(r.vnode());
        return s != null ? s : none(errno, ECONNREFUSED);
    }

    /** The socket closed: its node, if it has one, names nothing any more. */
    void unbind(Sock s) {
        Vnode node = bySocket.remove(s);
        if (node != null) byNode.remove(node);
    }

    /** POSIX bind(2): "ENOENT ... the pathname is an empty string"; a path sun_path cannot hold is EINVAL. */
    private static int check(SockAddrUn name) {
        if (name.path().isEmpty()) return ENOENT;
        if (name.path().getBytes(StandardCharsets.UTF_8).length >= Socket.UNIX_PATH_MAX) return EINVAL;
        return 0;
    }

    private static Sock none(int[] errno, int e) {
        errno[0] = e;
        return null;
    }
}
