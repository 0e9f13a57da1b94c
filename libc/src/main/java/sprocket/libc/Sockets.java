package sprocket.libc;

import sprocket.api.Errno;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;

/**
 * Socket helpers of the C library: inet_addr(3N) and inet_ntoa(3N), addresses as programs take them on a command
 * line, and the calls a server and a client make resumed after EINTR.
 */
public final class Sockets {
    /** inet_addr(3N)'s failure: "The value INADDR_NONE (-1) is returned ... for malformed requests." */
    public static final int INADDR_NONE = -1;

    private Sockets() {
    }

    /**
     * inet_addr(3N): an Internet address in dot notation, "a.b.c.d", "a.b.c" (c a 16-bit part), "a.b" (b 24 bits) or
     * "a" (32 bits), each part decimal, octal (a leading 0) or hexadecimal (0x), in host order here; {@link
     * #INADDR_NONE} when malformed (so 255.255.255.255 cannot be told from an error, as in C).
     */
    public static int inet_addr(String cp) {
        String[] parts = cp.split("\\.", -1);
        if (parts.length > 4) return INADDR_NONE;
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = part(parts[i]);
            if (v[i] < 0) return INADDR_NONE;
        }
        int last = parts.length - 1;
        long limit = 0xFFFF_FFFFL >>> (8 * last);
        if (v[last] > limit) return INADDR_NONE;
        long addr = v[last];
        for (int i = 0; i < last; i++) {
            if (v[i] > 255) return INADDR_NONE;
            addr |= v[i] << (24 - 8 * i);
        }
        return (int) addr;
    }

    /** One part of a dotted address: decimal, octal or hexadecimal digits only; -1 if malformed. */
    private static long part(String s) {
        int base = 10;
        int i = 0;
        if (s.length() > 1 && s.charAt(0) == '0') {
            base = (s.charAt(1) | 0x20) == 'x' ? 16 : 8;
            i = base == 16 ? 2 : 1;
        }
        if (i == s.length() && base != 8 || s.length() - i > 11) return -1;
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c < 128 ? Character.digit(c, base) : -1;
            if (d < 0) return -1;
            v = v * base + d;
        }
        return v;
    }

    /** inet_ntoa(3N): {@code addr} (host order) in dot notation. */
    public static String inet_ntoa(int addr) {
        return (addr >>> 24) + "." + (addr >>> 16 & 0xFF) + "." + (addr >>> 8 & 0xFF) + "." + (addr & 0xFF);
    }

    /**
     * An address as programs take it on their command line: {@code unix PATH}, or {@code inet [HOST:]PORT} with HOST an
     * address in dot notation or "localhost" (the loopback address, as /etc/hosts names it; the default). Null when
     * it is neither, or the port is not 0..65535.
     */
    public static SockAddr parse(String family, String where) {
        if (family.equals("unix")) return where.isEmpty() ? null : new SockAddrUn(where);
        if (!family.equals("inet")) return null;
        int colon = where.lastIndexOf(':');
        int addr = Socket.INADDR_LOOPBACK;
        if (colon >= 0) {
            String host = where.substring(0, colon);
            if (!host.equals("localhost")) {
                addr = inet_addr(host);
                if (addr == INADDR_NONE) return null;
            }
        }
        long port = Strtol.number(where.substring(colon + 1), 0, 65535);
        return port == Strtol.BAD_NUMBER ? null : new SockAddrIn(addr, (int) port);
    }

    /** How {@link #parse} reads {@code a} back: the two words that name it. */
    public static String[] unparse(SockAddr a) {
        if (a instanceof SockAddrUn un) return new String[] {"unix", un.path()};
        SockAddrIn in = (SockAddrIn) a;
        int addr = in.addr() == Socket.INADDR_ANY ? Socket.INADDR_LOOPBACK : in.addr();
        return new String[] {"inet", inet_ntoa(addr) + ":" + in.port()};
    }

    /** "AF_UNIX" or "AF_INET". */
    public static String familyName(SockAddr a) {
        return a.family() == Socket.AF_UNIX ? "AF_UNIX" : "AF_INET";
    }

    /** accept(2), resumed after EINTR. */
    public static int accept(Sys sys, int s, SockAddr[] from) {
        int fd;
        do {
            fd = sys.accept(s, from);
        } while (fd == -1 && sys.errno() == Errno.EINTR);
        return fd;
    }

    /**
     * Reads exactly {@code len} bytes into {@code buf} (recv(2) with MSG_WAITALL, resumed after EINTR): the bytes read,
     * fewer at end of file, or -1 with errno set.
     */
    public static int readn(Sys sys, int fd, byte[] buf, int len) {
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
