package sprocket.kernel;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where a booted kernel's console goes and comes from, and where to write the trace ({@code traceFile} may be
 * null: no trace file).
 */
public record BootOptions(OutputStream console, InputStream stdin, Path traceFile) {
}
