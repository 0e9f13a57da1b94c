package sprocket.kernel.tty;

import java.util.List;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.kernel.dev.CharDriver;

/** The driver of a set of terminals, by minor number: open, read, write and the control requests go to the terminal. */
final class TtyDriver implements CharDriver {
    private final List<Tty> ttys;

    TtyDriver(List<Tty> ttys) {
        this.ttys = List.copyOf(ttys);
    }

    private Tty tty(int minor) {
        if (minor < 0 || minor >= ttys.size()) throw ErrnoException.of(Errno.ENXIO);
        return ttys.get(minor);
    }

    @Override
    public void open(int minor, int fflag) {
        tty(minor).open(fflag);
    }

    @Override
    public int read(int minor, byte[] buf, int off, int len, int fflag) {
        return tty(minor).read(buf, off, len, fflag);
    }

    @Override
    public int write(int minor, byte[] buf, int off, int len, int fflag) {
        return tty(minor).write(buf, off, len, fflag);
    }

    @Override
    public int ioctl(int minor, int cmd, Object arg, int fflag) {
        return tty(minor).ioctl(cmd, arg);
    }

    @Override
    public boolean terminal(int minor) {
        return true;
    }

    @Override
    public boolean exists(int minor) {
        return minor >= 0 && minor < ttys.size();
    }
}
