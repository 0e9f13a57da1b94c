package sprocket.kernel.dev;

import sprocket.api.kernel.Console;

/**
 * The system console without a line discipline, for runs whose standard input is not a terminal (a STREAMS console
 * with no ldterm pushed, so not a terminal to isatty(3C)): writes reach the host's standard output in order; reads
 * come from its standard input as it gives them.
 */
final class ConsoleDriver implements CharDriver {

    private final Console console;

    ConsoleDriver(Console console) {
        this.console = console;
    }

    @Override
    public int read(int minor, byte[] buf, int off, int len, int fflag) {
        return len == 0 ? 0 : console.read(buf, off, len);
    }

    @Override
    public int write(int minor, byte[] buf, int off, int len, int fflag) {
        if (len > 0) console.write(buf, off, len);
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
