package sprocket.kernel.proc;

import java.util.List;
import sprocket.api.kernel.Credentials;

/**
 * A process's credentials (cred_t): real, effective and saved user and group ids, the supplementary groups
 * (setgroups(2)), and the file-creation mask. Immutable: a change makes a new one, so a forked child and its parent
 * share one until either changes, and a share group member tells a change to the group's copy by identity.
 */
public record Cred(int ruid, int euid, int suid, int rgid, int egid, int sgid, List<Integer> groups, int umask) {

    public Cred {
        groups = List.copyOf(groups);
    }

    /** The super-user, with no supplementary groups and {@code umask}. */
    public static Cred root(int umask) {
        return new Cred(0, 0, 0, 0, 0, 0, List.of(), umask);
    }

    /** Whether the effective user is the super-user. */
    public boolean root() {
        return euid == Credentials.ROOT;
    }

    /** As the file system and IPC check them: the effective ids, the real uid, the groups and the umask. */
    public Credentials credentials() {
        return new Credentials(ruid, euid, rgid, egid, umask, groups);
    }

    /**
     * access(2)'s view: "the real user ID is used in place of the effective user ID" (and the real group ID); the
     * supplementary groups still count.
     */
    public Credentials real() {
        return new Credentials(ruid, ruid, rgid, rgid, umask, groups);
    }

    public Cred withUmask(int mask) {
        return new Cred(ruid, euid, suid, rgid, egid, sgid, groups, mask);
    }

    public Cred withUids(int r, int e, int s) {
        return new Cred(r, e, s, rgid, egid, sgid, groups, umask);
    }

    public Cred withGids(int r, int e, int s) {
        return new Cred(ruid, euid, suid, r, e, s, groups, umask);
    }

    /** setgroups(2): these supplementary groups. */
    public Cred withGroups(List<Integer> list) {
        return new Cred(ruid, euid, suid, rgid, egid, sgid, list, umask);
    }

    /** The ids of {@code other} with this mask (a share group member picking up the group's ids, PR_SID). */
    public Cred withIdsOf(Cred other) {
        return new Cred(other.ruid, other.euid, other.suid, other.rgid, other.egid, other.sgid, other.groups, umask);
    }

    /** Whether the ids and groups (not the mask) are the same as {@code other}'s. */
    public boolean sameIds(Cred other) {
        return ruid == other.ruid && euid == other.euid && suid == other.suid && rgid == other.rgid
                && egid == other.egid && sgid == other.sgid && groups.equals(other.groups);
    }
}
