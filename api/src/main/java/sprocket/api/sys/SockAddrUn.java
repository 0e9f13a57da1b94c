package sprocket.api.sys;

/**
 * {@code struct sockaddr_un}: an AF_UNIX address, a path name in the file system. An unbound socket's address (what
 * getsockname(2), accept(2) or recvfrom(2) report for a peer that never bound) has the empty path.
 */
public record SockAddrUn(String path) implements SockAddr {

    /** The address of a socket bound to no name. */
    public static final SockAddrUn UNNAMED = new SockAddrUn("");

    @Override
    public int family() {
        return Socket.AF_UNIX;
    }

    @Override
    public String toString() {
        return path.isEmpty() ? "(unnamed)" : path;
    }
}
