package sprocket.api.sys;

/** fcntl.h and unistd.h values as IRIX and the SVR4 ABI have them. */
public final class Fcntl {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_ACCMODE = 3;
    public static final int O_NDELAY = 0x04;
    public static final int O_APPEND = 0x08;
    public static final int O_SYNC = 0x10;
    public static final int O_NONBLOCK = 0x80;
    public static final int O_CREAT = 0x100;
    public static final int O_TRUNC = 0x200;
    public static final int O_EXCL = 0x400;
    /** open(2): fail with ELOOP when the last component of the path is a symbolic link (Solaris' value). */
    public static final int O_NOFOLLOW = 0x20000;
    public static final int O_NOCTTY = 0x800;

    public static final int F_DUPFD = 0;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int F_SETLK = 6;
    public static final int F_SETLKW = 7;
    public static final int F_GETLK = 14;
    public static final int FD_CLOEXEC = 1;

    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;

    /** access(2) bits. */
    public static final int F_OK = 0;
    public static final int X_OK = 1;
    public static final int W_OK = 2;
    public static final int R_OK = 4;

    public static final int STDIN_FILENO = 0;
    public static final int STDOUT_FILENO = 1;
    public static final int STDERR_FILENO = 2;

    private Fcntl() {
    }
}
