package sprocket.api.kernel;

import java.util.List;

/**
 * A process's user and group identities, its supplementary groups (setgroups(2)) and its file-creation mask, as a
 * provider checks them.
 */
public record Credentials(int uid, int euid, int gid, int egid, int umask, List<Integer> groups) {

    /** The super-user's uid. */
    public static final int ROOT = 0;

    public Credentials {
        groups = List.copyOf(groups);
    }

    /** Credentials with no supplementary groups. */
    public Credentials(int uid, int euid, int gid, int egid, int umask) {
        this(uid, euid, gid, egid, umask, List.of());
    }

    /** Whether the effective user is the super-user, who passes the checks Unix lets root pass. */
    public boolean root() {
        return euid == ROOT;
    }

    /**
     * Whether {@code gid} is the effective group or one of the supplementary groups (SVR4's groupmember), as POSIX
     * has the group class decided: "the effective group ID or any of the supplementary group IDs of the process
     * match the file group ID".
     */
    public boolean groupMember(int gid) {
        return gid == egid || groups.contains(gid);
    }
}
