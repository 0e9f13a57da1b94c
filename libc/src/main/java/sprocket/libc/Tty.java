package sprocket.libc;

import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Termios;

/**
 * isatty(3C) and ttyname(3C). A C library asks the terminal driver whether a descriptor is a terminal: isatty is
 * tcgetattr(3C) succeeding (ENOTTY for a file or pipe, EBADF for a descriptor not open); ttyname finds the device in
 * /dev by its number.
 */
public final class Tty {
    /** Where the terminal devices are. */
    private static final String DEV = "/dev";

    private Tty() {
    }

    /** isatty(3C): whether {@code fd} is a terminal; false with errno ENOTTY (or EBADF when it is not open). */
    public static boolean isatty(Sys sys, int fd) {
        return sys.tcgetattr(fd, new Termios[1]) == 0;
    }

    /**
     * ttyname(3C): the path name of the terminal open on {@code fd}, the character device of /dev with its device
     * number; null with errno ENOTTY (or EBADF) when {@code fd} is not a terminal.
     */
    public static String ttyname(Sys sys, int fd) {
        if (!isatty(sys, fd)) return null;
        Stat st = sys.fstat(fd);
        List<String> names = Dir.scandir(sys, DEV);
        if (st == null || names == null) return null;
        for (String name : names) {
            Stat d = sys.stat(DEV + "/" + name);
            if (d != null && d.type() == FileMode.S_IFCHR && d.rdev() == st.rdev()) return DEV + "/" + name;
        }
        sys.errno(Errno.ENOTTY);
        return null;
    }
}
