package sprocket.cli.sh;

import sprocket.cli.bin.Test;

/** The built-ins test and [: test(1)'s evaluator, with the shell's terminal answering -t and its error form. */
final class TestBuiltin {

    private TestBuiltin() {
    }

    static int test(Shell sh, String[] argv) {
        try {
            return Test.test(sh.sys, argv, fd -> sh.terminal.isatty(sh.sys, fd)) ? 0 : 1;
        } catch (Test.Malformed e) {
            throw ShellError.command(e.getMessage(), 2);
        }
    }
}
