package sprocket.cli;

import java.util.List;
import sprocket.api.spi.Settings;
import sprocket.libc.Crypt;

/**
 * The /etc/rc that {@code sprocket boot} hands init: it makes /etc/passwd and /etc/group (root and two ordinary users,
 * their passwords hashed with crypt(3C)), /mnt, /home and the users' home directories, mounts what the configuration
 * asks (boot.home, boot.mnt), and makes su and login set-user-ID root.
 */
final class Rc {
    /** The users /etc/rc makes: name, uid, password (the same as the name, for trying permissions by hand). */
    record User(String name, int uid, String password) {
    }

    static final List<User> USERS = List.of(new User("root", 0, "root"), new User("alice", 100, "alice"),
            new User("bob", 101, "bob"));
    /** The ordinary users' group. */
    static final int USERS_GID = 100;

    private Rc() {
    }

    /** The script for the configuration's {@code settings}. */
    static String script(Settings settings) {
        StringBuilder b = new StringBuilder();
        b.append("# /etc/rc: run by init with /bin/sh as the system comes up; then init starts a login shell.\n");
        b.append("PATH=/bin; export PATH\n");
        b.append("umask 022\n");
        b.append("mkdir -p /etc /mnt /home /var/adm\n");
        b.append("cat > /etc/passwd <<'EOF'\n");
        for (User u : USERS) {
            String home = u.uid == 0 ? "/" : "/home/" + u.name;
            int gid = u.uid == 0 ? 0 : USERS_GID;
            b.append(u.name).append(':').append(hash(u)).append(':').append(u.uid).append(':').append(gid)
                    .append(':').append(u.uid == 0 ? "Super-User" : Character.toUpperCase(u.name.charAt(0))
                            + u.name.substring(1)).append(':').append(home).append(":/bin/sh\n");
        }
        b.append("EOF\n");
        b.append("cat > /etc/group <<'EOF'\nroot::0:root\nusers::").append(USERS_GID).append(':');
        b.append(String.join(",", USERS.stream().filter(u -> u.uid != 0).map(User::name).toList())).append("\nEOF\n");
        if (settings.get("boot.home").equals("memfs")) b.append("mount -t memfs home /home\n");
        switch (settings.get("boot.mnt")) {
            case "memfs" -> b.append("mount -t memfs mnt /mnt\n");
            case "proc" -> b.append("mount -t proc proc /mnt\n");
            default -> { }
        }
        for (User u : USERS) {
            if (u.uid == 0) continue;
            b.append("mkdir /home/").append(u.name).append(" && chown ").append(u.name).append(":users /home/")
                    .append(u.name).append('\n');
        }
        b.append("chmod 1777 /tmp\n");
        b.append("chmod 4755 /bin/su /bin/login\n");
        return b.toString();
    }

    /** A fixed salt per user: the same configuration boots to the same files, byte for byte. */
    private static String hash(User u) {
        return Crypt.crypt(u.password, "$5$" + u.name + "salt");
    }
}
