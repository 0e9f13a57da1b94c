package sprocket.cli.bin;

import java.util.List;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Dir;
import sprocket.libc.Getopt;
import sprocket.libc.Group;
import sprocket.libc.Passwd;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * chown(1): "change the file ownership": {@code chown owner[:group] file...} sets the owner (and group) by name, from
 * /etc/passwd and /etc/group, or by number; {@code owner:} also sets the owner's login group, {@code :group} only the
 * group. chgrp(1) ({@link Chgrp}) is the same with a group alone. {@code -R} descends into directories, not following
 * symbolic links; {@code -h} changes a symbolic link itself. Under this kernel's {_POSIX_CHOWN_RESTRICTED} only root
 * changes ownership (EPERM for others); a symbolic link itself is changed with lchown(2). Exit 0 when every file was
 * changed, 1 otherwise, 2 for a usage error.
 */
public final class Chown implements Program {

    private static final String USAGE = "usage: chown [-hR] owner[:group] file...\n";

    @Override
    public String name() {
        return "chown";
    }

    @Override
    public String summary() {
        return "chown [-hR] OWNER[:GROUP] FILE...: change the owner and group of files (root only)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        return run(sys, argv, "chown", USAGE, false);
    }

    /** chown or chgrp ({@code groupOnly}) as {@code program}. */
    static int run(Sys sys, String[] argv, String program, String usage, boolean groupOnly) {
        boolean recursive = false;
        boolean links = false;
        Getopt g = new Getopt(sys, argv, "hR");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'h' -> links = true;
                case 'R' -> recursive = true;
                default -> {
                    return Usage.fail(sys, usage);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length < 2) return Usage.fail(sys, usage);
        int[] ids = groupOnly ? new int[] {-1, group(sys, ops[0])} : owner(sys, ops[0]);
        if (ids == null || ids[1] == -2) {
            Text.error(sys, program + ": " + ops[0] + ": unknown " + (groupOnly || ids != null ? "group" : "user"));
            return 1;
        }
        int status = 0;
        for (int i = 1; i < ops.length; i++) {
            if (!change(sys, program, ops[i], ids, recursive, links, true)) status = 1;
        }
        return status;
    }

    /** "owner", "owner:group", "owner:", ":group" (or "." for ":"): {uid or -1, gid or -1}; null or gid -2 for unknown. */
    private static int[] owner(Sys sys, String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) colon = spec.indexOf('.');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String grp = colon < 0 ? null : spec.substring(colon + 1);
        int uid = -1;
        int loginGroup = -1;
        if (!user.isEmpty()) {
            Passwd pw = Passwd.getpwnam(sys, user);
            if (pw != null) {
                uid = pw.uid();
                loginGroup = pw.gid();
            } else {
                long n = Strtol.number(user, 0, Integer.MAX_VALUE);
                if (n == Strtol.BAD_NUMBER) return null;
                uid = (int) n;
                Passwd byId = Passwd.getpwuid(sys, uid);
                if (byId != null) loginGroup = byId.gid();
            }
        }
        int gid = -1;
        if (grp != null) {
            gid = grp.isEmpty() ? loginGroup : group(sys, grp);
            if (grp.isEmpty() && user.isEmpty()) return null;
        }
        return new int[] {uid, gid};
    }

    /** A group by name or number, or -2 when it is neither. */
    private static int group(Sys sys, String name) {
        Group gr = Group.getgrnam(sys, name);
        if (gr != null) return gr.gid();
        long n = Strtol.number(name, 0, Integer.MAX_VALUE);
        return n == Strtol.BAD_NUMBER ? -2 : (int) n;
    }

    /** Changes {@code path} (and, with -R, what a directory holds); false after reporting a failure. */
    private static boolean change(Sys sys, String program, String path, int[] ids, boolean recursive, boolean links,
            boolean operand) {
        Stat st = sys.lstat(path);
        if (st == null) {
            Strerror.perror(sys, program + ": " + path);
            return false;
        }
        boolean link = st.type() == FileMode.S_IFLNK;
        // An operand's link is followed unless -h; one met below it, with -R, is never followed.
        int r = link && (links || !operand) ? sys.lchown(path, ids[0], ids[1])
                : sys.chown(path, ids[0], ids[1]);
        boolean ok = r == 0;
        if (!ok) Strerror.perror(sys, program + ": " + path);
        if (!recursive || st.type() != FileMode.S_IFDIR) return ok;
        List<String> names = Dir.scandir(sys, path);
        if (names == null) {
            Strerror.perror(sys, program + ": " + path);
            return false;
        }
        for (String name : names) {
            if (PathName.dots(name)) continue;
            if (!change(sys, program, PathName.join(path, name), ids, true, links, false)) ok = false;
        }
        return ok;
    }
}
