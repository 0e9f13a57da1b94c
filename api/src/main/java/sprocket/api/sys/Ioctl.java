package sprocket.api.sys;

/**
 * ioctl(2) requests of terminals, with SVR4's values (sys/termios.h, sys/filio.h). tcgetattr(3C), tcsetattr(3C),
 * tcgetpgrp(3C), tcsetpgrp(3C), tcgetsid(3C), tcflush(3C), tcdrain(3C) and tcflow(3C) are these requests.
 */
public final class Ioctl {
    private static final int TIOC = 'T' << 8;
    private static final int TIOC_BSD = 't' << 8;

    /** tcdrain(3C): waits until the output written has been sent. Argument: none. */
    public static final int TCSBRK = TIOC | 5;
    /** tcflow(3C): argument {@code int[] {action}}. */
    public static final int TCXONC = TIOC | 6;
    /** tcflush(3C): argument {@code int[] {queue}}. */
    public static final int TCFLSH = TIOC | 7;
    /** tcgetattr(3C): argument {@code Termios[1]}, filled in. */
    public static final int TCGETS = TIOC | 13;
    /** tcsetattr(3C) TCSANOW: argument a {@link Termios}. */
    public static final int TCSETS = TIOC | 14;
    /** tcsetattr(3C) TCSADRAIN. */
    public static final int TCSETSW = TIOC | 15;
    /** tcsetattr(3C) TCSAFLUSH: input not yet read is discarded. */
    public static final int TCSETSF = TIOC | 16;
    /** tcgetpgrp(3C): argument {@code int[1]}, the foreground process group. */
    public static final int TIOCGPGRP = TIOC_BSD | 20;
    /** tcsetpgrp(3C): argument {@code int[] {pgrp}}. */
    public static final int TIOCSPGRP = TIOC_BSD | 21;
    /** tcgetsid(3C): argument {@code int[1]}, the session the terminal controls. */
    public static final int TIOCGSID = TIOC_BSD | 22;
    /** The session leader gives up its controlling terminal. Argument: none. */
    public static final int TIOCNOTTY = TIOC_BSD | 113;
    /** The session leader makes the terminal its controlling terminal; {@code int[] {1}} lets root take it from another session. */
    public static final int TIOCSCTTY = TIOC_BSD | 97;
    /** The bytes a read could take now: argument {@code int[1]}. */
    public static final int FIONREAD = ('f' << 8) | 127;

    private Ioctl() {
    }
}
