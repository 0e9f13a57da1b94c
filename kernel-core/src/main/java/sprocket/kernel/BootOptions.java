package sprocket.kernel;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where a booted kernel's console goes and comes from, where to write the trace ({@code traceFile} may be null: no
 * trace file), and where each system call is reported as it returns ({@code strace} may be null: no tracing).
 */
public record BootOptions(OutputStream console, InputStream stdin, Path traceFile, Consumer<String> strace) {

    /** No system call tracing. */
    public BootOptions(OutputStream console, InputStream stdin, Path traceFile) {
        this(console, stdin, traceFile, null);
    }
}
