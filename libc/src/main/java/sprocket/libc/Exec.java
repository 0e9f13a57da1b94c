package sprocket.libc;

import sprocket.api.Errno;
import sprocket.api.sys.Sys;

/**
 * execvp(3C) and BSD's execvP(3): exec(2) of a program found on a search path. A file name with a slash is exec'd
 * as it is; otherwise each directory of the path in turn ("" being the current directory). execvp(3C): "if the
 * process image file is not a valid executable object, ... the contents of the file are assumed to be a shell
 * script": a file exec(2) refuses with ENOEXEC is run by /bin/sh. They return only on failure: -1, errno ENOENT
 * when no directory had the file, else the reason the last one that had it could not be run (EACCES...).
 */
public final class Exec {
    /** The search path when PATH is not in the environment: where this system keeps its programs. */
    public static final String DEFAULT_PATH = "/bin:/usr/bin";

    private Exec() {
    }

    /** execvp(3C): {@code file} searched on the environment's PATH, run with the caller's environment. */
    public static int execvp(Sys sys, String file, String[] argv) {
        String path = Environ.getenv(sys, "PATH");
        return execvP(sys, file, path == null ? DEFAULT_PATH : path, argv, sys.environ());
    }

    /** execvP(3), with the environment given: {@code file} searched on {@code searchPath}. */
    public static int execvP(Sys sys, String file, String searchPath, String[] argv, String[] envp) {
        if (file.isEmpty()) {
            sys.errno(Errno.ENOENT);
            return -1;
        }
        if (file.indexOf('/') >= 0) {
            sys.errno(tryExec(sys, file, argv, envp));
            return -1;
        }
        int error = Errno.ENOENT;
        for (String dir : searchPath.split(":", -1)) {
            int e = tryExec(sys, dir.isEmpty() ? file : dir + "/" + file, argv, envp);
            // Keep looking past a directory without it; remember any other reason, as sh does.
            if (e != Errno.ENOENT && e != Errno.ENOTDIR) error = e;
        }
        sys.errno(error);
        return -1;
    }

    /** execve(2) of {@code path}, through /bin/sh for a script; returns the errno when it fails. */
    private static int tryExec(Sys sys, String path, String[] argv, String[] envp) {
        sys.execve(path, argv, envp);
        int e = sys.errno();
        if (e != Errno.ENOEXEC) return e;
        String[] script = new String[Math.max(argv.length, 1) + 1];
        script[0] = "sh";
        script[1] = path;
        if (argv.length > 1) System.arraycopy(argv, 1, script, 2, argv.length - 1);
        sys.execve("/bin/sh", script, envp);
        return sys.errno();
    }
}
