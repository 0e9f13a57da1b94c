package sprocket.api;

/**
 * How a provider SPI call fails: it throws this with the errno the system call returns, and changes nothing. The
 * kernel's system-call layer catches it in one place and returns -1 with errno set, as a trap returns a failure.
 * Unchecked and stackless (it is a result, not a bug), with one shared instance per errno, so throwing it costs no
 * more than returning.
 */
public final class ErrnoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One instance for each errno below this; past it a new one is made (there are none in sys/errno.h). */
    private static final int CACHED = 256;
    private static final ErrnoException[] INSTANCES = new ErrnoException[CACHED];

    static {
        for (int e = 1; e < CACHED; e++) INSTANCES[e] = new ErrnoException(e);
    }

    private final int errno;

    private ErrnoException(int errno) {
        super(Errno.name(errno), null, false, false);
        this.errno = errno;
    }

    /** The failure {@code errno} (positive, from {@link Errno}), to throw. */
    public static ErrnoException of(int errno) {
        if (errno <= 0) throw new IllegalArgumentException("an errno is positive: " + errno);
        return errno < CACHED ? INSTANCES[errno] : new ErrnoException(errno);
    }

    /** The errno, as {@link Errno} numbers it. */
    public int errno() {
        return errno;
    }
}
