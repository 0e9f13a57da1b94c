package sprocket.cli;

import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import sprocket.kernel.ConfigError;
import sprocket.kernel.ConfigException;
import sprocket.kernel.KernelPanic;
import sprocket.kernel.TimeLimitExceeded;

/**
 * Turns what a subcommand threw into a message on standard error and an exit status: errors a user can
 * cause are one line each, never a stack trace (that needs {@code --debug} or SPROCKET_DEBUG=1).
 */
final class ErrorReport implements IExecutionExceptionHandler {

    /** sysexits.h EX_SOFTWARE: the kernel broke an invariant of its own. */
    static final int PANIC = 70;
    /** timeout(1)'s status: the run passed kernel.time_limit. */
    static final int TIME_LIMIT = 124;

    private final Host host;

    ErrorReport(Host host) {
        this.host = host;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintStream err = host.err();
        host.out().flush();
        boolean debug = host.debugFromEnv() || debugOption(parsed);
        int status;
        if (ex instanceof ConfigException config) {
            for (ConfigError e : config.errors()) err.println(e);
            if (config.errors().isEmpty()) err.println("sprocket: " + config.getMessage());
            status = Failure.USAGE;
        } else if (ex instanceof KernelPanic panic) {
            // The message already says when and where: "... (at cycle N on cpu M)".
            err.println("sprocket: kernel panic: " + panic.getMessage());
            status = PANIC;
        } else if (ex instanceof TimeLimitExceeded limit) {
            err.println("sprocket: time limit: " + limit.getMessage());
            status = TIME_LIMIT;
        } else if (ex instanceof Failure failure) {
            err.println("sprocket: " + failure.getMessage());
            status = failure.status();
        } else if (ex instanceof FileSystemException file) {
            err.println("sprocket: " + file.getFile() + ": " + reason(file));
            status = Failure.SOFTWARE;
        } else {
            err.println("sprocket: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName()));
            if (!debug) err.println("sprocket: run with --debug (or SPROCKET_DEBUG=1) for the stack trace");
            status = Failure.SOFTWARE;
        }
        if (debug) ex.printStackTrace(err);
        err.flush();
        return status;
    }

    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    /** Whether --debug was given to the command or any subcommand on the way to it. */
    private static boolean debugOption(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }
}
