package sprocket.ipc;

import static sprocket.api.Errno.EAFNOSUPPORT;
import static sprocket.api.Errno.EBADF;
import static sprocket.api.Errno.EFAULT;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ESPIPE;

import java.util.List;
import sprocket.api.fs.Lookup;
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
 * pending error a later call reports (SO_ERROR), its status flags and descriptor count as an entry of the open file
 * table, and the two channels its callers sleep on. read(2) and write(2) are recv and send without flags.
 */
abstract sealed class Sock implements SocketFile permits StreamSocket, DatagramSocket {

    /** st_dev of every socket: like pipes they live on no mounted file system. */
    static final int SOCK_DEV = 0xFFFE;
    /** fstat(2) of a socket: its type bits, and every permission (the socket has no name to protect). */
    static final int SOCK_MODE = FileMode.S_IFSOCK | 0777;
    /** The status flags F_SETFL may change. */
    private static final int SETTABLE = Fcntl.O_APPEND | Fcntl.O_NONBLOCK;

    final Sockets owner;
    final KernelServices kernel;
    final int id;
    final int domain;
    final int type;
    private final int uid;
    private final int gid;
    private final long ctime;
    private int flags = Fcntl.O_RDWR;
    private int references = 1;
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
    /** The last descriptor went: every call that still reaches the socket (a sleeper) must give up. */
    boolean closed;
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
        this.ctime = kernel.now();
        String name = (type == Socket.SOCK_STREAM ? "stream#" : "dgram#") + id;
        this.data = new WaitChannel(name + ".data");
        this.room = new WaitChannel(name + ".room");
    }

    /** The socket's last descriptor was closed: disconnect, discard what is queued, give up the name. */
    abstract void close();

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
    public final int bind(Lookup at, SockAddr name) {
        // bind(2): "EINVAL The socket is already bound to an address".
        if (local != null) return -EINVAL;
        if (name.family() != domain) return -EAFNOSUPPORT;
        return owner.bind(this, at, name);
    }

    @Override
    public final SockAddr sockname() {
        return local != null ? local : owner.unnamed(domain);
    }

    @Override
    public final int read(byte[] buf, int off, int len) {
        if (references == 0) return -EBADF;
        if (outside(buf, off, len)) return -EFAULT;
        return receive(buf, off, len, 0, null, null, null);
    }

    @Override
    public final int write(byte[] buf, int off, int len) {
        if (references == 0) return -EBADF;
        if (outside(buf, off, len)) return -EFAULT;
        return send(buf, off, len, 0, null, null, null);
    }

    @Override
    public final long lseek(long offset, int whence) {
        return -ESPIPE;
    }

    @Override
    public final int flags() {
        return flags;
    }

    @Override
    public final void setFlags(int newFlags) {
        flags = (flags & ~SETTABLE) | (newFlags & SETTABLE);
    }

    @Override
    public final Stat stat() {
        long s = ctime / kernel.clockHz();
        return new Stat(SOCK_DEV, id, SOCK_MODE, 1, uid, gid, 0, 0, s, s, s);
    }

    @Override
    public final void hold() {
        if (references == 0) throw new IllegalStateException(this + " is closed: nothing to hold");
        references++;
    }

    @Override
    public final void release() {
        if (references == 0) throw new IllegalStateException(this + " released more often than held");
        if (--references == 0) {
            closed = true;
            close();
            owner.unbind(this);
            owner.closed();
        }
        // unp_gc: with sockets in flight, this close may have left a cycle only unreceivable messages hold. Unix
        // collects at a socket's last close; a socket sent over itself never has one (its own message holds it),
        // so every close of an AF_UNIX socket runs it here, and a run that closed everything ends with nothing left.
        if (domain == Socket.AF_UNIX && owner.inFlight.total() > 0) owner.collectGarbage();
    }

    @Override
    public final int references() {
        return references;
    }

    /** Whether this call may not sleep: O_NONBLOCK on the open file or MSG_DONTWAIT on the call. */
    final boolean nonblocking(int msgFlags) {
        return (flags & Fcntl.O_NONBLOCK) != 0 || (msgFlags & Socket.MSG_DONTWAIT) != 0;
    }

    /** Reports the pending error once, as sock_error() does: the negative errno, or 0 when there is none. */
    final int takeError() {
        int e = error;
        error = 0;
        return -e;
    }

    final void charge(int bytes) {
        kernel.charge(((bytes + 3L) >>> 2) * Pipe.COPY_WORD_CYCLES);
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

    @Override
    public String toString() {
        return data.toString().replace(".data", "");
    }

    private static boolean outside(byte[] buf, int off, int len) {
        return buf == null || off < 0 || len < 0 || off > buf.length - len;
    }
}
