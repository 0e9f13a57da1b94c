package sprocket.ipc;

import static sprocket.api.Errno.EADDRINUSE;
import static sprocket.api.Errno.EEXIST;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOENT;

import java.nio.charset.StandardCharsets;
import sprocket.api.ErrnoException;
import sprocket.api.ipc.SocketNames;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;

/**
 * The AF_UNIX address family's names: bind(2) makes a socket node in the kernel's name space naming the socket (as
 * 4.3BSD's unp_bind sets the vnode's v_socket); connect(2) and sendto(2) find the socket by the path. The node
 * outlives the socket until unlinked, and then names nothing.
 */
final class UnixNames {

    /** bind(2) makes the node with every permission, less the caller's umask (as Linux does). */
    private static final int NODE_MODE = 0777;

    private final SocketNames names;

    UnixNames(SocketNames names) {
        this.names = names;
    }

    /** bind(2) of {@code s} to {@code name}. */
    void bind(Sock s, SockAddrUn name) {
        check(name);
        try {
            names.bind(name.path(), NODE_MODE, s);
        } catch (ErrnoException e) {
            // bind(2) (unix(7)): "EADDRINUSE The given address is already in use", an existing name of any kind.
            throw e.errno() == EEXIST ? ErrnoException.of(EADDRINUSE) : e;
        }
        s.local = name;
    }

    /** The socket bound at {@code name} (ECONNREFUSED when none, the lookup's errors). */
    Sock find(SockAddrUn name) {
        check(name);
        return (Sock) names.find(name.path());
    }

    /** The socket closed: its node, if bind(2) made one, names nothing any more. */
    void unbind(Sock s) {
        names.unbind(s);
    }

    /** POSIX bind(2): "ENOENT ... the pathname is an empty string"; a path sun_path cannot hold is EINVAL. */
    private static void check(SockAddrUn name) {
        if (name.path().isEmpty()) throw ErrnoException.of(ENOENT);
        if (name.path().getBytes(StandardCharsets.UTF_8).length >= Socket.UNIX_PATH_MAX) {
            throw ErrnoException.of(EINVAL);
        }
    }
}
