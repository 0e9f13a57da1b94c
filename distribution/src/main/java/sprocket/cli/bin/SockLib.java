package sprocket.cli.bin;

import sprocket.api.Errno;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;

/** What the socket programs share: naming an address on the command line, and calls resumed after EINTR. */
final class SockLib {

    private SockLib() {
    }

    /**
     * An address as the programs write it: {@code unix PATH}, or {@code inet [ADDR:]PORT} with ADDR 127.0.0.1 (the
     * default) or 0.0.0.0. Null when it is neither.
     */
    static SockAddr parse(String family, String where) {
        if (family.equals("unix")) return where.isEmpty() ? null : new SockAddrUn(where);
        if (!family.equals("inet")) return null;
        int colon = where.lastIndexOf(':');
        int addr = Socket.INADDR_LOOPBACK;
        if (colon >= 0) {
            String host = where.substring(0, colon);
            if (host.equals("0.0.0.0")) {
                addr = Socket.INADDR_ANY;
            } else if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                return null;
            }
        }
        long port = Libc.number(where.substring(colon + 1), 0, 65535);
        return port == Libc.BAD_NUMBER ? null : new SockAddrIn(addr, (int) port);
    }

    /** How {@link #parse} reads {@code a} back: the two arguments an echoclient needs to reach it. */
    static String[] unparse(SockAddr a) {
        if (a instanceof SockAddrUn un) return new String[] {"unix", un.path()};
        SockAddrIn in = (SockAddrIn) a;
        return new String[] {"inet", "127.0.0.1:" + in.port()};
    }

    static String familyName(SockAddr a) {
        return a.family() == Socket.AF_UNIX ? "AF_UNIX" : "AF_INET";
    }

    /** accept(2), resumed after EINTR. */
    static int accept(Sys sys, int s, SockAddr[] from) {
        int fd;
        do {
            fd = sys.accept(s, from);
        } while (fd == -1 && sys.errno() == Errno.EINTR);
        return fd;
    }

    /** Reads exactly {@code len} bytes into {@code buf} (MSG_WAITALL, resumed after EINTR): the bytes read, fewer at EOF, or -1. */
    static int readFully(Sys sys, int fd, byte[] buf, int len) {
        int got = 0;
        while (got < len) {
            int n = sys.recv(fd, buf, got, len - got, Socket.MSG_WAITALL);
            if (n == -1 && sys.errno() == Errno.EINTR) continue;
            if (n <= 0) return n < 0 ? -1 : got;
            got += n;
        }
        return got;
    }
}
