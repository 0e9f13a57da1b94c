package sprocket.ipc;

import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EADDRINUSE;
import static sprocket.api.Errno.EADDRNOTAVAIL;
import static sprocket.api.Errno.EINVAL;

import java.util.HashMap;
import java.util.Map;
import sprocket.api.ErrnoException;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.Socket;

/**
 * One protocol's ports on the loopback interface (TCP and UDP each have their own, as in 4.3BSD's tcb and udb
 * lists): which socket holds each port, and the ephemeral ports handed out to sockets that did not choose one.
 * The interface has the one address 127.0.0.1; INADDR_ANY binds to it too, so a port is held by one socket.
 */
final class LoopbackPorts {

    /** Ports below this need root (4.3BSD IPPORT_RESERVED). */
    static final int IPPORT_RESERVED = 1024;
    /** Ephemeral ports run from IPPORT_RESERVED to this (4.3BSD and IRIX IPPORT_USERRESERVED), in order. */
    static final int IPPORT_USERRESERVED = 5000;
    private static final int PORTS = 65536;

    /** The ports held, by number: a map, since a run binds a few of the 65,536 and a kernel boots per run. */
    private final Map<Integer, Sock> ports = new HashMap<>();
    private int nextEphemeral = IPPORT_RESERVED;

    /** bind(2) of {@code s} to {@code name} for a caller with effective uid {@code euid}. */
    void bind(Sock s, SockAddrIn name, int euid) {
        // bind(2): "EADDRNOTAVAIL The specified address is not available from the local machine."
        if (name.addr() != Socket.INADDR_ANY && name.addr() != Socket.INADDR_LOOPBACK) throw ErrnoException.of(EADDRNOTAVAIL);
        int port = name.port();
        if (port < 0 || port >= PORTS) throw ErrnoException.of(EINVAL);
        if (port == 0) {
            autobind(s, name.addr());
            return;
        }
        // bind(2): "EACCES The specified address is protected and the current user does not have permission to
        // bind to it" (ports below 1024 are root's).
        if (port < IPPORT_RESERVED && euid != 0) throw ErrnoException.of(EACCES);
        if (ports.putIfAbsent(port, s) != null) throw ErrnoException.of(EADDRINUSE);
        s.local = name;
    }

    /** Binds {@code s} to the next free ephemeral port at {@code addr}; EADDRINUSE when all are taken. */
    void autobind(Sock s, int addr) {
        int span = IPPORT_USERRESERVED - IPPORT_RESERVED + 1;
        for (int i = 0; i < span; i++) {
            int port = nextEphemeral;
            nextEphemeral = port == IPPORT_USERRESERVED ? IPPORT_RESERVED : port + 1;
            if (ports.putIfAbsent(port, s) == null) {
                s.local = new SockAddrIn(addr, port);
                return;
            }
        }
        throw ErrnoException.of(EADDRINUSE);
    }

    /** The socket holding {@code port}, or null. */
    Sock find(int port) {
        return port > 0 && port < PORTS ? ports.get(port) : null;
    }

    /** The socket closed: its port is free again. */
    void unbind(Sock s) {
        if (s.local instanceof SockAddrIn a) ports.remove(a.port(), s);
    }
}
