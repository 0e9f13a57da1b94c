package sprocket.kernel;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import sprocket.api.kernel.Keyboard;

/**
 * Where a booted kernel's console goes and comes from, where to write the trace ({@code traceFile} may be null: no
 * trace file), and where each system call is reported as it returns ({@code strace} may be null: no tracing).
 * {@code terminal}: the console is a terminal (a line discipline, sessions, job control), its input a person's
 * {@code keyboard} or, when that is null, a script read from {@code stdin} as a person would type it; otherwise the
 * console is the host's streams as they are.
 */
public record BootOptions(OutputStream console, InputStream stdin, Path traceFile, Consumer<String> strace,
        boolean terminal, Keyboard keyboard) {

    /** A console that is not a terminal. */
    public BootOptions(OutputStream console, InputStream stdin, Path traceFile, Consumer<String> strace) {
        this(console, stdin, traceFile, strace, false, null);
    }

    /** No system call tracing, a console that is not a terminal. */
    public BootOptions(OutputStream console, InputStream stdin, Path traceFile) {
        this(console, stdin, traceFile, null);
    }

    /** These options with a terminal for a console, its input a script on {@code stdin} or {@code keyboard}. */
    public BootOptions onTerminal(Keyboard keys) {
        return new BootOptions(console, stdin, traceFile, strace, true, keys);
    }
}
