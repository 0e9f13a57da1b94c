package sprocket.ipc;

import static sprocket.api.Errno.EAFNOSUPPORT;
import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.ECONNREFUSED;
import static sprocket.api.Errno.EDESTADDRREQ;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.EMSGSIZE;
import static sprocket.api.Errno.ENOTCONN;
import static sprocket.api.Errno.EOPNOTSUPP;
import static sprocket.api.Errno.EPERM;
import static sprocket.api.Errno.EPIPE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import sprocket.api.ErrnoException;
import sprocket.api.fs.OpenFile;
import sprocket.api.ipc.SocketFile;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.Socket;

/**
 * A SOCK_DGRAM socket, AF_UNIX or UDP over the loopback interface: a queue of whole datagrams of at most the
 * buffer size. When the receiver's queue is full an AF_UNIX sender sleeps for room (O_NONBLOCK: EAGAIN) while UDP
 * drops the datagram, as both do on a real system. connect(2) sets the default destination and, as on BSD and
 * Linux, a connected socket takes datagrams from that peer only. UDP's "port unreachable" comes back as the pending
 * ECONNREFUSED of a connected socket; an unconnected sender never hears of it.
 */
final class DatagramSocket extends Sock {

    /** The largest UDP payload: an IPv4 datagram of 65535 bytes less its IP and UDP headers. */
    static final int UDP_MAX = 65507;

    private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
    private int queued;
    /** connect(2)'s peer: an AF_UNIX socket itself, or a UDP address (resolved at each send, like a port). */
    private DatagramSocket peer;
    private SockAddr peerAddress;

    DatagramSocket(Sockets owner, int id, int domain) {
        super(owner, id, domain, Socket.SOCK_DGRAM);
    }

    /** socketpair(2): two unnamed sockets connected to each other. */
    static void join(DatagramSocket a, DatagramSocket b) {
        a.peer = b;
        a.peerAddress = b.sockname();
        b.peer = a;
        b.peerAddress = a.sockname();
    }

    @Override
    public void listen(int backlog) {
        // listen(2): "EOPNOTSUPP The socket protocol does not support listen()."
        throw ErrnoException.of(EOPNOTSUPP);
    }

    @Override
    public SocketFile accept(SockAddr[] from, int fflags) {
        throw ErrnoException.of(EOPNOTSUPP);
    }

    @Override
    public void connect(SockAddr name, int fflags) {
        if (name.family() != domain) throw ErrnoException.of(EAFNOSUPPORT);
        if (domain == Socket.AF_UNIX) {
            Sock found = owner.find(this, name);
            peer = (DatagramSocket) found;
            peerAddress = found.sockname();
            return;
        }
        owner.reachable(name);
        if (local == null) owner.autobind(this);
        peerAddress = owner.accepted(name);
    }

    @Override
    public int send(byte[] buf, int off, int len, int flags, SockAddr to, List<OpenFile> rights) {
        if ((flags & Socket.MSG_OOB) != 0) throw ErrnoException.of(EOPNOTSUPP);
        if (error != 0) throwError();
        if (sendShut) throw ErrnoException.of(EPIPE);
        if (to == null && peerAddress == null) throw ErrnoException.of(EDESTADDRREQ);
        if (to != null && to.family() != domain) throw ErrnoException.of(EAFNOSUPPORT);
        if (rights != null && domain != Socket.AF_UNIX) throw ErrnoException.of(EINVAL);
        // send(2): "EMSGSIZE The message is too large to be sent all at once, as the socket requires."
        if (len > owner.bufferSize() || (domain == Socket.AF_INET && len > UDP_MAX)) throw ErrnoException.of(EMSGSIZE);
        return domain == Socket.AF_UNIX ? sendUnix(buf, off, len, flags, to, rights) : sendUdp(buf, off, len, to);
    }

    private int sendUnix(byte[] buf, int off, int len, int flags, SockAddr to, List<OpenFile> rights) {
        DatagramSocket target = to != null ? (DatagramSocket) owner.find(this, to) : peer;
        while (true) {
            // The peer closed (a name found later may be another socket): unix(7) "ECONNREFUSED".
            if (target.closed) throw ErrnoException.of(ECONNREFUSED);
            // A connected receiver takes datagrams from its peer only; Linux says EPERM to anyone else.
            if (target.peer != null && target.peer != this) throw ErrnoException.of(EPERM);
            if (target.receiveShut) throw ErrnoException.of(EPIPE);
            if (target.queued + len <= owner.bufferSize()) break;
            if (nonblocking(flags)) throw ErrnoException.of(EAGAIN);
            int e = kernel.sleep(target.room, true);
            if (e != 0) throw ErrnoException.of(e);
        }
        target.enqueue(new Datagram(copy(buf, off, len), sockname(), rights));
        return len;
    }

    private int sendUdp(byte[] buf, int off, int len, SockAddr to) {
        SockAddr dest = to != null ? to : peerAddress;
        owner.reachable(dest);
        if (local == null) owner.autobind(this);
        DatagramSocket target = (DatagramSocket) owner.findPort(this, (SockAddrIn) dest);
        if (target == null) {
            // The loopback answers "port unreachable"; only a socket connected to that address takes the error.
            if (to == null) error = ECONNREFUSED;
            return len;
        }
        SockAddr me = owner.accepted(local);
        boolean accepts = target.peerAddress == null || target.peerAddress.equals(me);
        // UDP neither waits nor complains: a datagram that finds no room, or a receiver connected elsewhere, is lost.
        if (accepts && !target.receiveShut && target.queued + len <= owner.bufferSize()) {
            target.enqueue(new Datagram(copy(buf, off, len), me, null));
        }
        return len;
    }

    private void enqueue(Datagram d) {
        queue.addLast(d);
        if (d.rights() != null) owner.inFlight.enter(d.rights());
        queued += d.bytes().length;
        kernel.wakeup(data);
    }

    private static byte[] copy(byte[] buf, int off, int len) {
        return java.util.Arrays.copyOfRange(buf, off, off + len);
    }

    @Override
    public int receive(byte[] buf, int off, int len, int flags, SockAddr[] from, List<OpenFile> rights,
            int[] msgFlags) {
        if ((flags & Socket.MSG_OOB) != 0) throw ErrnoException.of(EOPNOTSUPP);
        boolean peek = (flags & Socket.MSG_PEEK) != 0;
        while (queue.isEmpty()) {
            if (error != 0) throwError();
            if (receiveShut) return 0;
            if (nonblocking(flags)) throw ErrnoException.of(EAGAIN);
            int e = kernel.sleep(data, true);
            if (e != 0) throw ErrnoException.of(e);
        }
        Datagram d = peek ? queue.peekFirst() : queue.pollFirst();
        int size = d.bytes().length;
        int n = Math.min(len, size);
        System.arraycopy(d.bytes(), 0, buf, off, n);
        // recv(2): "For message-based sockets ... If a message is too long to fit in the supplied buffer, excess
        // bytes shall be discarded"; recvmsg(2) sets MSG_TRUNC in msg_flags.
        if (msgFlags != null && size > len) msgFlags[0] |= Socket.MSG_TRUNC;
        if (from != null) from[0] = d.from();
        if (!peek) {
            queued -= size;
            kernel.wakeup(room);
            if (d.rights() != null) owner.inFlight.leave(d.rights());
        }
        if (d.rights() != null) deliver(d.rights(), rights, peek);
        return n;
    }

    @Override
    public void shutdown(int how) {
        if (how < Socket.SHUT_RD || how > Socket.SHUT_RDWR) throw ErrnoException.of(EINVAL);
        if (peerAddress == null) throw ErrnoException.of(ENOTCONN);
        if (how != Socket.SHUT_WR) {
            receiveShut = true;
            kernel.wakeup(data);
            kernel.wakeup(room);
        }
        if (how != Socket.SHUT_RD) sendShut = true;
    }

    @Override
    public SockAddr peername() {
        return peerAddress;
    }

    @Override
    void queuedRights(List<OpenFile> into) {
        for (Datagram d : queue) {
            if (d.rights() != null) into.addAll(d.rights());
        }
    }

    @Override
    void purgeRights(List<OpenFile> hitlist) {
        for (Iterator<Datagram> it = queue.iterator(); it.hasNext(); ) {
            Datagram d = it.next();
            if (d.rights() == null) continue;
            it.remove();
            queued -= d.bytes().length;
            owner.inFlight.leave(d.rights());
            hitlist.addAll(d.rights());
        }
    }

    @Override
    void disconnect() {
        List<OpenFile> gone = null;
        for (Datagram d : queue) {
            if (d.rights() == null) continue;
            if (gone == null) gone = new ArrayList<>();
            gone.addAll(d.rights());
        }
        if (gone != null) owner.inFlight.leave(gone);
        queue.clear();
        queued = 0;
        kernel.wakeup(data);
        kernel.wakeup(room);
        // Released only once the queue is empty: a release may run the collector, which must not find them here.
        discard(gone);
    }
}
