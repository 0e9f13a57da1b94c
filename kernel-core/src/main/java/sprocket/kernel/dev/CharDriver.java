package sprocket.kernel.dev;

/**
 * A character device driver's entry points, as SVR4's {@code cdevsw} table holds them (d_read, d_write). A device
 * ignores the file offset; {@code minor} tells the driver which of its devices is meant. Failures throw
 * {@link sprocket.api.ErrnoException}.
 */
public interface CharDriver {

    /** d_read: bytes read, 0 at end of input. */
    int read(int minor, byte[] buf, int off, int len);

    /** d_write: bytes written. */
    int write(int minor, byte[] buf, int off, int len);

    /** Whether the device is a terminal, on which lseek(2) fails with ESPIPE. */
    boolean terminal(int minor);

    /** Whether the driver has a device {@code minor}; open(2) of a node naming one it has not fails with ENXIO. */
    boolean exists(int minor);
}
