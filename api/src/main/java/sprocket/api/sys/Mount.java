package sprocket.api.sys;

/**
 * sys/mount.h: the flags of mount(2) ({@link Sys#mount}) and the file system types this kernel can mount. MS_RDONLY
 * is 1 in SVR4 and Linux alike.
 */
public final class Mount {
    /** Mount read-only: every call that would change the file system fails with EROFS. */
    public static final int MS_RDONLY = 0x1;

    /** A new, empty in-memory file system (as tmpfs): its files live until it is unmounted. */
    public static final String MEMFS = "memfs";
    /** Another view of the process file system (proc(4)). */
    public static final String PROC = "proc";

    private Mount() {
    }
}
