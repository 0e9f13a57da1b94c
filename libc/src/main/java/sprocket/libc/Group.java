package sprocket.libc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;

/**
 * A group's entry in /etc/group (grp.h's {@code struct group}), and getgrnam(3C), getgrgid(3C), getgrouplist(3) and
 * initgroups(3C), which read the file a line at a time: "name:password:gid:member,member...". A line that is not four fields with a
 * numeric id is skipped. Not found is null with errno as it was; a file that cannot be read is null with open(2)'s
 * or read(2)'s errno.
 */
public record Group(String name, String passwd, int gid, List<String> members) {
    /** Where the group file is. */
    public static final String GROUP = "/etc/group";

    public Group {
        members = List.copyOf(members);
    }

    /** getgrnam(3C): the entry of group {@code name}, or null. */
    public static Group getgrnam(Sys sys, String name) {
        List<Group> all = read(sys, name, -1);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    /** getgrgid(3C): the first entry with group id {@code gid}, or null. */
    public static Group getgrgid(Sys sys, int gid) {
        List<Group> all = read(sys, null, gid);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    /**
     * getgrouplist(3): the groups {@code user} belongs to: {@code group} (their group in /etc/passwd) first, then every
     * group of /etc/group that lists them as a member, each id once. Without a readable /etc/group, {@code group}
     * alone.
     */
    public static List<Integer> getgrouplist(Sys sys, String user, int group) {
        List<Integer> ids = new ArrayList<>();
        ids.add(group);
        List<Group> all = read(sys, null, -2);
        if (all == null) return ids;
        for (Group g : all) {
            if (g.members.contains(user) && !ids.contains(g.gid)) ids.add(g.gid);
        }
        return ids;
    }

    /**
     * initgroups(3C): "reads the group file ... to get the group membership for the user specified by name and then
     * initializes the supplementary group access list of the calling process using setgroups. The basegid group ID is
     * also included in the supplementary group access list ... if the number of groups, including the basegid entry,
     * exceeds {NGROUPS_MAX}, subsequent group entries are ignored." 0, or -1 with setgroups(2)'s errno (EPERM unless
     * the caller is the super-user).
     */
    public static int initgroups(Sys sys, String name, int basegid) {
        List<Integer> ids = getgrouplist(sys, name, basegid);
        int n = Math.min(ids.size(), Sysconf.NGROUPS_MAX);
        int[] list = new int[n];
        for (int i = 0; i < n; i++) list[i] = ids.get(i);
        return sys.setgroups(n, list);
    }

    /** The entries named {@code name}, or with id {@code gid} (-2: every entry); null if the file cannot be read. */
    private static List<Group> read(Sys sys, String name, int gid) {
        Stream in = Stream.fopen(sys, GROUP, "r");
        if (in == null) return null;
        int errno = sys.errno();
        List<Group> found = new ArrayList<>();
        for (byte[] line; (line = in.getline()) != null;) {
            Group g = parse(line);
            if (g == null) continue;
            if (gid == -2 || (name != null ? g.name.equals(name) : g.gid == gid)) found.add(g);
            if (gid != -2 && !found.isEmpty()) break;
        }
        boolean failed = in.ferror();
        if (failed) errno = sys.errno();
        in.fclose();
        sys.errno(errno);
        return failed ? null : found;
    }

    /** One line of the file, or null when it is not an entry. */
    static Group parse(byte[] line) {
        String[] f = fields(new String(line, StandardCharsets.UTF_8));
        if (f.length != 4) return null;
        long gid = Strtol.number(f[2], 0, Integer.MAX_VALUE);
        if (f[0].isEmpty() || gid == Strtol.BAD_NUMBER) return null;
        List<String> members = new ArrayList<>();
        for (String m : f[3].split(",")) {
            if (!m.isEmpty()) members.add(m);
        }
        return new Group(f[0], f[1], (int) gid, members);
    }

    /** The colon-separated fields of a line of /etc/passwd or /etc/group, its newline aside. */
    static String[] fields(String line) {
        String l = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        return l.split(":", -1);
    }
}
