package sprocket.ipc;

import static sprocket.api.Errno.EAFNOSUPPORT;
import static sprocket.api.Errno.EINVAL;

import java.util.List;
import sprocket.api.ErrnoException;
import sprocket.api.fs.OpenFile;
import sprocket.api.ipc.SocketFile;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Stat;

/**
 * What every socket has (4.3BSD's {@code struct socket}, less the protocol): its family and type, its name, the
 * pending error a later call reports (SO_ERROR), and the two channels its callers sleep on. The kernel keeps the open
 * file it is behind; read(2) and write(2) are recv and send without flags.
 */
abstract sealed class Sock implements SocketFile permits StreamSocket, DatagramSocket {

    /** st_dev of every socket: like pipes they live on no mounted file system. */
    static final int SOCK_DEV = 0xFFFE;
    /** fstat(2) of a socket: its type bits, and every permission (the socket has no name to protect). */
    static final int SOCK_MODE = FileMode.S_IFSOCK | 0777;

    final Sockets owner;
    final KernelServices kernel;
    final int id;
    final int domain;
    final int type;
    private final int uid;
    private final int gid;
    private final long ctime;
    /** Readers and acceptors sleep here; senders and connectors wait on {@link #room}. */
    final WaitChannel data;
    final WaitChannel room;
    /** bind(2)'s name (or an implicit one); null while unbound. */
    SockAddr local;
    /** The error the next call reports once, as 4.3BSD's so_error (ECONNRESET, ECONNREFUSED). */
    int error;
    /** shutdown(2) or the peer's close: no more sending, no more receiving. */
    boolean sendShut;
    boolean receiveShut;
    /** The last reference to its open file went: every call that still reaches the socket (a sleeper) must give up. */
    boolean closed;
    /** The open file this socket is behind, known once a message carries it (the collector counts its references). */
    OpenFile file;
    /** Queued messages that carry this socket (SCM_RIGHTS), kept by {@link InFlight}: Linux's u->inflight. */
    int inflight;
    /** {@link UnixGc}'s scratch: the socket's place in a collection, and its references no candidate's queue explains. */
    byte gcState;
    int gcRefs;

    Sock(Sockets owner, int id, int domain, int type) {
        this.owner = owner;
        this.kernel = owner.kernel();
        this.id = id;
        this.domain = domain;
        this.type = type;
        this.uid = kernel.credentials().euid();
        this.gid = kernel.credentials().egid();
        this.ctime = kernel.timeOfDayCycles();
        String name = (type == Socket.SOCK_STREAM ? "stream#" : "dgram#") + id;
        this.data = new WaitChannel(name + ".data");
        this.room = new WaitChannel(name + ".room");
    }

    /** The socket's open file was closed for the last time: disconnect, discard what is queued, give up the name. */
    abstract void disconnect();

    /**
     * Adds the open files carried by the messages queued to be received here, and for a listener in its connections
     * not yet accepted (unp_scan, Linux scan_children): what this socket keeps alive.
     */
    abstract void queuedRights(List<OpenFile> into);

    /**
     * The collector found this socket garbage: every queued message carrying files (here and in connections not yet
     * accepted) comes off its queue and out of flight, and its files go to {@code hitlist} for the collector to
     * release once every garbage socket is emptied.
     */
    abstract void purgeRights(List<OpenFile> hitlist);

    @Override
    public final int domain() {
        return domain;
    }

    @Override
    public final int type() {
        return type;
    }

    @Override
    public final void bind(SockAddr name) {
        // bind(2): "EINVAL The socket is already bound to an address".
        if (local != null) throw ErrnoException.of(EINVAL);
        if (name.family() != domain) throw ErrnoException.of(EAFNOSUPPORT);
        owner.bind(this, name);
    }

    @Override
    public final SockAddr sockname() {
        return local != null ? local : owner.unnamed(domain);
    }

    @Override
    public final int read(byte[] buf, int off, int len, int fflags) {
        return receive(buf, off, len, dontWait(fflags), null, null, null);
    }

    @Override
    public final int write(byte[] buf, int off, int len, int fflags) {
        return send(buf, off, len, dontWait(fflags), null, null);
    }

    /** MSG_DONTWAIT for an open file with O_NONBLOCK, as Linux's sock_read_iter makes it. */
    private static int dontWait(int fflags) {
        return (fflags & Fcntl.O_NONBLOCK) != 0 ? Socket.MSG_DONTWAIT : 0;
    }

    @Override
    public final Stat stat() {
        long s = ctime / kernel.clockHz();
        return new Stat(SOCK_DEV, id, SOCK_MODE, 1, uid, gid, 0, 0, s, s, s);
    }

    @Override
    public final void close() {
        if (closed) throw new IllegalStateException(this + " closed twice");
        closed = true;
        disconnect();
        owner.unbind(this);
        owner.closed();
        collect();
    }

    @Override
    public final void released() {
        collect();
    }

    /**
     * unp_gc: with sockets in flight, a close may have left a cycle only unreceivable messages hold. Unix collects at
     * a socket's last close; a socket sent over itself never has one (its own message holds it), so every close of a
     * descriptor of an AF_UNIX socket runs it, and a run that closed everything ends with nothing left.
     */
    private void collect() {
        if (domain == Socket.AF_UNIX && owner.inFlight.total() > 0) owner.collectGarbage();
    }

    /** Whether this call may not sleep: MSG_DONTWAIT, which the kernel adds for an open file with O_NONBLOCK. */
    static boolean nonblocking(int msgFlags) {
        return (msgFlags & Socket.MSG_DONTWAIT) != 0;
    }

    /** Reports the pending error once, as sock_error() does. */
    final void throwError() {
        int e = error;
        error = 0;
        throw ErrnoException.of(e);
    }

    /** Open files that came with a message: to the receiver's list, each held for it, or released when unwanted. */
    static void deliver(List<OpenFile> files, List<OpenFile> to, boolean peek) {
        for (OpenFile f : files) {
            if (to == null) {
                if (!peek) f.release();
            } else {
                if (peek) f.hold();
                to.add(f);
            }
        }
    }

    /** Releases the open files of messages nobody will read, once they are off their queues and out of flight. */
    static void discard(List<OpenFile> files) {
        if (files == null) return;
        for (OpenFile f : files) f.release();
    }

    /** A call that stopped part of the way: the bytes already moved, or the failure when there are none. */
    static int partial(int done, int errno) {
        if (done > 0) return done;
        throw ErrnoException.of(errno);
    }

    @Override
    public String toString() {
        return data.toString().replace(".data", "");
    }
}
