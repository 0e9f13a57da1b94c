package sprocket.api.sys;

/**
 * Linux {@code <sched.h>} clone(2) flags, for the Linux personality of share groups ({@link Sys#clone}). Values are
 * Linux's.
 */
public final class Clone {
    /** The signal the parent gets when the child exits: the low byte of the flags. */
    public static final int CSIGNAL = 0x000000ff;
    /** Share the address space: sproc's PR_SADDR. */
    public static final int CLONE_VM = 0x00000100;
    /** Share the root and current directories and the umask: PR_SDIR and PR_SUMASK. */
    public static final int CLONE_FS = 0x00000200;
    /** Share the file descriptor table: PR_SFDS. */
    public static final int CLONE_FILES = 0x00000400;
    /** Share the table of signal handlers (needs CLONE_VM); IRIX share groups have no such resource. */
    public static final int CLONE_SIGHAND = 0x00000800;

    private Clone() {
    }
}
