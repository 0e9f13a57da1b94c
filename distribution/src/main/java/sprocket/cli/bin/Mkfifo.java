package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/**
 * mkfifo(1): "make FIFO special files", by mkfifo(3C), mode 0666 less the umask; {@code -m mode} gives the mode
 * instead, octal or symbolic as chmod's ("interpreted relative to an assumed initial mode of a=rw"), set with
 * chmod(2) so that the umask does not take from it. Exit 0, 1 when any could not be made, 2 for a usage error.
 */
public final class Mkfifo implements Program {

    private static final String USAGE = "usage: mkfifo [-m mode] file...\n";

    @Override
    public String name() {
        return "mkfifo";
    }

    @Override
    public String summary() {
        return "mkfifo [-m MODE] FILE...: make FIFOs (named pipes)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        String mode = null;
        Getopt g = new Getopt(sys, argv, "m:");
        for (int c; (c = g.getopt()) != -1;) {
            if (c != 'm') return Usage.fail(sys, USAGE);
            mode = g.optarg();
        }
        int perms = -1;
        if (mode != null) {
            perms = Mode.apply(mode, 0666, 0, false);
            if (perms == Mode.BAD) {
                Text.error(sys, "mkfifo: invalid mode: " + mode);
                return 2;
            }
        }
        String[] files = g.operands();
        if (files.length == 0) return Usage.fail(sys, USAGE);
        int status = 0;
        for (String file : files) {
            if (sys.mkfifo(file, 0666) == -1 || (perms != -1 && sys.chmod(file, perms) == -1)) {
                Strerror.perror(sys, "mkfifo: " + file);
                status = 1;
            }
        }
        return status;
    }
}
