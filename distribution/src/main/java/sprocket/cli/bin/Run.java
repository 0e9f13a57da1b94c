package sprocket.cli.bin;

import sprocket.api.Errno;
import sprocket.api.sys.Sys;
import sprocket.libc.Exec;
import sprocket.libc.Strerror;

/** What env, nice and time do last: exec the utility they were given, and the status POSIX asks when they cannot. */
final class Run {

    private Run() {
    }

    /**
     * Execs {@code argv} searched on {@code path} with environment {@code envp}; returns only on failure, after
     * "prog: name: not found" (127) or "prog: name: reason" (126) on standard error.
     */
    static int exec(Sys sys, String program, String path, String[] argv, String[] envp) {
        Exec.execvP(sys, argv[0], path, argv, envp);
        return failed(sys, program, argv[0]);
    }

    /** The report and status of an exec of {@code name} that failed with the errno set: 127 not found, else 126. */
    static int failed(Sys sys, String program, String name) {
        int e = sys.errno();
        boolean missing = e == Errno.ENOENT || e == Errno.ENOTDIR;
        Text.error(sys, program + ": " + name + ": " + (missing ? "not found" : Strerror.strerror(e)));
        return missing ? 127 : 126;
    }
}
