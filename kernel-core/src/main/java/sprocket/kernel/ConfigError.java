package sprocket.kernel;

/** One thing wrong with a configuration, where it is. {@code line} is 0 when the error is not on a line. */
public record ConfigError(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
