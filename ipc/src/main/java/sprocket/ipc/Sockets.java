package sprocket.ipc;

import static sprocket.api.Errno.EAFNOSUPPORT;
import static sprocket.api.Errno.ECONNREFUSED;
import static sprocket.api.Errno.ENETUNREACH;
import static sprocket.api.Errno.ENOBUFS;
import static sprocket.api.Errno.EOPNOTSUPP;
import static sprocket.api.Errno.EPROTONOSUPPORT;
import static sprocket.api.Errno.EPROTOTYPE;
import static sprocket.api.Errno.ESOCKTNOSUPPORT;

import sprocket.api.ErrnoException;
import sprocket.api.ipc.SocketFile;
import sprocket.api.ipc.SocketNames;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Faults;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;

/**
 * The socket layer of one boot: socket(2) and socketpair(2), the two address families' name spaces (AF_UNIX paths
 * in the kernel's name space, AF_INET ports on the loopback interface), and the count of live sockets.
 */
final class Sockets {

    private final KernelServices kernel;
    private final IpcLimits limits;
    private final UnixNames names;
    private final LoopbackPorts tcp = new LoopbackPorts();
    private final LoopbackPorts udp = new LoopbackPorts();
    /** Socket numbers (their st_ino) in creation order, so runs repeat exactly. */
    private int nextId = 1;
    private int live;
    /** The AF_UNIX sockets passed in messages not yet received, and their collector. */
    final InFlight inFlight = new InFlight();
    private final UnixGc gc;

    Sockets(KernelServices kernel, SocketNames names, IpcLimits limits) {
        this.kernel = kernel;
        this.limits = limits;
        this.names = new UnixNames(names);
        this.gc = new UnixGc(inFlight, kernel);
    }

    /** socket(2): a new socket. */
    SocketFile socket(int domain, int type, int protocol) {
        check(domain, type, protocol);
        buffers();
        return create(domain, type);
    }

    /** socketpair(2): AF_UNIX only. */
    SocketFile[] socketpair(int domain, int type, int protocol) {
        check(domain, type, protocol);
        // socketpair(2): "EOPNOTSUPP The specified protocol does not permit creation of socket pairs" (TCP, UDP).
        if (domain != Socket.AF_UNIX) throw ErrnoException.of(EOPNOTSUPP);
        buffers();
        Sock a = create(domain, type);
        Sock b = create(domain, type);
        if (type == Socket.SOCK_STREAM) {
            StreamSocket.join((StreamSocket) a, (StreamSocket) b);
        } else {
            DatagramSocket.join((DatagramSocket) a, (DatagramSocket) b);
        }
        return new SocketFile[] {a, b};
    }

    /** socket(2)'s errors, in the order Linux finds them: the family, then the type, then the protocol. */
    private static void check(int domain, int type, int protocol) {
        // socket(2): "EAFNOSUPPORT The implementation does not support the specified address family."
        if (domain != Socket.AF_UNIX && domain != Socket.AF_INET) throw ErrnoException.of(EAFNOSUPPORT);
        // intro(2) ESOCKTNOSUPPORT: "no implementation for it exists" (raw, sequenced-packet, reliable datagrams).
        if (type != Socket.SOCK_STREAM && type != Socket.SOCK_DGRAM) throw ErrnoException.of(ESOCKTNOSUPPORT);
        // socket(2): "EPROTONOSUPPORT The protocol is not supported by the address family, or the protocol is not
        // supported by the implementation."
        int implied = domain == Socket.AF_UNIX ? 0 : type == Socket.SOCK_STREAM ? Socket.IPPROTO_TCP : Socket.IPPROTO_UDP;
        if (protocol != 0 && protocol != implied) throw ErrnoException.of(EPROTONOSUPPORT);
    }

    private Sock create(int domain, int type) {
        live++;
        return type == Socket.SOCK_STREAM ? new StreamSocket(this, nextId++, domain)
                : new DatagramSocket(this, nextId++, domain);
    }

    /** The server's end of a connection made to {@code listener}, waiting to be accepted. */
    StreamSocket newStream(int domain) {
        buffers();
        return (StreamSocket) create(domain, Socket.SOCK_STREAM);
    }

    /** socket(2), socketpair(2), connect(2): "ENOBUFS Insufficient resources", when fault injection says so. */
    private void buffers() {
        if (kernel.faults().shouldFail(Faults.SOCKET_BUFFERS)) throw ErrnoException.of(ENOBUFS);
    }

    int live() {
        return live;
    }

    /** A socket was closed. */
    void closed() {
        live--;
    }

    /** A socket was closed while sockets are in flight: free the ones nobody can receive any more. */
    void collectGarbage() {
        gc.collect();
    }

    KernelServices kernel() {
        return kernel;
    }

    int bufferSize() {
        return limits.sockbuf();
    }

    int somaxconn() {
        return limits.somaxconn();
    }

    /** The address of a socket bound to nothing, as getsockname(2) reports it. */
    SockAddr unnamed(int domain) {
        return domain == Socket.AF_UNIX ? SockAddrUn.UNNAMED : SockAddrIn.any(0);
    }

    /** bind(2) of {@code s} (unbound, of {@code name}'s family). */
    void bind(Sock s, SockAddr name) {
        if (name instanceof SockAddrUn un) {
            names.bind(s, un);
        } else {
            ports(s).bind(s, (SockAddrIn) name, kernel.credentials().euid());
        }
    }

    /** An AF_INET socket that sends or connects unbound gets an ephemeral port first (4.3BSD in_pcbbind). */
    void autobind(Sock s) {
        ports(s).autobind(s, Socket.INADDR_ANY);
    }

    /** The socket closed: it gives up its name or port. */
    void unbind(Sock s) {
        if (s.domain == Socket.AF_UNIX) {
            names.unbind(s);
        } else {
            ports(s).unbind(s);
        }
    }

    /**
     * The socket of {@code from}'s type bound at {@code name}: ENOENT and the other lookup errors, ECONNREFUSED when
     * nothing is bound there, EPROTOTYPE when a socket of the other type is (connect(2): "The specified address has a
     * different type than the socket bound to the specified peer address").
     */
    Sock find(Sock from, SockAddr name) {
        if (name instanceof SockAddrUn un) {
            Sock s = names.find(un);
            if (s.type != from.type) throw ErrnoException.of(EPROTOTYPE);
            return s;
        }
        SockAddrIn in = (SockAddrIn) name;
        reachable(in);
        Sock s = ports(from).find(in.port());
        if (s == null) throw ErrnoException.of(ECONNREFUSED);
        return s;
    }

    /** The socket of {@code from}'s type on loopback port {@code name}, or null when none holds it. */
    Sock findPort(Sock from, SockAddrIn name) {
        return ports(from).find(name.port());
    }

    /** Whether an AF_INET destination is this host: 127.0.0.1, or INADDR_ANY meaning it; else ENETUNREACH. */
    void reachable(SockAddr name) {
        int addr = ((SockAddrIn) name).addr();
        if (addr != Socket.INADDR_LOOPBACK && addr != Socket.INADDR_ANY) throw ErrnoException.of(ENETUNREACH);
    }

    /** The address a connection or datagram shows for a socket bound to {@code name}: INADDR_ANY becomes 127.0.0.1. */
    SockAddr accepted(SockAddr name) {
        if (name instanceof SockAddrIn in && in.addr() == Socket.INADDR_ANY) return SockAddrIn.loopback(in.port());
        return name;
    }

    private LoopbackPorts ports(Sock s) {
        return s.type == Socket.SOCK_STREAM ? tcp : udp;
    }
}
