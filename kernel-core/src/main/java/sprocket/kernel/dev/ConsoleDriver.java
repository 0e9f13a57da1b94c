package sprocket.kernel.dev;

import sprocket.api.kernel.Console;

/** The system console: writes reach the host's standard output in order; reads come from its standard input. */
final class ConsoleDriver implements CharDriver {

    private final Console console;

    ConsoleDriver(Console console) {
        this.console = console;
    }

    @Override
    public int read(int minor, byte[] buf, int off, int len) {
        return len == 0 ? 0 : console.read(buf, off, len);
    }

    @Override
    public int write(int minor, byte[] buf, int off, int len) {
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
