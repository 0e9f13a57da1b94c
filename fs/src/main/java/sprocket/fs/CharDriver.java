package sprocket.fs;

/**
 * A character device driver's entry points, as the SVR4 {@code cdevsw} table holds them. Devices ignore the
 * file offset.
 */
interface CharDriver {

    /** Bytes read (0 at end of input) or a negative errno. */
    int read(byte[] buf, int off, int len);

    /** Bytes written or a negative errno. */
    int write(byte[] buf, int off, int len);

    /** A terminal: lseek(2) on it fails with ESPIPE. */
    boolean terminal();

    /** The device number st_rdev reports. */
    int rdev();

    /** SVR4's expanded device number: 14 bits of major, 18 of minor (sys/mkdev.h). */
    static int makedev(int major, int minor) {
        return major << 18 | minor;
    }
}
