package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Dir;
import sprocket.libc.Getopt;
import sprocket.libc.Libgen;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * rm(1): "removes the entries for one or more files from a directory". A directory is removed only with
 * {@code -r} ({@code -R}), which "recursively removes the entire contents of the specified directory, and the
 * directory itself"; symbolic links are removed, never followed. {@code -f} removes without complaint of a file
 * that does not exist (and no operands is then no error). "." and ".." are never removed. Exit 0 when everything
 * named was removed, 1 otherwise, 2 for a usage error.
 */
public final class Rm implements Program {

    private static final String USAGE = "usage: rm [-fr] file...\n";

    @Override
    public String name() {
        return "rm";
    }

    @Override
    public String summary() {
        return "rm [-fr] PATH...: remove files (-r: directories and their contents; -f: no complaint if missing)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean force = false;
        boolean recursive = false;
        Getopt g = new Getopt(sys, argv, "frR");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'f' -> force = true;
                case 'r', 'R' -> recursive = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] files = g.operands();
        if (files.length == 0 && !force) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        int status = 0;
        for (String file : files) {
            if (PathName.dots(Libgen.basename(file))) {
                Stdio.fputs(sys, STDERR_FILENO, "rm: " + file + ": cannot remove . or ..\n");
                status = 1;
                continue;
            }
            Stat st = sys.lstat(file);
            if (st == null) {
                if (!(force && sys.errno() == Errno.ENOENT)) {
                    Strerror.perror(sys, "rm: " + file);
                    status = 1;
                }
                continue;
            }
            if (st.type() == FileMode.S_IFDIR && !recursive) {
                Stdio.fputs(sys, STDERR_FILENO, "rm: " + file + ": is a directory\n");
                status = 1;
                continue;
            }
            if (!remove(sys, "rm", file, st, force)) status = 1;
        }
        return status;
    }

    /**
     * Removes {@code path}, a directory with all it holds; reports each failure as {@code program} (rm, or mv after
     * a copy) and returns false if any.
     */
    static boolean remove(Sys sys, String program, String path, Stat st, boolean force) {
        if (st.type() != FileMode.S_IFDIR) {
            if (sys.unlink(path) == 0 || (force && sys.errno() == Errno.ENOENT)) return true;
            Strerror.perror(sys, program + ": " + path);
            return false;
        }
        List<String> names = Dir.scandir(sys, path);
        if (names == null) {
            Strerror.perror(sys, program + ": " + path);
            return false;
        }
        boolean emptied = true;
        for (String name : names) {
            if (PathName.dots(name)) continue;
            String child = PathName.join(path, name);
            Stat cs = sys.lstat(child);
            if (cs == null) {
                if (force && sys.errno() == Errno.ENOENT) continue;
                Strerror.perror(sys, program + ": " + child);
                emptied = false;
            } else if (!remove(sys, program, child, cs, force)) {
                emptied = false;
            }
        }
        // What could not be removed keeps the directory; rmdir's ENOTEMPTY would only repeat that.
        if (!emptied) return false;
        if (sys.rmdir(path) == 0) return true;
        Strerror.perror(sys, program + ": " + path);
        return false;
    }
}
