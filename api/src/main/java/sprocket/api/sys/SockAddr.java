package sprocket.api.sys;

/** A socket address ({@code struct sockaddr}): its family says which of the records it is. */
public sealed interface SockAddr permits SockAddrUn, SockAddrIn {

    /** sa_family: {@link Socket#AF_UNIX} or {@link Socket#AF_INET}. */
    int family();
}
