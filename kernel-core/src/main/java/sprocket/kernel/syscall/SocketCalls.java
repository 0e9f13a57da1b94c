package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.OpenFile;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.SocketFile;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.Socket;
import sprocket.kernel.proc.FdTable;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.uio.UserCopy;
import sprocket.kernel.vfs.File;
import sprocket.kernel.vfs.FileTable;

/**
 * The socket calls: the kernel's part is the open files and descriptors (a new socket or an accepted connection at
 * the lowest free one; the open files an SCM_RIGHTS message takes from the sender and installs in the receiver),
 * checking the caller's buffers, ENOTSOCK for a descriptor that is not a socket, and MSG_DONTWAIT for an open file
 * with O_NONBLOCK. The IPC module does the rest.
 */
@Singleton
final class SocketCalls {
    private final Ipc ipc;
    private final FileTable files;
    private final UserCopy copy;

    @Inject
    SocketCalls(Ipc ipc, FileTable files, UserCopy copy) {
        this.ipc = ipc;
        this.files = files;
        this.copy = copy;
    }

    int socket(Proc p, int domain, int type, int protocol) {
        return install(p, entry(ipc.socket(domain, type, protocol)));
    }

    int socketpair(Proc p, int domain, int type, int protocol, int[] sv) {
        if (sv == null || sv.length < 2) return fail(p, Errno.EFAULT);
        files.reserve(2);
        SocketFile[] pair = ipc.socketpair(domain, type, protocol);
        File first = files.open(pair[0], Fcntl.O_RDWR);
        File second = files.open(pair[1], Fcntl.O_RDWR);
        int a = install(p, first, second);
        if (a < 0) return -1; // both ends are closed already
        int b = install(p, second, null);
        if (b < 0) {
            p.fds.remove(a).release();
            return -1;
        }
        sv[0] = a;
        sv[1] = b;
        return 0;
    }

    int bind(Proc p, int s, SockAddr name) {
        SocketFile so = socket(p, s);
        if (name == null) return fail(p, Errno.EFAULT);
        so.bind(name);
        return 0;
    }

    int listen(Proc p, int s, int backlog) {
        socket(p, s).listen(backlog);
        return 0;
    }

    int accept(Proc p, int s, SockAddr[] addr) {
        File f = file(p, s);
        SocketFile so = (SocketFile) f.ops();
        if (addr != null && addr.length == 0) return fail(p, Errno.EFAULT);
        // accept(2): "EMFILE ... descriptors are currently open in the calling process", found before waiting.
        if (p.fds.lowestFree(0, nofile(p)) < 0) return fail(p, Errno.EMFILE);
        files.reserve(1);
        // The tables may have filled while accept slept (a share group shares them): then the connection goes.
        return install(p, entry(so.accept(addr, f.flags())));
    }

    int connect(Proc p, int s, SockAddr name) {
        File f = file(p, s);
        if (name == null) return fail(p, Errno.EFAULT);
        ((SocketFile) f.ops()).connect(name, f.flags());
        return 0;
    }

    int sendto(Proc p, int s, byte[] buf, int off, int len, int flags, SockAddr to) {
        File f = file(p, s);
        if (outside(buf, off, len)) return fail(p, Errno.EFAULT);
        return moved(((SocketFile) f.ops()).send(buf, off, len, flags | dontWait(f), to, null));
    }

    int recvfrom(Proc p, int s, byte[] buf, int off, int len, int flags, SockAddr[] from) {
        File f = file(p, s);
        if (outside(buf, off, len) || (from != null && from.length == 0)) {
            return fail(p, Errno.EFAULT);
        }
        return moved(((SocketFile) f.ops()).receive(buf, off, len, flags | dontWait(f), from, null, null));
    }

    /**
     * sendmsg(2): the open files behind {@code msg.rights} are held for the message before it goes, so they live
     * while in flight even if the sender closes its descriptors; if the send fails they are let go again.
     */
    int sendmsg(Proc p, int s, Msghdr msg, int flags) {
        File f = file(p, s);
        if (msg == null || outside(msg.buf, msg.off, msg.len)) return fail(p, Errno.EFAULT);
        List<OpenFile> rights = null;
        if (msg.rights != null && msg.rights.length > 0) {
            // More descriptors than a table holds cannot be one message's (Linux: EINVAL past SCM_MAX_FD).
            if (msg.rights.length > FdTable.NOFILE) return fail(p, Errno.EINVAL);
            rights = new ArrayList<>(msg.rights.length);
            for (int fd : msg.rights) {
                File o = p.fds.get(fd);
                if (o == null) {
                    for (OpenFile held : rights) held.release();
                    // sendmsg(2) (unix(7)): "EBADF ... an SCM_RIGHTS descriptor is not a valid open descriptor".
                    return fail(p, Errno.EBADF);
                }
                o.hold();
                rights.add(o);
            }
        }
        try {
            return moved(((SocketFile) f.ops()).send(msg.buf, msg.off, msg.len, flags | dontWait(f), msg.name, rights));
        } catch (ErrnoException e) {
            if (rights != null) {
                for (OpenFile held : rights) held.release();
            }
            throw e;
        }
    }

    /**
     * recvmsg(2): passed open files are installed at the lowest free descriptors, up to {@code msg.maxRights}; the
     * rest are closed and MSG_CTRUNC set, as when msg_controllen is too small or the table is full.
     */
    int recvmsg(Proc p, int s, Msghdr msg, int flags) {
        File f = file(p, s);
        if (msg == null || outside(msg.buf, msg.off, msg.len)) return fail(p, Errno.EFAULT);
        SockAddr[] from = new SockAddr[1];
        int[] msgFlags = new int[1];
        List<OpenFile> passed = new ArrayList<>();
        int r = moved(((SocketFile) f.ops()).receive(msg.buf, msg.off, msg.len, flags | dontWait(f), from, passed,
                msgFlags));
        int[] fds = new int[passed.size()];
        int n = 0;
        for (OpenFile o : passed) {
            int fd = n < msg.maxRights ? p.fds.lowestFree(0, nofile(p)) : -1;
            if (fd < 0) {
                o.release();
                msgFlags[0] |= Socket.MSG_CTRUNC;
            } else {
                p.fds.install(fd, (File) o, false);
                fds[n++] = fd;
            }
        }
        msg.rights = Arrays.copyOf(fds, n);
        msg.name = from[0];
        msg.flags = msgFlags[0];
        return r;
    }

    int shutdown(Proc p, int s, int how) {
        socket(p, s).shutdown(how);
        return 0;
    }

    int getsockname(Proc p, int s, SockAddr[] name) {
        SocketFile so = socket(p, s);
        if (name == null || name.length == 0) return fail(p, Errno.EFAULT);
        name[0] = so.sockname();
        return 0;
    }

    int getpeername(Proc p, int s, SockAddr[] name) {
        SocketFile so = socket(p, s);
        if (name == null || name.length == 0) return fail(p, Errno.EFAULT);
        SockAddr peer = so.peername();
        // getpeername(2): "ENOTCONN The socket is not connected".
        if (peer == null) return fail(p, Errno.ENOTCONN);
        name[0] = peer;
        return 0;
    }

    /**
     * The open file of the socket behind {@code fd}: EBADF, or ENOTSOCK ("The file descriptor ... does not refer to a
     * socket").
     */
    private static File file(Proc p, int fd) {
        File f = p.fds.get(fd);
        if (f == null) throw ErrnoException.of(Errno.EBADF);
        if (!(f.ops() instanceof SocketFile)) throw ErrnoException.of(Errno.ENOTSOCK);
        return f;
    }

    private static SocketFile socket(Proc p, int fd) {
        return (SocketFile) file(p, fd).ops();
    }

    /** The bytes a send or receive moved between the caller's buffer and a socket's queue, charged as a copy. */
    private int moved(int bytes) {
        copy.moved(bytes);
        return bytes;
    }

    /** Linux sock_recvmsg and sock_sendmsg: an open file with O_NONBLOCK makes every call MSG_DONTWAIT. */
    private static int dontWait(File f) {
        return (f.flags() & Fcntl.O_NONBLOCK) != 0 ? Socket.MSG_DONTWAIT : 0;
    }

    /** A new socket's open file; ENFILE (the socket then closed) when the table is full. */
    private File entry(SocketFile s) {
        try {
            files.reserve(1);
            return files.open(s, Fcntl.O_RDWR);
        } catch (ErrnoException e) {
            s.close();
            throw e;
        }
    }

    /** Puts a new socket's open file at the lowest free descriptor, or closes it and fails with EMFILE. */
    private static int install(Proc p, File f) {
        return install(p, f, null);
    }

    /** {@link #install(Proc, File)}; on EMFILE {@code also} (the other of a pair) is closed too. */
    private static int install(Proc p, File f, File also) {
        int fd = p.fds.lowestFree(0, nofile(p));
        if (fd < 0) {
            f.release();
            if (also != null) also.release();
            return fail(p, Errno.EMFILE);
        }
        p.fds.install(fd, f, false);
        return fd;
    }

    private static boolean outside(byte[] buf, int off, int len) {
        return buf == null || off < 0 || len < 0 || off > buf.length - len;
    }

    private static long nofile(Proc p) {
        return FileCalls.nofile(p);
    }
}
