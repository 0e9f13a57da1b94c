package sprocket.api.sys;

/**
 * {@code struct sockaddr_in}: an AF_INET address, an IPv4 address (host order, {@code 0x7F000001} for 127.0.0.1)
 * and a port (0..65535; 0 in bind(2) asks for an ephemeral port).
 */
public record SockAddrIn(int addr, int port) implements SockAddr {

    /** 127.0.0.1 at {@code port}. */
    public static SockAddrIn loopback(int port) {
        return new SockAddrIn(Socket.INADDR_LOOPBACK, port);
    }

    /** INADDR_ANY at {@code port}. */
    public static SockAddrIn any(int port) {
        return new SockAddrIn(Socket.INADDR_ANY, port);
    }

    @Override
    public int family() {
        return Socket.AF_INET;
    }

    @Override
    public String toString() {
        return (addr >>> 24) + "." + ((addr >>> 16) & 0xFF) + "." + ((addr >>> 8) & 0xFF) + "." + (addr & 0xFF) + ":"
                + port;
    }
}
