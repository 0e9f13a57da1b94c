package sprocket.libc;

import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * The C library's error messages: strerror(3C) and perror(3C), with IRIX's texts for the numbers of
 * {@link sprocket.api.Errno} (which keeps the numbers and symbolic names only).
 */
public final class Strerror {
    private static final String[] MESSAGES = new String[256];

    static {
        message(Errno.EPERM, "Not owner");
        message(Errno.ENOENT, "No such file or directory");
        message(Errno.ESRCH, "No such process");
        message(Errno.EINTR, "Interrupted system call");
        message(Errno.EIO, "I/O error");
        message(Errno.ENXIO, "No such device or address");
        message(Errno.E2BIG, "Arg list too long");
        message(Errno.ENOEXEC, "Exec format error");
        message(Errno.EBADF, "Bad file number");
        message(Errno.ECHILD, "No child processes");
        message(Errno.EAGAIN, "Resource temporarily unavailable");
        message(Errno.ENOMEM, "Not enough space");
        message(Errno.EACCES, "Permission denied");
        message(Errno.EFAULT, "Bad address");
        message(Errno.ENOTBLK, "Block device required");
        message(Errno.EBUSY, "Device busy");
        message(Errno.EEXIST, "File exists");
        message(Errno.EXDEV, "Cross-device link");
        message(Errno.ENODEV, "No such device");
        message(Errno.ENOTDIR, "Not a directory");
        message(Errno.EISDIR, "Is a directory");
        message(Errno.EINVAL, "Invalid argument");
        message(Errno.ENFILE, "File table overflow");
        message(Errno.EMFILE, "Too many open files");
        message(Errno.ENOTTY, "Not a typewriter");
        message(Errno.ETXTBSY, "Text file busy");
        message(Errno.EFBIG, "File too large");
        message(Errno.ENOSPC, "No space left on device");
        message(Errno.ESPIPE, "Illegal seek");
        message(Errno.EROFS, "Read-only file system");
        message(Errno.EMLINK, "Too many links");
        message(Errno.EPIPE, "Broken pipe");
        message(Errno.EDOM, "Argument out of domain");
        message(Errno.ERANGE, "Result too large");
        message(Errno.ENOMSG, "No message of desired type");
        message(Errno.EIDRM, "Identifier removed");
        message(Errno.EDEADLK, "Deadlock situation detected/avoided");
        message(Errno.ENOLCK, "No record locks available");
        message(Errno.ENAMETOOLONG, "File name too long");
        message(Errno.EOVERFLOW, "Value too large for defined data type");
        message(Errno.ENOSYS, "Function not implemented");
        message(Errno.ELOOP, "Symbolic link loop");
        message(Errno.ENOTEMPTY, "Directory not empty");
        message(Errno.ENOTSOCK, "Socket operation on non-socket");
        message(Errno.EDESTADDRREQ, "Destination address required");
        message(Errno.EMSGSIZE, "Message too long");
        message(Errno.EPROTOTYPE, "Protocol wrong type for socket");
        message(Errno.ENOPROTOOPT, "Option not supported by protocol");
        message(Errno.EPROTONOSUPPORT, "Protocol not supported");
        message(Errno.ESOCKTNOSUPPORT, "Socket type not supported");
        message(Errno.EOPNOTSUPP, "Operation not supported on socket");
        message(Errno.EAFNOSUPPORT, "Address family not supported by protocol family");
        message(Errno.EADDRINUSE, "Address already in use");
        message(Errno.EADDRNOTAVAIL, "Can't assign requested address");
        message(Errno.ENETUNREACH, "Network is unreachable");
        message(Errno.ECONNABORTED, "Software caused connection abort");
        message(Errno.ECONNRESET, "Connection reset by peer");
        message(Errno.ENOBUFS, "No buffer space available");
        message(Errno.EISCONN, "Socket is already connected");
        message(Errno.ENOTCONN, "Socket is not connected");
        message(Errno.ESHUTDOWN, "Can't send after socket shutdown");
        message(Errno.ETIMEDOUT, "Connection timed out");
        message(Errno.ECONNREFUSED, "Connection refused");
        message(Errno.EALREADY, "Operation already in progress");
        message(Errno.EINPROGRESS, "Operation now in progress");
    }

    private Strerror() {
    }

    private static void message(int errno, String text) {
        MESSAGES[errno] = text;
    }

    /** strerror(3C): the message for {@code errno}, or "Error N" for a number with none. */
    public static String strerror(int errno) {
        return errno > 0 && errno < MESSAGES.length && MESSAGES[errno] != null ? MESSAGES[errno] : "Error " + errno;
    }

    /**
     * perror(3C): "If s is not a null pointer and does not point to a null string, the string pointed to by s is
     * printed, followed by a colon and a blank. Then the message ... followed by a newline character" on standard
     * error, for the process's errno.
     */
    public static void perror(Sys sys, String s) {
        String message = strerror(sys.errno());
        Stdio.fputs(sys, Fcntl.STDERR_FILENO, (s == null || s.isEmpty() ? "" : s + ": ") + message + "\n");
    }
}
