package sprocket.fuzz.prog;

import static sprocket.api.sys.Socket.AF_INET;
import static sprocket.api.sys.Socket.AF_UNIX;
import static sprocket.api.sys.Socket.INADDR_ANY;
import static sprocket.api.sys.Socket.INADDR_LOOPBACK;
import static sprocket.api.sys.Socket.MSG_DONTWAIT;
import static sprocket.api.sys.Socket.MSG_OOB;
import static sprocket.api.sys.Socket.MSG_PEEK;
import static sprocket.api.sys.Socket.MSG_WAITALL;
import static sprocket.api.sys.Socket.SOCK_DGRAM;
import static sprocket.api.sys.Socket.SOCK_STREAM;

import java.util.List;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Sys;
import sprocket.fuzz.prog.Resources.Kind;

/** Pipes and sockets: pipe(2), socket(2) to shutdown(2), SCM_RIGHTS included. */
final class SocketCalls {
    private static final Kind[] SOCKETS = {Kind.STREAM, Kind.DGRAM, Kind.LISTENER};

    private final Executor x;

    SocketCalls(Executor x) {
        this.x = x;
    }

    void run(Op op, Args a) {
        Sys sys = x.sys;
        Resources res = x.res;
        switch (op) {
            case PIPE -> {
                int[] fds = a.chance(97) ? new int[2] : a.chance(50) ? null : new int[1];
                if (sys.pipe(fds) == 0) {
                    res.fd(fds[0], Kind.PIPE_READ);
                    res.fd(fds[1], Kind.PIPE_WRITE);
                    nonblocking(a, fds[0]);
                    nonblocking(a, fds[1]);
                }
            }
            case SOCKET -> {
                int type = a.chance(90) ? a.oneOf(SOCK_STREAM, SOCK_DGRAM) : a.oneOf(0, 4, 5, 6, -1);
                int fd = sys.socket(a.chance(90) ? a.oneOf(AF_UNIX, AF_INET) : a.oneOf(0, 3, -1, 1000), type,
                        a.chance(85) ? 0 : a.oneOf(6, 17, 1, -1));
                res.fd(fd, type == SOCK_STREAM ? Kind.STREAM : Kind.DGRAM);
                nonblocking(a, fd);
            }
            case SOCKETPAIR -> {
                int type = a.chance(90) ? a.oneOf(SOCK_STREAM, SOCK_DGRAM) : a.oneOf(0, 5, -1);
                int[] sv = a.chance(97) ? new int[2] : null;
                if (sys.socketpair(a.chance(90) ? AF_UNIX : a.oneOf(AF_INET, 0, 7), type, 0, sv) == 0) {
                    res.fd(sv[0], type == SOCK_STREAM ? Kind.STREAM : Kind.DGRAM);
                    res.fd(sv[1], type == SOCK_STREAM ? Kind.STREAM : Kind.DGRAM);
                    nonblocking(a, sv[0]);
                    nonblocking(a, sv[1]);
                }
            }
            case BIND -> {
                SockAddr name = address(a);
                if (sys.bind(a.fd(SOCKETS), name) == 0 && name instanceof SockAddrIn in) res.ports.add(in.port());
            }
            case LISTEN -> {
                int fd = a.fd(Kind.STREAM);
                if (sys.listen(fd, a.chance(80) ? a.below(8) : a.oneOf(-1, 0, 1 << 20, Integer.MIN_VALUE)) == 0) {
                    res.fd(fd, Kind.LISTENER);
                }
            }
            case ACCEPT -> {
                SockAddr[] from = a.chance(60) ? new SockAddr[1] : a.chance(80) ? null : new SockAddr[0];
                int fd = sys.accept(a.fd(Kind.LISTENER), from);
                res.fd(fd, Kind.STREAM);
                nonblocking(a, fd);
            }
            case CONNECT -> sys.connect(a.fd(SOCKETS), address(a));
            case SENDTO -> {
                byte[] buf = a.buffer(256);
                int off = a.offset(buf);
                sys.sendto(a.fd(SOCKETS), buf, off, a.length(buf, off), flags(a), a.chance(60) ? null : address(a));
            }
            case RECVFROM -> {
                byte[] buf = a.buffer(256);
                int off = a.offset(buf);
                SockAddr[] from = a.chance(50) ? new SockAddr[1] : a.chance(80) ? null : new SockAddr[0];
                sys.recvfrom(a.fd(SOCKETS), buf, off, a.length(buf, off), flags(a), from);
            }
            case SENDMSG -> sendmsg(a);
            case RECVMSG -> {
                byte[] buf = a.buffer(256);
                int off = a.offset(buf);
                Msghdr m = new Msghdr(buf, off, a.length(buf, off));
                m.maxRights = a.chance(80) ? a.below(4) : a.oneOf(-1, 1000, Integer.MIN_VALUE);
                if (sys.recvmsg(a.fd(SOCKETS), a.chance(97) ? m : null, flags(a)) >= 0 && m.rights != null) {
                    for (int fd : m.rights) res.fd(fd, Kind.INHERITED);
                }
            }
            case SHUTDOWN -> sys.shutdown(a.fd(SOCKETS), a.chance(90) ? a.below(3) : a.oneOf(-1, 3, 100));
            case SOCKNAME -> {
                SockAddr[] name = a.chance(90) ? new SockAddr[1] : a.chance(50) ? null : new SockAddr[0];
                if (a.chance(50)) sys.getsockname(a.fd(SOCKETS), name);
                else sys.getpeername(a.fd(SOCKETS), name);
            }
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    /** Most new pipes and sockets do not block (as pipe2(O_NONBLOCK) makes them), so the process goes on. */
    private void nonblocking(Args a, int fd) {
        if (fd >= 0 && a.chance(70)) x.sys.fcntl(fd, Fcntl.F_SETFL, Fcntl.O_NONBLOCK);
    }

    private void sendmsg(Args a) {
        byte[] buf = a.buffer(128);
        int off = a.offset(buf);
        Msghdr m = new Msghdr(buf, off, a.length(buf, off));
        // SCM_RIGHTS with zero bytes of data is the case that once lost the descriptors.
        if (a.chance(30)) m.len = 0;
        int n = a.chance(70) ? 1 + a.below(3) : 0;
        int[] rights = a.chance(90) ? new int[n] : null;
        if (rights != null) for (int i = 0; i < n; i++) rights[i] = a.fd();
        m.rights = rights;
        m.name = a.chance(70) ? null : address(a);
        x.sys.sendmsg(a.fd(Kind.STREAM, Kind.DGRAM), a.chance(97) ? m : null, flags(a));
    }

    private static int flags(Args a) {
        if (a.chance(50)) return 0;
        // MSG_WAITALL without MSG_DONTWAIT may wait for good: rarer.
        int f = a.flags(MSG_DONTWAIT, MSG_PEEK, MSG_OOB);
        if (a.chance(15)) f |= MSG_WAITALL;
        return f;
    }

    /** A socket address: a shared AF_UNIX name, a loopback port some process bound, or a hostile one. */
    private SockAddr address(Args a) {
        int p = a.pct();
        if (p < 45) return new SockAddrUn(a.oneOf(List.of("/tmp/s0", "/tmp/s1", "/tmp/f0", "/tmp/d0/s")));
        if (p < 55 && !x.res.ports.isEmpty()) return new SockAddrIn(INADDR_LOOPBACK, a.oneOf(x.res.ports));
        if (p < 75) return new SockAddrIn(a.oneOf(INADDR_LOOPBACK, INADDR_ANY),
                a.chance(60) ? 5000 + a.below(4) : a.oneOf(0, 80, 1023, 65_535));
        if (p < 85) return null;
        return switch (a.below(5)) {
            case 0 -> new SockAddrUn("");
            case 1 -> new SockAddrUn("/tmp/" + "s".repeat(200));
            case 2 -> new SockAddrUn("relative");
            case 3 -> new SockAddrIn(0x0A000001, 80);
            default -> new SockAddrIn(INADDR_LOOPBACK, a.oneOf(-1, 65_536, Integer.MIN_VALUE));
        };
    }
}
