package sprocket.cli.sweep;

import java.util.List;
import sprocket.kernel.ConfigError;

/** What is wrong with a sweep file, each error with its file and line; nothing has run. */
public final class SweepFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigError> errors;

    public SweepFileException(List<ConfigError> errors) {
        super(errors.isEmpty() ? "bad sweep file" : errors.getFirst().toString());
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
