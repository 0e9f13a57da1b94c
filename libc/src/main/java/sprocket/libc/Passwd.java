package sprocket.libc;

import java.nio.charset.StandardCharsets;
import sprocket.api.sys.Sys;

/**
 * A user's entry in /etc/passwd (pwd.h's {@code struct passwd}), and getpwnam(3C) and getpwuid(3C), which read the
 * file a line at a time: "name:password:uid:gid:gecos:dir:shell". A line that is not seven fields with numeric ids
 * is skipped, as the C library skips it. Not found is null with errno as it was; a file that cannot be read is null
 * with open(2)'s or read(2)'s errno, so a caller that must tell them apart sets errno to 0 first.
 */
public record Passwd(String name, String passwd, int uid, int gid, String gecos, String dir, String shell) {
    /** Where the password file is. */
    public static final String PASSWD = "/etc/passwd";

    /** getpwnam(3C): the entry of login name {@code name}, or null. */
    public static Passwd getpwnam(Sys sys, String name) {
        return find(sys, name, -1);
    }

    /** getpwuid(3C): the first entry with user id {@code uid}, or null. */
    public static Passwd getpwuid(Sys sys, int uid) {
        return find(sys, null, uid);
    }

    private static Passwd find(Sys sys, String name, int uid) {
        Stream in = Stream.fopen(sys, PASSWD, "r");
        if (in == null) return null;
        int errno = sys.errno();
        Passwd found = null;
        for (byte[] line; found == null && (line = in.getline()) != null;) {
            Passwd p = parse(line);
            if (p != null && (name != null ? p.name.equals(name) : p.uid == uid)) found = p;
        }
        boolean failed = in.ferror();
        if (failed) errno = sys.errno();
        in.fclose();
        sys.errno(errno);
        return failed ? null : found;
    }

    /** One line of the file, or null when it is not an entry. */
    static Passwd parse(byte[] line) {
        String[] f = Group.fields(new String(line, StandardCharsets.UTF_8));
        if (f.length != 7) return null;
        long uid = Strtol.number(f[2], 0, Integer.MAX_VALUE);
        long gid = Strtol.number(f[3], 0, Integer.MAX_VALUE);
        if (f[0].isEmpty() || uid == Strtol.BAD_NUMBER || gid == Strtol.BAD_NUMBER) return null;
        return new Passwd(f[0], f[1], (int) uid, (int) gid, f[4], f[5], f[6]);
    }
}
