package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * chmod(1): "changes or assigns the mode of a file", octal ({@code chmod 755 f}) or symbolic ({@code chmod u+x,go-w
 * f}). Exit 0 when every file was changed, 1 when any could not be, 2 for a usage error.
 */
public final class Chmod implements Program {

    private static final String USAGE = "usage: chmod mode file...\n";

    @Override
    public String name() {
        return "chmod";
    }

    @Override
    public String summary() {
        return "chmod MODE FILE...: change the permission bits, octal (755) or symbolic (u+x,go-w)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = argv.length > 1 && argv[1].equals("--") ? 2 : 1;
        if (argv.length - a < 2) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        String mode = argv[a];
        // umask(2) both sets and returns the mask: set it back at once.
        int umask = sys.umask(0);
        sys.umask(umask);
        if (Mode.apply(mode, 0, umask, false) == Mode.BAD) {
            Stdio.fputs(sys, STDERR_FILENO, "chmod: invalid mode: " + mode + "\n");
            return 2;
        }
        int status = 0;
        for (int i = a + 1; i < argv.length; i++) {
            Stat st = sys.stat(argv[i]);
            if (st == null) {
                Strerror.perror(sys, "chmod: " + argv[i]);
                status = 1;
                continue;
            }
            int perms = Mode.apply(mode, st.mode() & 07777, umask, st.type() == FileMode.S_IFDIR);
            if (sys.chmod(argv[i], perms) == -1) {
                Strerror.perror(sys, "chmod: " + argv[i]);
                status = 1;
            }
        }
        return status;
    }
}
