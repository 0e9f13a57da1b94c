package sprocket.kernel;

/** One thing wrong with a configuration, where it is. {@code line} is 0 when the error is not on a line. */
public record ConfigError(String file, int line, String message) {
    /** "file:line", or the file alone (or "--set key=value") when not on a line. */
    public String where() {
        return line > 0 ? file + ":" + line : file;
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
