package sprocket.kernel.dev;

import sprocket.api.kernel.Console;

/**
 * The character device switch: the driver of each major number. Device numbers are SVR4's expanded ones, 14 bits of
 * major and 18 of minor (sys/mkdev.h).
 */
public final class Cdevsw {

    /** The system console. */
    public static final int CONSOLE = makedev(0, 0);
    /** The memory devices' major, and /dev/null and /dev/zero among them. */
    private static final int MEM_MAJOR = 1;
    public static final int NULL = makedev(MEM_MAJOR, MemDriver.NULL);
    public static final int ZERO = makedev(MEM_MAJOR, MemDriver.ZERO);
    /** /dev/tty, the controlling terminal of the process that uses it (SVR4's "sy" driver). */
    public static final int TTY = makedev(2, 0);

    private final CharDriver[] drivers;

    /**
     * The drivers: the console's ({@code console}, a terminal's; null for the host's streams as they are, on
     * {@code host}) and /dev/tty's.
     */
    public Cdevsw(Console host, CharDriver console, CharDriver controllingTty) {
        this.drivers = new CharDriver[] {console != null ? console : new ConsoleDriver(host), new MemDriver(),
            controllingTty};
    }

    /** The driver of the device {@code rdev}, or null when there is no such device (ENXIO). */
    public CharDriver driver(int rdev) {
        int major = major(rdev);
        CharDriver d = major < drivers.length ? drivers[major] : null;
        return d != null && d.exists(minor(rdev)) ? d : null;
    }

    public static int makedev(int major, int minor) {
        return major << 18 | minor;
    }

    public static int major(int dev) {
        return dev >>> 18;
    }

    public static int minor(int dev) {
        return dev & ((1 << 18) - 1);
    }
}
