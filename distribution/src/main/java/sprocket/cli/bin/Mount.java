package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * mount(8), the Linux command's core: with no operands it "lists all mounted file systems", one per line as "special
 * on mount-point type type (options)", from /proc/mounts (fstab(5)'s fields), only those of type TYPE with
 * {@code -t TYPE}. {@code mount -t TYPE [-r] [-o ro|rw] SPECIAL DIR} mounts a new file system of TYPE ("memfs" or
 * "proc") on DIR through mount(2), SPECIAL being the name the table records; {@code -r} ("mount the filesystem
 * read-only. A synonym is -o ro") sets MS_RDONLY. Exit 0, 1 when the call or the table fails, 2 for a usage error.
 */
public final class Mount implements Program {

    private static final String USAGE = "usage: mount [-t type]\n       mount -t type [-r] [-o ro|rw] special directory\n";

    @Override
    public String name() {
        return "mount";
    }

    @Override
    public String summary() {
        return "mount [-t TYPE] | mount -t TYPE [-r] [-o ro|rw] SPECIAL DIR: list (/proc/mounts) or mount a file system";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        String type = null;
        int flags = 0;
        Getopt g = new Getopt(sys, argv, "t:o:r");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'r' -> flags |= sprocket.api.sys.Mount.MS_RDONLY;
                case 't' -> type = g.optarg();
                case 'o' -> {
                    flags = options(g.optarg(), flags);
                    if (flags < 0) return Usage.fail(sys, "mount: unknown option in -o " + g.optarg() + "\n" + USAGE);
                }
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        int i = g.optind();
        int operands = argv.length - i;
        if (operands == 0 && flags == 0) return list(sys, type);
        if (operands != 2 || type == null) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        String dir = argv[i + 1];
        if (sys.mount(argv[i], dir, type, flags) == -1) {
            Strerror.perror(sys, "mount: " + dir);
            return 1;
        }
        return 0;
    }

    /** The flags {@code flags} become with the comma-separated options of {@code -o} applied, or -1 for one unknown. */
    private static int options(String list, int flags) {
        for (String o : list.split(",", -1)) {
            switch (o) {
                case "ro" -> flags |= sprocket.api.sys.Mount.MS_RDONLY;
                case "rw" -> flags &= ~sprocket.api.sys.Mount.MS_RDONLY;
                default -> {
                    return -1;
                }
            }
        }
        return flags;
    }

    /** The listing: every line of /proc/mounts, or those of {@code type} when it is given. */
    private static int list(Sys sys, String type) {
        String table = Ps.contents(sys, "/proc/mounts");
        if (table == null) {
            Strerror.perror(sys, "mount: /proc/mounts");
            return 1;
        }
        StringBuilder out = new StringBuilder();
        for (String line : table.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 4 || type != null && !type.equals(f[2])) continue;
            out.append(unescape(f[0])).append(" on ").append(unescape(f[1])).append(" type ").append(f[2])
                    .append(" (").append(f[3]).append(")\n");
        }
        if (Stdio.fputs(sys, STDOUT_FILENO, out.toString()) == Stdio.EOF) {
            Strerror.perror(sys, "mount: write");
            return 1;
        }
        return 0;
    }

    /** fstab(5): "\040" in a field is a space; any backslash and three octal digits is that character. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) return field;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < field.length(); k++) {
            char c = field.charAt(k);
            if (c == '\\' && k + 3 < field.length() && octal(field, k + 1)) {
                sb.append((char) ((field.charAt(k + 1) - '0') * 64 + (field.charAt(k + 2) - '0') * 8
                        + field.charAt(k + 3) - '0'));
                k += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean octal(String s, int from) {
        for (int k = from; k < from + 3; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '7') return false;
        }
        return true;
    }
}
