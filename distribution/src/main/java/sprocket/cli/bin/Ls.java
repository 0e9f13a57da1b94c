package sprocket.cli.bin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Dir;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * ls(1): "For each directory argument, ls lists the contents of the directory; for each file argument, ls
 * repeats its name and any other information requested." Files come first, then each directory (headed by its
 * name when more than one operand was given); names are sorted, one per line, and those beginning with "." are
 * left out unless {@code -a}. {@code -l} gives the long form: mode, links, owner and group (as numbers: there is
 * no /etc/passwd), size (major, minor for a special file), modification time, name, and "-> target" for a
 * symbolic link. SVR4's "total" block count is not printed: stat(2) here has no st_blocks. A symbolic link named
 * as an operand is followed unless {@code -l}. Exit 0, or 2 when a file could not be listed or for a usage error.
 */
public final class Ls implements Program {

    private static final String USAGE = "usage: ls [-al] [file...]\n";
    /** SVR4 ls: a time within six months of now shows the hour, an older (or future) one the year. */
    private static final long SIX_MONTHS = 365L / 2 * 24 * 60 * 60;
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT);

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String summary() {
        return "ls [-al] [PATH...]: list directories and files (-l long form, -a dot files too)";
    }

    /** What one run was asked for, and how it is going. */
    private static final class Listing {
        final Sys sys;
        final Stream out;
        final boolean all;
        final boolean longForm;
        final long now;
        int status;

        Listing(Sys sys, boolean all, boolean longForm) {
            this.sys = sys;
            this.out = Stream.stdout(sys);
            this.all = all;
            this.longForm = longForm;
            this.now = longForm ? sys.time() : 0;
        }
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean all = false;
        boolean longForm = false;
        Getopt g = new Getopt(sys, argv, "al");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'a' -> all = true;
                case 'l' -> longForm = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] operands = g.operands();
        if (operands.length == 0) operands = new String[] {"."};

        Listing ls = new Listing(sys, all, longForm);
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String op : operands) {
            Stat st = sys.lstat(op);
            if (st == null) {
                Strerror.perror(sys, "ls: " + op);
                ls.status = 2;
                continue;
            }
            if (st.type() == FileMode.S_IFLNK && !longForm) {
                // Without -l an operand that is a link stands for what it points to; a dangling one for itself.
                Stat to = sys.stat(op);
                if (to != null) st = to;
            }
            (st.type() == FileMode.S_IFDIR ? dirs : files).add(op);
        }
        Collections.sort(files);
        Collections.sort(dirs);

        for (String f : files) entry(ls, f, f);
        boolean headed = operands.length > 1;
        boolean first = files.isEmpty();
        for (String d : dirs) {
            if (!first) ls.out.fputs("\n");
            first = false;
            if (headed) ls.out.fputs(d + ":\n");
            directory(ls, d);
        }
        if (ls.out.fflush() == Stdio.EOF) {
            Strerror.perror(sys, "ls: write");
            return 2;
        }
        return ls.status;
    }

    private static void directory(Listing ls, String dir) {
        List<String> names = Dir.scandir(ls.sys, dir);
        if (names == null) {
            Strerror.perror(ls.sys, "ls: " + dir);
            ls.status = 2;
            return;
        }
        if (!ls.all) names.removeIf(n -> n.startsWith("."));
        Collections.sort(names);
        for (String name : names) entry(ls, PathName.join(dir, name), name);
    }

    /** One line: {@code shown} alone, or in the long form from lstat of {@code path}. */
    private static void entry(Listing ls, String path, String shown) {
        if (!ls.longForm) {
            ls.out.fputs(shown + "\n");
            return;
        }
        Stat st = ls.sys.lstat(path);
        if (st == null) {
            Strerror.perror(ls.sys, "ls: " + path);
            ls.status = 2;
            return;
        }
        StringBuilder line = new StringBuilder(mode(st.mode()));
        line.append(String.format(Locale.ROOT, "%4d %-8d %-8d ", st.nlink(), st.uid(), st.gid()));
        if (st.type() == FileMode.S_IFCHR || st.type() == FileMode.S_IFBLK) {
            line.append(String.format(Locale.ROOT, "%3d,%4d", major(st.rdev()), minor(st.rdev())));
        } else {
            line.append(String.format(Locale.ROOT, "%8d", st.size()));
        }
        line.append(' ').append(time(st.mtime(), ls.now)).append(' ').append(shown);
        if (st.type() == FileMode.S_IFLNK) {
            String target = ls.sys.readlink(path);
            if (target == null) {
                Strerror.perror(ls.sys, "ls: " + path);
                ls.status = 2;
            } else {
                line.append(" -> ").append(target);
            }
        }
        ls.out.fputs(line.append('\n').toString());
    }

    /**
     * The ten-character mode of ls -l: the type (d directory, l symbolic link, c and b special files, p FIFO,
     * s socket, - regular), then rwx for owner, group and others; s/S for set-user-ID or set-group-ID over the
     * execute bit, l for set-group-ID without group execute ("mandatory locking"), t/T for the sticky bit.
     */
    static String mode(int mode) {
        char[] s = new char[10];
        s[0] = switch (mode & FileMode.S_IFMT) {
            case FileMode.S_IFDIR -> 'd';
            case FileMode.S_IFLNK -> 'l';
            case FileMode.S_IFCHR -> 'c';
            case FileMode.S_IFBLK -> 'b';
            case FileMode.S_IFIFO -> 'p';
            case FileMode.S_IFSOCK -> 's';
            default -> '-';
        };
        for (int who = 0; who < 3; who++) {
            int bits = mode >> (6 - 3 * who);
            s[1 + 3 * who] = (bits & 4) != 0 ? 'r' : '-';
            s[2 + 3 * who] = (bits & 2) != 0 ? 'w' : '-';
            s[3 + 3 * who] = (bits & 1) != 0 ? 'x' : '-';
        }
        if ((mode & FileMode.S_ISUID) != 0) s[3] = s[3] == 'x' ? 's' : 'S';
        if ((mode & FileMode.S_ISGID) != 0) s[6] = s[6] == 'x' ? 's' : 'l';
        if ((mode & FileMode.S_ISVTX) != 0) s[9] = s[9] == 'x' ? 't' : 'T';
        return new String(s);
    }

    /** sys/mkdev.h major(): SVR4's expanded device number keeps 14 bits of major above 18 of minor. */
    static int major(int rdev) {
        return rdev >>> 18;
    }

    static int minor(int rdev) {
        return rdev & 0x3ffff;
    }

    /** The modification time as ls -l shows it; simulated seconds since boot count from the Epoch, as ipcs's do. */
    static String time(long mtime, long now) {
        var t = Instant.ofEpochSecond(mtime).atOffset(ZoneOffset.UTC);
        return (mtime > now - SIX_MONTHS && mtime <= now ? RECENT : OLD).format(t);
    }
}
