package sprocket.api;

/**
 * errno values, as IRIX and the SVR4 MIPS ABI number them (sys/errno.h), and their symbolic names. The messages
 * strerror(3C) gives are the C library's (sprocket.libc's Strerror).
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ENXIO = 6;
    public static final int E2BIG = 7;
    public static final int ENOEXEC = 8;
    public static final int EBADF = 9;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int ENOTBLK = 15;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int EXDEV = 18;
    public static final int ENODEV = 19;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int ENFILE = 23;
    public static final int EMFILE = 24;
    public static final int ENOTTY = 25;
    public static final int ETXTBSY = 26;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int ESPIPE = 29;
    public static final int EROFS = 30;
    public static final int EMLINK = 31;
    public static final int EPIPE = 32;
    public static final int EDOM = 33;
    public static final int ERANGE = 34;
    public static final int ENOMSG = 35;
    public static final int EIDRM = 36;
    public static final int EDEADLK = 45;
    public static final int ENOLCK = 46;
    public static final int ENAMETOOLONG = 78;
    public static final int EOVERFLOW = 79;
    public static final int ENOSYS = 89;
    public static final int ELOOP = 90;
    public static final int ENOTEMPTY = 93;
    public static final int ENOTSOCK = 95;
    public static final int EDESTADDRREQ = 96;
    public static final int EMSGSIZE = 97;
    public static final int EPROTOTYPE = 98;
    public static final int ENOPROTOOPT = 99;
    public static final int EPROTONOSUPPORT = 120;
    public static final int ESOCKTNOSUPPORT = 121;
    public static final int EOPNOTSUPP = 122;
    public static final int EAFNOSUPPORT = 124;
    public static final int EADDRINUSE = 125;
    public static final int EADDRNOTAVAIL = 126;
    public static final int ENETUNREACH = 128;
    public static final int ECONNABORTED = 130;
    public static final int ECONNRESET = 131;
    public static final int ENOBUFS = 132;
    public static final int EISCONN = 133;
    public static final int ENOTCONN = 134;
    public static final int ESHUTDOWN = 143;
    public static final int ETIMEDOUT = 145;
    public static final int ECONNREFUSED = 146;
    public static final int EALREADY = 149;
    public static final int EINPROGRESS = 150;
    /** SVR4 makes EWOULDBLOCK the same number as EAGAIN. */
    public static final int EWOULDBLOCK = EAGAIN;

    private static final String[] NAMES = new String[151];

    static {
        name(EPERM, "EPERM");
        name(ENOENT, "ENOENT");
        name(ESRCH, "ESRCH");
        name(EINTR, "EINTR");
        name(EIO, "EIO");
        name(ENXIO, "ENXIO");
        name(E2BIG, "E2BIG");
        name(ENOEXEC, "ENOEXEC");
        name(EBADF, "EBADF");
        name(ECHILD, "ECHILD");
        name(EAGAIN, "EAGAIN");
        name(ENOMEM, "ENOMEM");
        name(EACCES, "EACCES");
        name(EFAULT, "EFAULT");
        name(ENOTBLK, "ENOTBLK");
        name(EBUSY, "EBUSY");
        name(EEXIST, "EEXIST");
        name(EXDEV, "EXDEV");
        name(ENODEV, "ENODEV");
        name(ENOTDIR, "ENOTDIR");
        name(EISDIR, "EISDIR");
        name(EINVAL, "EINVAL");
        name(ENFILE, "ENFILE");
        name(EMFILE, "EMFILE");
        name(ENOTTY, "ENOTTY");
        name(ETXTBSY, "ETXTBSY");
        name(EFBIG, "EFBIG");
        name(ENOSPC, "ENOSPC");
        name(ESPIPE, "ESPIPE");
        name(EROFS, "EROFS");
        name(EMLINK, "EMLINK");
        name(EPIPE, "EPIPE");
        name(EDOM, "EDOM");
        name(ERANGE, "ERANGE");
        name(ENOMSG, "ENOMSG");
        name(EIDRM, "EIDRM");
        name(EDEADLK, "EDEADLK");
        name(ENOLCK, "ENOLCK");
        name(ENAMETOOLONG, "ENAMETOOLONG");
        name(EOVERFLOW, "EOVERFLOW");
        name(ENOSYS, "ENOSYS");
        name(ELOOP, "ELOOP");
        name(ENOTEMPTY, "ENOTEMPTY");
        name(ENOTSOCK, "ENOTSOCK");
        name(EDESTADDRREQ, "EDESTADDRREQ");
        name(EMSGSIZE, "EMSGSIZE");
        name(EPROTOTYPE, "EPROTOTYPE");
        name(ENOPROTOOPT, "ENOPROTOOPT");
        name(EPROTONOSUPPORT, "EPROTONOSUPPORT");
        name(ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT");
        name(EOPNOTSUPP, "EOPNOTSUPP");
        name(EAFNOSUPPORT, "EAFNOSUPPORT");
        name(EADDRINUSE, "EADDRINUSE");
        name(EADDRNOTAVAIL, "EADDRNOTAVAIL");
        name(ENETUNREACH, "ENETUNREACH");
        name(ECONNABORTED, "ECONNABORTED");
        name(ECONNRESET, "ECONNRESET");
        name(ENOBUFS, "ENOBUFS");
        name(EISCONN, "EISCONN");
        name(ENOTCONN, "ENOTCONN");
        name(ESHUTDOWN, "ESHUTDOWN");
        name(ETIMEDOUT, "ETIMEDOUT");
        name(ECONNREFUSED, "ECONNREFUSED");
        name(EALREADY, "EALREADY");
        name(EINPROGRESS, "EINPROGRESS");
    }

    private Errno() {
    }

    private static void name(int errno, String name) {
        NAMES[errno] = name;
    }

    /** The symbolic name, such as {@code "ENOENT"}, or {@code "E<n>"} for a number with none. */
    public static String name(int errno) {
        return errno > 0 && errno < NAMES.length && NAMES[errno] != null ? NAMES[errno] : "E" + errno;
    }
}
