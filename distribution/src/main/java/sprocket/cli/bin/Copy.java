package sprocket.cli.bin;

import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Dir;
import sprocket.libc.Libgen;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * The copying of cp(1), which mv(1) also does when rename(2) cannot cross file systems: a regular file's bytes, a
 * directory and all it holds (recursively), a symbolic link as a link, a FIFO as a new FIFO. With {@code preserve}
 * the copy gets the source's owner and group (which needs root; set-user-ID and set-group-ID bits are dropped when
 * they cannot be), its mode and its access and modification times (utime(2)); a failure to keep the times is
 * reported under cp {@code -p}, and mv lets it go.
 */
final class Copy {
    final Sys sys;
    final String program;
    boolean recursive;
    boolean preserve;
    /** Whether a failure to preserve the times is reported (cp -p) or let go (mv). */
    boolean reportTimes;
    boolean force;
    boolean interactive;
    int umask;
    /** The directories this copy made, as "dev:ino", so that copying a directory into itself stops at the copy. */
    private final java.util.Set<String> made = new java.util.HashSet<>();

    Copy(Sys sys, String program) {
        this.sys = sys;
        this.program = program;
        umask = sys.umask(0);
        sys.umask(umask);
    }

    /**
     * Where each source of cp's or mv's operands goes: into the last operand under its own name when that is a
     * directory, else to it (one source only); null after "prog: target: not a directory" for several sources.
     */
    static String[] destinations(Sys sys, String program, String[] ops) {
        String target = ops[ops.length - 1];
        Stat t = sys.stat(target);
        boolean intoDirectory = t != null && t.type() == FileMode.S_IFDIR;
        if (ops.length > 2 && !intoDirectory) {
            Text.error(sys, program + ": " + target + ": not a directory");
            return null;
        }
        String[] to = new String[ops.length - 1];
        for (int i = 0; i < to.length; i++) to[i] = intoDirectory ? PathName.join(target, Libgen.basename(ops[i])) : target;
        return to;
    }

    /** Copies {@code from} (whose lstat or stat is {@code st}) to {@code to}; false after reporting a failure. */
    boolean copy(String from, Stat st, String to) {
        Stat target = sys.stat(to);
        if (target != null && target.dev() == st.dev() && target.ino() == st.ino()) {
            Text.error(sys, program + ": " + from + " and " + to + " are identical (not copied)");
            return false;
        }
        return switch (st.type()) {
            case FileMode.S_IFDIR -> directory(from, st, to, target);
            case FileMode.S_IFLNK -> link(from, st, to, target);
            case FileMode.S_IFIFO -> fifo(from, st, to, target);
            case FileMode.S_IFREG -> file(from, st, to, target);
            default -> {
                Text.error(sys, program + ": " + from + ": cannot copy a special file");
                yield false;
            }
        };
    }

    private boolean directory(String from, Stat st, String to, Stat target) {
        if (!recursive) {
            Text.error(sys, program + ": " + from + ": is a directory (not copied)");
            return false;
        }
        if (target == null && within(st, to)) {
            Text.error(sys, program + ": cannot copy a directory into itself: " + from + " into " + to);
            return false;
        }
        if (target == null) {
            // Made writable and searchable by us while it fills, then given its mode.
            if (sys.mkdir(to, (st.mode() & 07777) | 0700) == -1) return fail(to);
            Stat m = sys.stat(to);
            if (m != null) made.add(m.dev() + ":" + m.ino());
        } else if (target.type() != FileMode.S_IFDIR) {
            Text.error(sys, program + ": " + to + ": not a directory");
            return false;
        }
        List<String> names = Dir.scandir(sys, from);
        if (names == null) return fail(from);
        boolean ok = true;
        for (String name : names) {
            if (PathName.dots(name)) continue;
            String src = PathName.join(from, name);
            Stat s = sys.lstat(src);
            if (s == null) {
                ok = fail(src);
                continue;
            }
            if (made.contains(s.dev() + ":" + s.ino())) {
                Text.error(sys, program + ": cannot copy a directory into itself: " + src);
                ok = false;
                continue;
            }
            if (!copy(src, s, PathName.join(to, name))) ok = false;
        }
        if (target == null || preserve) {
            int mode = preserve ? st.mode() & 07777 : st.mode() & 07777 & ~umask;
            if (!attributes(to, st, mode)) ok = false;
        }
        return ok;
    }

    /** Whether the directory {@code to} would be made in lies in the directory {@code dir}: its ".." chain meets it. */
    private boolean within(Stat dir, String to) {
        String p = Libgen.dirname(to);
        Stat up = sys.stat(p);
        // The chain ends at the root, whose ".." is itself; a path deeper than this many levels is not followed.
        for (int depth = 0; up != null && depth < 256; depth++) {
            if (up.dev() == dir.dev() && up.ino() == dir.ino()) return true;
            p = p + "/..";
            Stat parent = sys.stat(p);
            if (parent == null || (parent.dev() == up.dev() && parent.ino() == up.ino())) return false;
            up = parent;
        }
        return false;
    }

    private boolean link(String from, Stat st, String to, Stat target) {
        String value = sys.readlink(from);
        if (value == null) return fail(from);
        if (target != null || sys.lstat(to) != null) {
            if (!replace(to)) return false;
        }
        if (sys.symlink(value, to) == -1) return fail(to);
        return true;
    }

    private boolean fifo(String from, Stat st, String to, Stat target) {
        if (!recursive) return file(from, st, to, target);
        if (target != null && !replace(to)) return false;
        if (sys.mkfifo(to, st.mode() & 07777) == -1) return fail(to);
        return !preserve || attributes(to, st, st.mode() & 07777);
    }

    private boolean file(String from, Stat st, String to, Stat target) {
        if (target != null && interactive && !Prompt.yes(sys, program + ": overwrite " + to + "? ")) return true;
        int in = sys.open(from, Fcntl.O_RDONLY);
        if (in == -1) return fail(from);
        int out = sys.open(to, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC, st.mode() & 0777);
        if (out == -1 && force && target != null) {
            // cp -f: "if a file descriptor for dest_file cannot be obtained, attempt to unlink dest_file and proceed".
            sys.unlink(to);
            out = sys.open(to, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC, st.mode() & 0777);
        }
        if (out == -1) {
            int e = sys.errno();
            sys.close(in);
            sys.errno(e);
            return fail(to);
        }
        byte[] buf = new byte[Stdio.BUFSIZ];
        boolean ok = true;
        int n;
        while ((n = Stdio.read(sys, in, buf)) > 0) {
            if (!Stdio.writeAll(sys, out, buf, 0, n)) {
                ok = fail(to);
                break;
            }
        }
        if (n < 0) ok = fail(from);
        sys.close(in);
        if (sys.close(out) == -1 && ok) ok = fail(to);
        if (ok && preserve) ok = attributes(to, st, st.mode() & 07777);
        return ok;
    }

    /** Removes what is at {@code to} so a link or FIFO can take its place; false after reporting a failure. */
    private boolean replace(String to) {
        if (sys.unlink(to) == 0 || sys.errno() == Errno.ENOENT) return true;
        return fail(to);
    }

    /** -p: owner and group (as far as allowed), then the mode, then the times; false after reporting a failure. */
    private boolean attributes(String to, Stat st, int mode) {
        boolean ok = true;
        if (sys.chown(to, st.uid(), st.gid()) == -1) {
            // "If the user ID or the group ID cannot be duplicated, the file permission bits S_ISUID and S_ISGID
            // shall be cleared."
            mode &= ~(FileMode.S_ISUID | FileMode.S_ISGID);
        }
        if (sys.chmod(to, mode) == -1) ok = fail(to);
        if (sys.utime(to, new long[] {st.atime(), st.mtime()}) == -1 && reportTimes) {
            Strerror.perror(sys, program + ": " + to + ": cannot preserve times");
            ok = false;
        }
        return ok;
    }

    private boolean fail(String path) {
        Strerror.perror(sys, program + ": " + path);
        return false;
    }
}
