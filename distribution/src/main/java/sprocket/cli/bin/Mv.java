package sprocket.cli.bin;

import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/**
 * mv(1): "move files": {@code mv source target}, or {@code mv source... directory}, by rename(2); across file systems
 * (EXDEV) by copying the file or tree, keeping owner, group and mode as far as allowed, and removing the source.
 * {@code -i} asks before replacing a target (an answer from standard input), {@code -f} does not. A directory is not
 * moved into itself (rename's EINVAL). Exit 0, 1 when anything could not be moved, 2 for a usage error.
 */
public final class Mv implements Program {

    private static final String USAGE = "usage: mv [-fi] source_file target_file\n"
            + "       mv [-fi] source_file... target_dir\n";

    @Override
    public String name() {
        return "mv";
    }

    @Override
    public String summary() {
        return "mv [-fi] SOURCE... TARGET: move or rename files and directories";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean interactive = false;
        Getopt g = new Getopt(sys, argv, "fi");
        for (int o; (o = g.getopt()) != -1;) {
            switch (o) {
                case 'f' -> interactive = false;
                case 'i' -> interactive = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length < 2) return Usage.fail(sys, USAGE);
        String[] to = Copy.destinations(sys, "mv", ops);
        if (to == null) return 1;
        int status = 0;
        for (int i = 0; i < ops.length - 1; i++) {
            if (!move(sys, ops[i], to[i], interactive)) status = 1;
        }
        return status;
    }

    /** Moves one file; false after reporting a failure. */
    private static boolean move(Sys sys, String from, String to, boolean interactive) {
        Stat st = sys.lstat(from);
        if (st == null) {
            Strerror.perror(sys, "mv: " + from);
            return false;
        }
        if (interactive && sys.lstat(to) != null && !Prompt.yes(sys, "mv: overwrite " + to + "? ")) return true;
        if (sys.rename(from, to) == 0) return true;
        if (sys.errno() != Errno.EXDEV) {
            Strerror.perror(sys, "mv: " + from + " to " + to);
            return false;
        }
        Stat target = sys.lstat(to);
        if (target != null && target.type() == FileMode.S_IFDIR) {
            if (st.type() != FileMode.S_IFDIR) {
                Text.error(sys, "mv: " + to + ": is a directory");
                return false;
            }
            // rename(2) would replace an empty directory: the copy may, and only an empty one.
            if (sys.rmdir(to) == -1) {
                Strerror.perror(sys, "mv: " + to);
                return false;
            }
        } else if (target != null) {
            if (st.type() == FileMode.S_IFDIR) {
                Text.error(sys, "mv: " + to + ": not a directory");
                return false;
            }
            if (sys.unlink(to) == -1) {
                Strerror.perror(sys, "mv: " + to);
                return false;
            }
        }
        Copy c = new Copy(sys, "mv");
        c.recursive = true;
        c.preserve = true;
        if (!c.copy(from, st, to)) return false;
        return Rm.remove(sys, "mv", from, st, false);
    }
}
