package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * umount(8): "detaches the mentioned file system(s) from the file hierarchy", each named by the directory it is
 * mounted on, through umount(2). Every operand is tried; exit 0 when all were unmounted, 1 otherwise, 2 for a usage
 * error.
 */
public final class Umount implements Program {

    private static final String USAGE = "usage: umount directory...\n";

    @Override
    public String name() {
        return "umount";
    }

    @Override
    public String summary() {
        return "umount DIR...: unmount the file systems mounted on DIR...";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Getopt g = new Getopt(sys, argv, "");
        if (g.getopt() != -1) return Usage.fail(sys, USAGE);
        String[] dirs = g.operands();
        if (dirs.length == 0) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        int status = 0;
        for (String dir : dirs) {
            if (sys.umount(dir) == -1) {
                Strerror.perror(sys, "umount: " + dir);
                status = 1;
            }
        }
        return status;
    }
}
