package sprocket.api.sys;

/**
 * sys/socket.h, sys/un.h and netinet/in.h values as IRIX has them. IRIX numbers socket types after the SVR4
 * transport provider kinds (NC_TPI_CLTS 1, NC_TPI_COTS 2), so SOCK_DGRAM is 1 and SOCK_STREAM is 2, the reverse of
 * 4.3BSD.
 */
public final class Socket {
    public static final int AF_UNSPEC = 0;
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    /** Protocol families are the address families. */
    public static final int PF_UNIX = AF_UNIX;
    public static final int PF_INET = AF_INET;

    public static final int SOCK_DGRAM = 1;
    public static final int SOCK_STREAM = 2;
    public static final int SOCK_RAW = 4;
    public static final int SOCK_RDM = 5;
    public static final int SOCK_SEQPACKET = 6;

    public static final int IPPROTO_IP = 0;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;

    /** 127.0.0.1, the loopback interface's address. */
    public static final int INADDR_LOOPBACK = 0x7F000001;
    /** 0.0.0.0: bind to every interface (here, the loopback one). */
    public static final int INADDR_ANY = 0;

    /** The most a listen(2) backlog may ask for (4.3BSD and IRIX: 5); larger requests are cut down to it. */
    public static final int SOMAXCONN = 5;
    /** The size of sockaddr_un's sun_path, its terminating NUL included. */
    public static final int UNIX_PATH_MAX = 108;

    /** Level of the socket options and of the control messages below (cmsg_level). */
    public static final int SOL_SOCKET = 0xFFFF;
    /** cmsg_type: the control message carries open descriptors. */
    public static final int SCM_RIGHTS = 0x01;

    /** shutdown(2) {@code how}. */
    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;

    /** send(2)/recv(2) flags, and recvmsg(2)'s msg_flags. */
    public static final int MSG_OOB = 0x1;
    public static final int MSG_PEEK = 0x2;
    public static final int MSG_DONTROUTE = 0x4;
    public static final int MSG_EOR = 0x8;
    public static final int MSG_TRUNC = 0x10;
    public static final int MSG_CTRUNC = 0x20;
    public static final int MSG_WAITALL = 0x40;
    public static final int MSG_DONTWAIT = 0x80;

    private Socket() {
    }
}
