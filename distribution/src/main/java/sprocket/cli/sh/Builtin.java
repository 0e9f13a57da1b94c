package sprocket.cli.sh;

/**
 * A built-in utility: runs in the shell's own process with {@code argv} ({@code argv[0]} its name). An error is a
 * {@link ShellError}, which the shell reports as "sh: LINE: NAME: message".
 */
@FunctionalInterface
interface Builtin {
    int run(Shell sh, String[] argv);
}
