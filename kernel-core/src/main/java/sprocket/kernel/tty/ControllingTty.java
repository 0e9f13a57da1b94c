package sprocket.kernel.tty;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.kernel.dev.CharDriver;

/**
 * /dev/tty, SVR4's "sy" driver: in each process a synonym for the controlling terminal of its session. Opening it
 * without one fails with ENXIO; once the session has lost its terminal, reads and writes fail with EIO.
 */
final class ControllingTty implements CharDriver {
    private final Sessions sessions;

    ControllingTty(Sessions sessions) {
        this.sessions = sessions;
    }

    private Tty tty(int error) {
        Tty t = sessions.controlling(sessions.caller());
        if (t == null) throw ErrnoException.of(error);
        return t;
    }

    @Override
    public void open(int minor, int fflag) {
        tty(Errno.ENXIO);
    }

    @Override
    public int read(int minor, byte[] buf, int off, int len, int fflag) {
        return tty(Errno.EIO).read(buf, off, len, fflag);
    }

    @Override
    public int write(int minor, byte[] buf, int off, int len, int fflag) {
        return tty(Errno.EIO).write(buf, off, len, fflag);
    }

    @Override
    public int ioctl(int minor, int cmd, Object arg, int fflag) {
        return tty(Errno.EIO).ioctl(cmd, arg);
    }

    @Override
    public boolean terminal(int minor) {
        return true;
    }

    @Override
    public boolean exists(int minor) {
        return minor == 0;
    }
}
