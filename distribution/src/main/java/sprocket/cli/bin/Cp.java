package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/**
 * cp(1): "copy files": {@code cp source target}, or {@code cp source... directory} (each into the directory under its
 * own name). {@code -R} or {@code -r} copies directories and what they hold, symbolic links as links and FIFOs as
 * FIFOs; {@code -p} keeps owner, group and mode (and the times, which need utime(2): reported until the kernel has
 * it); {@code -i} asks before overwriting (an answer from standard input); {@code -f} removes a target that cannot
 * be opened and tries again; {@code -H} and {@code -L} follow symbolic links named as operands (-L all of them is
 * taken as -H here), {@code -P} copies them as links. Exit 0, 1 when anything could not be copied, 2 for a usage
 * error.
 */
public final class Cp implements Program {

    private static final String USAGE = "usage: cp [-fip] source_file target_file\n"
            + "       cp [-fip] source_file... target\n       cp -R [-H | -L | -P] [-fip] source_file... target\n";

    @Override
    public String name() {
        return "cp";
    }

    @Override
    public String summary() {
        return "cp [-fipR] SOURCE... TARGET: copy files (and with -R directories)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Copy c = new Copy(sys, "cp");
        char links = 0;
        Getopt g = new Getopt(sys, argv, "fiprRHLP");
        for (int o; (o = g.getopt()) != -1;) {
            switch (o) {
                case 'f' -> {
                    c.force = true;
                    c.interactive = false;
                }
                case 'i' -> {
                    c.interactive = true;
                    c.force = false;
                }
                case 'p' -> {
                    c.preserve = true;
                    c.reportTimes = true;
                }
                case 'r', 'R' -> c.recursive = true;
                case 'H', 'L', 'P' -> links = (char) o;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length < 2) return Usage.fail(sys, USAGE);
        String[] to = Copy.destinations(sys, "cp", ops);
        if (to == null) return 1;
        // Without -R, operands are followed; with it, -P (copy links as links) unless -H or -L.
        boolean follow = !c.recursive || links == 'H' || links == 'L';
        int status = 0;
        for (int i = 0; i < ops.length - 1; i++) {
            Stat st = follow ? sys.stat(ops[i]) : sys.lstat(ops[i]);
            if (st == null) {
                Strerror.perror(sys, "cp: " + ops[i]);
                status = 1;
                continue;
            }
            if (!c.copy(ops[i], st, to[i])) status = 1;
        }
        return status;
    }
}
