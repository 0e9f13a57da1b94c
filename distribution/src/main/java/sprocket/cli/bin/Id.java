package sprocket.cli.bin;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.libc.Getopt;
import sprocket.libc.Group;
import sprocket.libc.Passwd;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * id(1): "writes to standard output a message containing the system identifications (ID numbers and names) of the
 * invoking process": "uid=0(root) gid=0(sys)", then "euid=" and "egid=" where they differ, then "groups=". Names come
 * from /etc/passwd and /etc/group (getpwuid(3C), getgrgid(3C)) and are left out where there are none. With a user
 * operand, that user's ids and groups from the files. {@code -u}, {@code -g}, {@code -G} print only the user id,
 * the group id, or the groups; {@code -n} names instead of numbers, {@code -r} the real ids instead of the
 * effective. The groups of the process are "all different group IDs (effective, real, and supplementary)", the
 * supplementary ones from getgroups(2). Exit 0, 1 for an unknown user or name or when getgroups(2) fails.
 */
public final class Id implements Program {

    private static final String USAGE = "usage: id [user]\n       id -G [-n] [user]\n       id -g [-nr] [user]\n"
            + "       id -u [-nr] [user]\n";

    @Override
    public String name() {
        return "id";
    }

    @Override
    public String summary() {
        return "id [-G|-g|-u] [-nr] [USER]: the user and group ids, with names from /etc/passwd and /etc/group";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        char only = 0;
        boolean names = false;
        boolean real = false;
        Getopt g = new Getopt(sys, argv, "Ggunr");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'G', 'g', 'u' -> {
                    if (only != 0 && only != c) return Usage.fail(sys, USAGE);
                    only = (char) c;
                }
                case 'n' -> names = true;
                case 'r' -> real = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length > 1 || ((names || real) && only == 0)) return Usage.fail(sys, USAGE);
        int ruid;
        int euid;
        int rgid;
        int egid;
        List<Integer> groups = new ArrayList<>();
        if (ops.length == 1) {
            Passwd pw = user(sys, ops[0]);
            if (pw == null) {
                Text.error(sys, "id: " + ops[0] + ": no such user");
                return 1;
            }
            ruid = euid = pw.uid();
            rgid = egid = pw.gid();
            groups.addAll(Group.getgrouplist(sys, pw.name(), pw.gid()));
        } else {
            ruid = sys.getuid();
            euid = sys.geteuid();
            rgid = sys.getgid();
            egid = sys.getegid();
            groups.add(egid);
            if (rgid != egid) groups.add(rgid);
            int[] list = new int[Sysconf.NGROUPS_MAX];
            int n = sys.getgroups(list.length, list);
            if (n < 0) {
                Strerror.perror(sys, "id: getgroups");
                return 1;
            }
            for (int i = 0; i < n; i++) {
                if (!groups.contains(list[i])) groups.add(list[i]);
            }
        }
        int uid = real ? ruid : euid;
        int gid = real ? rgid : egid;
        String line;
        int status = 0;
        switch (only) {
            case 'u', 'g' -> {
                String name = only == 'u' ? userName(sys, uid) : groupName(sys, gid);
                if (names && name == null) {
                    Text.error(sys, "id: cannot find name for " + (only == 'u' ? "user ID " + uid : "group ID " + gid));
                    status = 1;
                }
                line = names && name != null ? name : Integer.toString(only == 'u' ? uid : gid);
            }
            case 'G' -> {
                StringBuilder b = new StringBuilder();
                for (int id : groups) {
                    String name = names ? groupName(sys, id) : null;
                    if (names && name == null) {
                        Text.error(sys, "id: cannot find name for group ID " + id);
                        status = 1;
                    }
                    b.append(b.isEmpty() ? "" : " ").append(name != null ? name : Integer.toString(id));
                }
                line = b.toString();
            }
            default -> {
                StringBuilder b = new StringBuilder();
                b.append("uid=").append(named(ruid, userName(sys, ruid)));
                b.append(" gid=").append(named(rgid, groupName(sys, rgid)));
                if (euid != ruid) b.append(" euid=").append(named(euid, userName(sys, euid)));
                if (egid != rgid) b.append(" egid=").append(named(egid, groupName(sys, egid)));
                b.append(" groups=");
                for (int i = 0; i < groups.size(); i++) {
                    b.append(i > 0 ? "," : "").append(named(groups.get(i), groupName(sys, groups.get(i))));
                }
                line = b.toString();
            }
        }
        if (Stdio.puts(sys, line) == Stdio.EOF) {
            Strerror.perror(sys, "id: write");
            return 1;
        }
        return status;
    }

    /** The user named (or numbered, when no name matches) {@code who}, or null. */
    private static Passwd user(Sys sys, String who) {
        Passwd pw = Passwd.getpwnam(sys, who);
        if (pw != null) return pw;
        long uid = Strtol.number(who, 0, Integer.MAX_VALUE);
        return uid == Strtol.BAD_NUMBER ? null : Passwd.getpwuid(sys, (int) uid);
    }

    static String userName(Sys sys, int uid) {
        Passwd pw = Passwd.getpwuid(sys, uid);
        return pw == null ? null : pw.name();
    }

    static String groupName(Sys sys, int gid) {
        Group gr = Group.getgrgid(sys, gid);
        return gr == null ? null : gr.name();
    }

    private static String named(int id, String name) {
        return name == null ? Integer.toString(id) : id + "(" + name + ")";
    }
}
