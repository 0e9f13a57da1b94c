package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * mkdir(1): "creates the named directories in mode 777 (possibly altered by the file mode creation mask)". With
 * {@code -p}, "mkdir creates dirname by creating all the non-existing parent directories first", and a directory
 * that already exists is no error. Exit 0 when every directory was made, 1 otherwise, 2 for a usage error.
 */
public final class Mkdir implements Program {

    private static final String USAGE = "usage: mkdir [-p] dirname...\n";

    @Override
    public String name() {
        return "mkdir";
    }

    @Override
    public String summary() {
        return "mkdir [-p] DIR...: make directories (-p: and their parents, quietly if they exist)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean parents = false;
        Getopt g = new Getopt(sys, argv, "p");
        for (int c; (c = g.getopt()) != -1;) {
            if (c != 'p') return Usage.fail(sys, USAGE);
            parents = true;
        }
        String[] dirs = g.operands();
        if (dirs.length == 0) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        int status = 0;
        for (String dir : dirs) {
            if (parents) {
                if (!makeParents(sys, dir)) status = 1;
            } else if (sys.mkdir(dir, 0777) == -1) {
                Strerror.perror(sys, "mkdir: " + dir);
                status = 1;
            }
        }
        return status;
    }

    /** mkdir -p: each missing prefix of {@code dir} in turn, then {@code dir}, none an error if already a directory. */
    private static boolean makeParents(Sys sys, String dir) {
        for (int i = 1; i < dir.length(); i++) {
            if (dir.charAt(i) != '/' || dir.charAt(i - 1) == '/') continue;
            if (!make(sys, dir.substring(0, i))) return false;
        }
        return make(sys, dir);
    }

    private static boolean make(Sys sys, String dir) {
        if (sys.mkdir(dir, 0777) == 0) return true;
        if (sys.errno() == Errno.EEXIST) {
            Stat st = sys.stat(dir);
            if (st != null && st.type() == FileMode.S_IFDIR) return true;
            sys.errno(Errno.EEXIST);
        }
        Strerror.perror(sys, "mkdir: " + dir);
        return false;
    }
}
