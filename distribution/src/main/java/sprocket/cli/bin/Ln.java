package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Libgen;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * ln(1): "links file1 to file2"; when the last operand is a directory, each file is linked into it under its own
 * name. {@code -s} makes symbolic links, which hold the file name as given and may dangle; otherwise a hard link
 * (link(2)), which the file must already exist for. An existing file2 is an error unless {@code -f}, which removes
 * it first (never a directory, nor the file itself). Exit 0 when every link was made, 1 otherwise, 2 for a usage
 * error.
 */
public final class Ln implements Program {

    private static final String USAGE = "usage: ln [-fs] file1 file2\n       ln [-fs] file1... directory\n";

    @Override
    public String name() {
        return "ln";
    }

    @Override
    public String summary() {
        return "ln [-fs] TARGET LINK | ln [-fs] TARGET... DIR: make hard (or with -s symbolic) links";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean force = false;
        boolean symbolic = false;
        Getopt g = new Getopt(sys, argv, "fs");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'f' -> force = true;
                case 's' -> symbolic = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length < 2) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        String last = ops[ops.length - 1];
        Stat to = sys.stat(last);
        boolean intoDir = to != null && to.type() == FileMode.S_IFDIR;
        if (ops.length > 2 && !intoDir) {
            Stdio.fputs(sys, STDERR_FILENO, "ln: " + last + ": Not a directory\n");
            return 1;
        }
        int status = 0;
        for (int i = 0; i < ops.length - 1; i++) {
            String link = intoDir ? PathName.join(last, Libgen.basename(ops[i])) : last;
            if (!link(sys, ops[i], link, symbolic, force)) status = 1;
        }
        return status;
    }

    private static boolean link(Sys sys, String file, String link, boolean symbolic, boolean force) {
        Stat from = null;
        if (!symbolic) {
            from = sys.stat(file);
            if (from == null) {
                Strerror.perror(sys, "ln: " + file);
                return false;
            }
            if (from.type() == FileMode.S_IFDIR) {
                Stdio.fputs(sys, STDERR_FILENO, "ln: " + file + ": is a directory\n");
                return false;
            }
        }
        if (force) {
            Stat old = sys.lstat(link);
            if (old != null) {
                if (old.type() == FileMode.S_IFDIR) {
                    Stdio.fputs(sys, STDERR_FILENO, "ln: " + link + ": is a directory\n");
                    return false;
                }
                // Removing the old name first would lose the file itself when both names are one file.
                if (from != null && from.dev() == old.dev() && from.ino() == old.ino()) {
                    Stdio.fputs(sys, STDERR_FILENO, "ln: " + file + " and " + link + " are identical\n");
                    return false;
                }
                if (sys.unlink(link) == -1) {
                    Strerror.perror(sys, "ln: " + link);
                    return false;
                }
            }
        }
        int r = symbolic ? sys.symlink(file, link) : sys.link(file, link);
        if (r == -1) {
            Strerror.perror(sys, "ln: " + link);
            return false;
        }
        return true;
    }
}
