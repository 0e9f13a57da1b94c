package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;

/** A command used wrongly: its usage line on standard error, and the exit status 2 such a command gives. */
final class Usage {

    private Usage() {
    }

    /** Writes {@code usage} to standard error; returns 2. */
    static int fail(Sys sys, String usage) {
        Stdio.fputs(sys, STDERR_FILENO, usage);
        return 2;
    }
}
