package sprocket.kernel.dev;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;

/**
 * A character device driver's entry points, as SVR4's {@code cdevsw} table holds them (d_open, d_close, d_read,
 * d_write, d_ioctl). A device ignores the file offset; {@code minor} tells the driver which of its devices is meant;
 * {@code fflag} is the open file's flags (O_NONBLOCK, O_NDELAY, O_NOCTTY). Failures throw {@link ErrnoException}.
 */
public interface CharDriver {

    /** d_open: an open(2) of the device, after the kernel's checks; may refuse it (ENXIO, EIO, EBUSY). */
    default void open(int minor, int fflag) {
    }

    /** d_close: the last reference of an open file entry on the device went. */
    default void close(int minor) {
    }

    /** d_read: bytes read, 0 at end of input. */
    int read(int minor, byte[] buf, int off, int len, int fflag);

    /** d_write: bytes written. */
    int write(int minor, byte[] buf, int off, int len, int fflag);

    /**
     * d_ioctl: the device control request {@code cmd} with its argument; the result the call returns. ENOTTY ("the
     * fildes argument is not associated with a character special device that accepts control functions") by default.
     */
    default int ioctl(int minor, int cmd, Object arg, int fflag) {
        throw ErrnoException.of(Errno.ENOTTY);
    }

    /** Whether the device is a terminal, on which lseek(2) fails with ESPIPE. */
    boolean terminal(int minor);

    /** Whether the driver has a device {@code minor}; open(2) of a node naming one it has not fails with ENXIO. */
    boolean exists(int minor);
}
