package sprocket.api.kernel;

/** A process's user and group identities and its file-creation mask, as a provider checks them. */
public record Credentials(int uid, int euid, int gid, int egid, int umask) {

    /** The super-user's uid. */
    public static final int ROOT = 0;

    /** Whether the effective user is the super-user, who passes the checks Unix lets root pass. */
    public boolean root() {
        return euid == ROOT;
    }
}
