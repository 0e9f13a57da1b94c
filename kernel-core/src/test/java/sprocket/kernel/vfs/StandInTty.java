package sprocket.kernel.vfs;

import sprocket.api.kernel.Console;
import sprocket.kernel.dev.CharDriver;

/**
 * /dev/tty in a file layer with no processes, so no sessions: the console, as the controlling terminal of every
 * caller. The kernel's own /dev/tty driver, which finds the caller's session's terminal, is tested in kernel.tty.
 */
final class StandInTty implements CharDriver {
    private final Console console;

    StandInTty(Console console) {
        this.console = console;
    }

    @Override
    public int read(int minor, byte[] buf, int off, int len, int fflag) {
        return console.read(buf, off, len);
    }

    @Override
    public int write(int minor, byte[] buf, int off, int len, int fflag) {
        console.write(buf, off, len);
        return len;
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
