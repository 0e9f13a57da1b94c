package sprocket.ipc;

import static sprocket.api.Errno.EAFNOSUPPORT;
import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.ECONNREFUSED;
import static sprocket.api.Errno.ECONNRESET;
import static sprocket.api.Errno.EDESTADDRREQ;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.EISCONN;
import static sprocket.api.Errno.ENOTCONN;
import static sprocket.api.Errno.EOPNOTSUPP;
import static sprocket.api.Errno.EPIPE;

import java.util.ArrayDeque;
import java.util.List;
import sprocket.api.ErrnoException;
import sprocket.api.Signals;
import sprocket.api.fs.OpenFile;
import sprocket.api.ipc.SocketFile;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.Socket;

/**
 * A SOCK_STREAM socket, AF_UNIX or TCP over the loopback interface: unconnected, listening with a queue of
 * connections not yet accepted, or connected to a peer whose receive buffer its sends fill. On loopback nothing is
 * lost and nothing is late, so a connect completes at once when the listener's backlog has room; when it has none
 * the connector sleeps until an accept makes room (O_NONBLOCK: EAGAIN), as AF_UNIX connect does on Linux. A real
 * TCP would instead drop the SYN and retry, or answer EINPROGRESS; on loopback the outcome is the same connection.
 */
final class StreamSocket extends Sock {

    private enum State { UNCONNECTED, LISTENING, CONNECTED }

    private State state = State.UNCONNECTED;
    private final StreamBuffer buffer;
    /** The other end while both are open; null once it closed (sends then get EPIPE). */
    private StreamSocket peer;
    private SockAddr peerAddress;
    /** Listening: connections made but not yet accepted, and how many may wait. */
    private final ArrayDeque<StreamSocket> pending = new ArrayDeque<>();
    private int backlog;
    /** Whether this is a connection still waiting in a listener's queue. */
    private boolean unaccepted;

    StreamSocket(Sockets owner, int id, int domain) {
        super(owner, id, domain, Socket.SOCK_STREAM);
        this.buffer = new StreamBuffer(owner.bufferSize(), owner.inFlight);
    }

    /** socketpair(2): joins two new sockets as connected peers, both unnamed. */
    static void join(StreamSocket a, StreamSocket b) {
        a.connected(b, b.sockname());
        b.connected(a, a.sockname());
    }

    private void connected(StreamSocket other, SockAddr address) {
        state = State.CONNECTED;
        peer = other;
        peerAddress = address;
    }

    @Override
    public void listen(int backlog) {
        // listen(2): "EINVAL The socket is already connected."
        if (state == State.CONNECTED) throw ErrnoException.of(EINVAL);
        if (local == null) {
            // listen(2): "EDESTADDRREQ The socket is not bound to a local address, and the protocol does not support
            // listening on an unbound socket." TCP binds an ephemeral port instead, as 4.3BSD's in_pcbbind does.
            if (domain == Socket.AF_UNIX) throw ErrnoException.of(EDESTADDRREQ);
            owner.autobind(this);
        }
        state = State.LISTENING;
        // listen(2): a backlog beyond SOMAXCONN is cut down to it; one connection may always wait.
        this.backlog = Math.max(1, Math.min(backlog, owner.somaxconn()));
        kernel.wakeup(room);
    }

    @Override
    public SocketFile accept(SockAddr[] from, int fflags) {
        // accept(2): "EINVAL The socket is not accepting connections."
        if (state != State.LISTENING) throw ErrnoException.of(EINVAL);
        while (pending.isEmpty()) {
            if ((fflags & Fcntl.O_NONBLOCK) != 0) throw ErrnoException.of(EAGAIN);
            int e = kernel.sleep(data, true);
            if (e != 0) throw ErrnoException.of(e);
            if (state != State.LISTENING) throw ErrnoException.of(EINVAL);
        }
        StreamSocket s = pending.pollFirst();
        s.unaccepted = false;
        kernel.wakeup(room);
        if (from != null) from[0] = s.peerAddress;
        return s;
    }

    @Override
    public void connect(SockAddr name, int fflags) {
        // connect(2): "EOPNOTSUPP The socket is listening and cannot be connected"; "EISCONN The specified socket is
        // connection-mode and is already connected".
        if (state == State.LISTENING) throw ErrnoException.of(EOPNOTSUPP);
        if (state == State.CONNECTED) throw ErrnoException.of(EISCONN);
        if (name.family() != domain) throw ErrnoException.of(EAFNOSUPPORT);
        Sock found = owner.find(this, name);
        if (local == null && domain == Socket.AF_INET) owner.autobind(this);
        StreamSocket listener = (StreamSocket) found;
        while (true) {
            // connect(2): "ECONNREFUSED The target address was not listening for connections".
            if (listener.closed || listener.state != State.LISTENING) throw ErrnoException.of(ECONNREFUSED);
            if (listener.pending.size() < listener.backlog) break;
            if ((fflags & Fcntl.O_NONBLOCK) != 0) throw ErrnoException.of(EAGAIN);
            int e = kernel.sleep(listener.room, true);
            if (e != 0) throw ErrnoException.of(e);
        }
        StreamSocket server = owner.newStream(domain);
        server.local = owner.accepted(listener.local);
        // The connector's source address is the interface's, 127.0.0.1, though it bound to INADDR_ANY.
        local = owner.accepted(local);
        server.connected(this, sockname());
        connected(server, server.local);
        server.unaccepted = true;
        listener.pending.addLast(server);
        kernel.wakeup(listener.data);
    }

    @Override
    public int send(byte[] buf, int off, int len, int flags, SockAddr to, List<OpenFile> rights) {
        if ((flags & Socket.MSG_OOB) != 0) throw ErrnoException.of(EOPNOTSUPP);
        // sendto(2): "EISCONN A destination address was specified and the socket is already connected".
        if (to != null) throw ErrnoException.of(state == State.CONNECTED ? EISCONN : ENOTCONN);
        if (state != State.CONNECTED) throw ErrnoException.of(ENOTCONN);
        if (rights != null && domain != Socket.AF_UNIX) throw ErrnoException.of(EINVAL);
        int done = 0;
        while (done < len || len == 0) {
            // send(2): "EPIPE The socket is shut down for writing, or the socket is connection-mode and is no
            // longer connected. In the latter case, and if the socket is of type SOCK_STREAM, the SIGPIPE signal
            // is generated to the calling thread."
            if (sendShut || peer == null || peer.receiveShut) {
                if (done > 0) return done;
                kernel.signal(kernel.pid(), Signals.SIGPIPE);
                throw ErrnoException.of(EPIPE);
            }
            if (len == 0) {
                // A control message with no data still travels (as on 4.4BSD and Linux): the files go as a record
                // of no bytes, which the next receive at that place in the stream takes.
                if (rights != null) {
                    peer.buffer.put(buf, off, 0, rights);
                    kernel.wakeup(peer.data);
                }
                return 0;
            }
            int space = peer.buffer.room();
            if (space == 0) {
                if (nonblocking(flags)) return partial(done, EAGAIN);
                int e = kernel.sleep(peer.room, true);
                if (e != 0) return partial(done, e);
                continue;
            }
            int n = Math.min(space, len - done);
            peer.buffer.put(buf, off + done, n, done == 0 ? rights : null);
            done += n;
            kernel.wakeup(peer.data);
        }
        return done;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int flags, SockAddr[] from, List<OpenFile> rights,
            int[] msgFlags) {
        if ((flags & Socket.MSG_OOB) != 0) throw ErrnoException.of(EOPNOTSUPP);
        // recv(2): "ENOTCONN A receive is attempted on a connection-mode socket that is not connected."
        if (state != State.CONNECTED) throw ErrnoException.of(ENOTCONN);
        boolean peek = (flags & Socket.MSG_PEEK) != 0;
        // A receive of no bytes still takes files sent with no bytes (a control message alone), as Linux's does.
        if (len == 0) return buffer.filesAtHead() ? buffer.take(buf, off, 0, peek, rights) : 0;
        // recv(2): MSG_WAITALL "requests that the function block until the full amount of data can be returned";
        // it still returns early at end of file, an error, a signal, or passed descriptors.
        boolean all = (flags & Socket.MSG_WAITALL) != 0 && !peek;
        int done = 0;
        while (done < len) {
            if (buffer.readable()) {
                int n = buffer.take(buf, off + done, len - done, peek, rights);
                done += n;
                if (!peek) kernel.wakeup(room);
                if (!all || buffer.tookRights) break;
                continue;
            }
            if (done > 0 && !all) break;
            if (error != 0) {
                if (done > 0) break; // the error stays for the next call
                throwError();
            }
            // recv(2): "If no messages are available ... and the peer has performed an orderly shutdown, recv()
            // shall return 0."
            if (receiveShut) break;
            if (nonblocking(flags)) {
                if (done > 0) break;
                throw ErrnoException.of(EAGAIN);
            }
            int e = kernel.sleep(data, true);
            if (e != 0) {
                if (done > 0) break; // a signal after some data: what came is returned, as Linux does
                throw ErrnoException.of(e);
            }
        }
        if (from != null) from[0] = peerAddress;
        return done;
    }

    @Override
    public void shutdown(int how) {
        if (how < Socket.SHUT_RD || how > Socket.SHUT_RDWR) throw ErrnoException.of(EINVAL);
        // shutdown(2): "ENOTCONN The socket is not connected."
        if (state != State.CONNECTED) throw ErrnoException.of(ENOTCONN);
        if (how != Socket.SHUT_WR) {
            receiveShut = true;
            kernel.wakeup(data);
            kernel.wakeup(room);
        }
        if (how != Socket.SHUT_RD) {
            sendShut = true;
            if (peer != null) {
                peer.receiveShut = true;
                kernel.wakeup(peer.data);
            }
        }
    }

    @Override
    public SockAddr peername() {
        return state == State.CONNECTED ? peerAddress : null;
    }

    @Override
    void queuedRights(List<OpenFile> into) {
        buffer.rights(into);
        for (StreamSocket s : pending) s.buffer.rights(into);
    }

    @Override
    void purgeRights(List<OpenFile> hitlist) {
        buffer.purgeRights(hitlist);
        for (StreamSocket s : pending) s.buffer.purgeRights(hitlist);
    }

    @Override
    void disconnect() {
        // Connections nobody accepted are closed with their listener: their connectors see a reset.
        StreamSocket s;
        while ((s = pending.pollFirst()) != null) s.close();
        if (peer != null) {
            StreamSocket other = peer;
            other.peer = null;
            other.receiveShut = true;
            // Closing with data unread, or before being accepted, resets the connection (tcp(7), and AF_UNIX on
            // Linux): the peer's next receive, once it has read what was sent to it, fails with ECONNRESET.
            if (buffer.count() > 0 || unaccepted) other.error = ECONNRESET;
            kernel.wakeup(other.data);
            peer = null;
        }
        buffer.discard();
        kernel.wakeup(data);
        kernel.wakeup(room);
    }
}
