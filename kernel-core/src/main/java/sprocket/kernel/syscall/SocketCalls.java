package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.fs.OpenFile;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.SocketFile;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.Socket;
import sprocket.kernel.proc.FdTable;
import sprocket.kernel.proc.Proc;

/**
 * The socket calls: the kernel's part is the descriptors (a new socket or an accepted connection at the lowest free
 * one; the descriptors an SCM_RIGHTS message takes from the sender and installs in the receiver), checking the
 * caller's buffers, and ENOTSOCK for a descriptor that is not a socket. The IPC module does the rest.
 */
@Singleton
final class SocketCalls {
    private final Ipc ipc;

    @Inject
    SocketCalls(Ipc ipc) {
        this.ipc = ipc;
    }

    int socket(Proc p, int domain, int type, int protocol) {
        int[] errno = new int[1];
        SocketFile s = ipc.socket(domain, type, protocol, errno);
        if (s == null) return fail(p, errno[0]);
        return install(p, s);
    }

    int socketpair(Proc p, int domain, int type, int protocol, int[] sv) {
        if (sv == null || sv.length < 2) return fail(p, Errno.EFAULT);
        SocketFile[] pair = new SocketFile[2];
        int r = ipc.socketpair(domain, type, protocol, pair);
        if (r < 0) return fail(p, -r);
        int a = install(p, pair[0]);
        if (a < 0) {
            pair[1].release();
            return -1;
        }
        int b = install(p, pair[1]);
        if (b < 0) {
            pair[0].release();
            p.fds.remove(a);
            return -1;
        }
        sv[0] = a;
        sv[1] = b;
        return 0;
    }

    int bind(Proc p, int s, SockAddr name) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (name == null) return fail(p, Errno.EFAULT);
        return status(p, f.bind(NameCalls.lookup(p), name));
    }

    int listen(Proc p, int s, int backlog) {
        SocketFile f = socket(p, s);
        return f == null ? -1 : status(p, f.listen(backlog));
    }

    int accept(Proc p, int s, SockAddr[] addr) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (addr != null && addr.length == 0) return fail(p, Errno.EFAULT);
        // accept(2): "EMFILE ... descriptors are currently open in the calling process", found before waiting.
        if (p.fds.lowestFree(0, nofile(p)) < 0) return fail(p, Errno.EMFILE);
        int[] errno = new int[1];
        SocketFile c = f.accept(addr, errno);
        if (c == null) return fail(p, errno[0]);
        // The table may have filled while accept slept (a share group shares it): then the connection goes.
        return install(p, c);
    }

    int connect(Proc p, int s, SockAddr name) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (name == null) return fail(p, Errno.EFAULT);
        return status(p, f.connect(NameCalls.lookup(p), name));
    }

    int sendto(Proc p, int s, byte[] buf, int off, int len, int flags, SockAddr to) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (outside(buf, off, len)) return fail(p, Errno.EFAULT);
        return status(p, f.send(buf, off, len, flags, NameCalls.lookup(p), to, null));
    }

    int recvfrom(Proc p, int s, byte[] buf, int off, int len, int flags, SockAddr[] from) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (outside(buf, off, len) || (from != null && from.length == 0)) {
            return fail(p, Errno.EFAULT);
        }
        return status(p, f.receive(buf, off, len, flags, from, null, null));
    }

    /**
     * sendmsg(2): the open files behind {@code msg.rights} are held for the message before it goes, so they live
     * while in flight even if the sender closes its descriptors; if the send fails they are let go again.
     */
    int sendmsg(Proc p, int s, Msghdr msg, int flags) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (msg == null || outside(msg.buf, msg.off, msg.len)) return fail(p, Errno.EFAULT);
        List<OpenFile> rights = null;
        if (msg.rights != null && msg.rights.length > 0) {
            // More descriptors than a table holds cannot be one message's (Linux: EINVAL past SCM_MAX_FD).
            if (msg.rights.length > FdTable.NOFILE) return fail(p, Errno.EINVAL);
            rights = new ArrayList<>(msg.rights.length);
            for (int fd : msg.rights) {
                OpenFile o = p.fds.get(fd);
                if (o == null) {
                    for (OpenFile held : rights) held.release();
                    // sendmsg(2) (unix(7)): "EBADF ... an SCM_RIGHTS descriptor is not a valid open descriptor".
                    return fail(p, Errno.EBADF);
                }
                o.hold();
                rights.add(o);
            }
        }
        int r = f.send(msg.buf, msg.off, msg.len, flags, NameCalls.lookup(p), msg.name, rights);
        if (r < 0 && rights != null) {
            for (OpenFile held : rights) held.release();
        }
        return status(p, r);
    }

    /**
     * recvmsg(2): passed open files are installed at the lowest free descriptors, up to {@code msg.maxRights}; the
     * rest are closed and MSG_CTRUNC set, as when msg_controllen is too small or the table is full.
     */
    int recvmsg(Proc p, int s, Msghdr msg, int flags) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (msg == null || outside(msg.buf, msg.off, msg.len)) return fail(p, Errno.EFAULT);
        SockAddr[] from = new SockAddr[1];
        int[] msgFlags = new int[1];
        List<OpenFile> passed = new ArrayList<>();
        int r = f.receive(msg.buf, msg.off, msg.len, flags, from, passed, msgFlags);
        if (r < 0) return fail(p, -r);
        int[] fds = new int[passed.size()];
        int n = 0;
        for (OpenFile o : passed) {
            int fd = n < msg.maxRights ? p.fds.lowestFree(0, nofile(p)) : -1;
            if (fd < 0) {
                o.release();
                msgFlags[0] |= Socket.MSG_CTRUNC;
            } else {
                p.fds.install(fd, o, false);
                fds[n++] = fd;
            }
        }
        msg.rights = Arrays.copyOf(fds, n);
        msg.name = from[0];
        msg.flags = msgFlags[0];
        return r;
    }

    int shutdown(Proc p, int s, int how) {
        SocketFile f = socket(p, s);
        return f == null ? -1 : status(p, f.shutdown(how));
    }

    int getsockname(Proc p, int s, SockAddr[] name) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (name == null || name.length == 0) return fail(p, Errno.EFAULT);
        name[0] = f.sockname();
        return 0;
    }

    int getpeername(Proc p, int s, SockAddr[] name) {
        SocketFile f = socket(p, s);
        if (f == null) return -1;
        if (name == null || name.length == 0) return fail(p, Errno.EFAULT);
        SockAddr peer = f.peername();
        // getpeername(2): "ENOTCONN The socket is not connected".
        if (peer == null) return fail(p, Errno.ENOTCONN);
        name[0] = peer;
        return 0;
    }

    /** The socket behind {@code fd}, or null with errno EBADF or ENOTSOCK ("The file descriptor ... does not refer to a socket"). */
    private static SocketFile socket(Proc p, int fd) {
        OpenFile f = p.fds.get(fd);
        if (f instanceof SocketFile s) return s;
        fail(p, f == null ? Errno.EBADF : Errno.ENOTSOCK);
        return null;
    }

    /** Puts a new socket (held once) at the lowest free descriptor, or lets it go and fails with EMFILE. */
    private static int install(Proc p, SocketFile s) {
        int fd = p.fds.lowestFree(0, nofile(p));
        if (fd < 0) {
            s.release();
            return fail(p, Errno.EMFILE);
        }
        p.fds.install(fd, s, false);
        return fd;
    }

    private static int status(Proc p, int r) {
        return r < 0 ? fail(p, -r) : r;
    }

    private static boolean outside(byte[] buf, int off, int len) {
        return buf == null || off < 0 || len < 0 || off > buf.length - len;
    }

    private static long nofile(Proc p) {
        return p.limits.cur(Rlimit.RLIMIT_NOFILE);
    }
}
