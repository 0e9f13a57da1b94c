package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.sys.Ioctl;
import sprocket.api.sys.Termios;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.vfs.File;

/**
 * ioctl(2) and the terminal calls that are its requests (termio(7): tcgetattr, tcsetattr, tcgetpgrp, tcsetpgrp,
 * tcgetsid, tcflush, tcdrain, tcflow). The argument's shape is checked here, as copyin checks a pointer: the wrong
 * one for the request is EFAULT.
 */
@Singleton
final class TtyCalls {

    @Inject
    TtyCalls() {
    }

    int ioctl(Proc p, int fd, int request, Object arg) {
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (!shaped(request, arg)) return fail(p, Errno.EFAULT);
        return f.ioctl(request, arg);
    }

    /** Whether {@code arg} is what {@code request} reads or fills in. */
    private static boolean shaped(int request, Object arg) {
        return switch (request) {
            case Ioctl.TCGETS -> arg instanceof Termios[] a && a.length > 0;
            case Ioctl.TCSETS, Ioctl.TCSETSW, Ioctl.TCSETSF -> arg instanceof Termios;
            case Ioctl.TIOCGPGRP, Ioctl.TIOCSPGRP, Ioctl.TIOCGSID, Ioctl.TCFLSH, Ioctl.TCXONC, Ioctl.FIONREAD ->
                arg instanceof int[] a && a.length > 0;
            case Ioctl.TIOCSCTTY -> arg == null || arg instanceof int[];
            default -> true;
        };
    }

    int tcsetattr(Proc p, int fd, int actions, Termios t) {
        int request = switch (actions) {
            case Termios.TCSANOW -> Ioctl.TCSETS;
            case Termios.TCSADRAIN -> Ioctl.TCSETSW;
            case Termios.TCSAFLUSH -> Ioctl.TCSETSF;
            default -> -1;
        };
        if (p.fds.get(fd) == null) return fail(p, Errno.EBADF);
        if (request < 0) return fail(p, Errno.EINVAL);
        return ioctl(p, fd, request, t);
    }

    /** A request answering one number: the number, or -1 with errno. */
    int number(Proc p, int fd, int request) {
        int[] out = new int[1];
        int r = ioctl(p, fd, request, out);
        return r < 0 ? r : out[0];
    }

    /** A request taking one number. */
    int with(Proc p, int fd, int request, int value) {
        return ioctl(p, fd, request, new int[] {value});
    }
}
