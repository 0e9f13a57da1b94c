package sprocket.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The host end of one invocation: its standard streams and environment. Main hands in the real ones; tests
 * hand in captured ones, so every subcommand runs the same in both.
 *
 * @param out standard output; the simulated console writes here too
 * @param err standard error: diagnostics and the statistics summary
 * @param in standard input, read by the simulated console
 * @param env the environment (SPROCKET_HOME, SPROCKET_DEBUG)
 * @param errTerminal whether standard error is a terminal a person watches (progress is shown only there)
 */
record Host(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean errTerminal) {

    /** A host whose standard error is not a terminal, as in tests and pipelines. */
    Host(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        this(out, err, in, env, false);
    }

    /**
     * Whether a person types at this invocation: its standard input and output are the process's own and a terminal
     * (not TERM=dumb).
     */
    boolean inTerminal() {
        return in == System.in && out == System.out && Terminal.isStandardInputAndOutput(env);
    }

    /** Whether stack traces were asked for through the environment. */
    boolean debugFromEnv() {
        String d = env.get("SPROCKET_DEBUG");
        return d != null && !d.isEmpty() && !d.equals("0") && !d.equalsIgnoreCase("false");
    }

    /**
     * The plug-in directories to search: {@code explicit} if given (it must be a directory), else
     * {@code $SPROCKET_HOME/plugins} when it exists, else none.
     */
    List<Path> pluginDirs(Path explicit) {
        if (explicit != null) {
            if (!Files.isDirectory(explicit)) {
                throw new Failure(Failure.USAGE, explicit + ": " + (Files.exists(explicit)
                        ? "Not a directory" : "No such file or directory") + " (--plugins)");
            }
            return List.of(explicit);
        }
        String home = env.get("SPROCKET_HOME");
        if (home != null && !home.isEmpty()) {
            Path plugins = Path.of(home, "plugins");
            if (Files.isDirectory(plugins)) return List.of(plugins);
        }
        return List.of();
    }
}
