package sprocket.api;

/** errno values, as IRIX and the SVR4 MIPS ABI number them (sys/errno.h). */
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
    private static final String[] MESSAGES = new String[151];

    static {
        name(EPERM, "EPERM", "Not owner");
        name(ENOENT, "ENOENT", "No such file or directory");
        name(ESRCH, "ESRCH", "No such process");
        name(EINTR, "EINTR", "Interrupted system call");
        name(EIO, "EIO", "I/O error");
        name(ENXIO, "ENXIO", "No such device or address");
        name(E2BIG, "E2BIG", "Arg list too long");
        name(ENOEXEC, "ENOEXEC", "Exec format error");
        name(EBADF, "EBADF", "Bad file number");
        name(ECHILD, "ECHILD", "No child processes");
        name(EAGAIN, "EAGAIN", "Resource temporarily unavailable");
        name(ENOMEM, "ENOMEM", "Not enough space");
        name(EACCES, "EACCES", "Permission denied");
        name(EFAULT, "EFAULT", "Bad address");
        name(ENOTBLK, "ENOTBLK", "Block device required");
        name(EBUSY, "EBUSY", "Device busy");
        name(EEXIST, "EEXIST", "File exists");
        name(EXDEV, "EXDEV", "Cross-device link");
        name(ENODEV, "ENODEV", "No such device");
        name(ENOTDIR, "ENOTDIR", "Not a directory");
        name(EISDIR, "EISDIR", "Is a directory");
        name(EINVAL, "EINVAL", "Invalid argument");
        name(ENFILE, "ENFILE", "File table overflow");
        name(EMFILE, "EMFILE", "Too many open files");
        name(ENOTTY, "ENOTTY", "Not a typewriter");
        name(ETXTBSY, "ETXTBSY", "Text file busy");
        name(EFBIG, "EFBIG", "File too large");
        name(ENOSPC, "ENOSPC", "No space left on device");
        name(ESPIPE, "ESPIPE", "Illegal seek");
        name(EROFS, "EROFS", "Read-only file system");
        name(EMLINK, "EMLINK", "Too many links");
        name(EPIPE, "EPIPE", "Broken pipe");
        name(EDOM, "EDOM", "Argument out of domain");
        name(ERANGE, "ERANGE", "Result too large");
        name(ENOMSG, "ENOMSG", "No message of desired type");
        name(EIDRM, "EIDRM", "Identifier removed");
        name(EDEADLK, "EDEADLK", "Deadlock situation detected/avoided");
        name(ENOLCK, "ENOLCK", "No record locks available");
        name(ENAMETOOLONG, "ENAMETOOLONG", "File name too long");
        name(EOVERFLOW, "EOVERFLOW", "Value too large for defined data type");
        name(ENOSYS, "ENOSYS", "Function not implemented");
        name(ELOOP, "ELOOP", "Symbolic link loop");
        name(ENOTEMPTY, "ENOTEMPTY", "Directory not empty");
        name(ENOTSOCK, "ENOTSOCK", "Socket operation on non-socket");
        name(EDESTADDRREQ, "EDESTADDRREQ", "Destination address required");
        name(EMSGSIZE, "EMSGSIZE", "Message too long");
        name(EPROTOTYPE, "EPROTOTYPE", "Protocol wrong type for socket");
        name(ENOPROTOOPT, "ENOPROTOOPT", "Option not supported by protocol");
        name(EPROTONOSUPPORT, "EPROTONOSUPPORT", "Protocol not supported");
        name(ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT", "Socket type not supported");
        name(EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported on socket");
        name(EAFNOSUPPORT, "EAFNOSUPPORT", "Address family not supported by protocol family");
        name(EADDRINUSE, "EADDRINUSE", "Address already in use");
        name(EADDRNOTAVAIL, "EADDRNOTAVAIL", "Can't assign requested address");
        name(ENETUNREACH, "ENETUNREACH", "Network is unreachable");
        name(ECONNABORTED, "ECONNABORTED", "Software caused connection abort");
        name(ECONNRESET, "ECONNRESET", "Connection reset by peer");
        name(ENOBUFS, "ENOBUFS", "No buffer space available");
        name(EISCONN, "EISCONN", "Socket is already connected");
        name(ENOTCONN, "ENOTCONN", "Socket is not connected");
        name(ESHUTDOWN, "ESHUTDOWN", "Can't send after socket shutdown");
        name(ETIMEDOUT, "ETIMEDOUT", "Connection timed out");
        name(ECONNREFUSED, "ECONNREFUSED", "Connection refused");
        name(EALREADY, "EALREADY", "Operation already in progress");
        name(EINPROGRESS, "EINPROGRESS", "Operation now in progress");
    }

    private Errno() {
    }

    private static void name(int errno, String name, String message) {
        NAMES[errno] = name;
        MESSAGES[errno] = message;
    }

    /** The symbolic name, such as {@code "ENOENT"}, or {@code "E<n>"} for a number with none. */
    public static String name(int errno) {
        return errno > 0 && errno < NAMES.length && NAMES[errno] != null ? NAMES[errno] : "E" + errno;
    }

    /** The message strerror(3C) gives. */
    public static String message(int errno) {
        return errno > 0 && errno < MESSAGES.length && MESSAGES[errno] != null ? MESSAGES[errno] : "Error " + errno;
    }
}
