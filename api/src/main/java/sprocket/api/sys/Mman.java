package sprocket.api.sys;

/** sys/mman.h: mmap(2) protections and flags, with the SVR4 values. */
public final class Mman {
    public static final int PROT_NONE = 0;
    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    public static final int PROT_EXEC = 4;

    public static final int MAP_SHARED = 1;
    public static final int MAP_PRIVATE = 2;
    public static final int MAP_TYPE = 0xf;
    public static final int MAP_FIXED = 0x10;
    /** Memory not backed by a file, zero-filled (SVR4's MAP_ANON). */
    public static final int MAP_ANONYMOUS = 0x100;
    public static final int MAP_ANON = MAP_ANONYMOUS;

    /** msync(2) flags (SVR4 values). */
    public static final int MS_ASYNC = 0x1;
    public static final int MS_INVALIDATE = 0x2;
    public static final int MS_SYNC = 0x4;

    /** What mmap(2) returns on failure. */
    public static final long MAP_FAILED = -1;

    private Mman() {
    }
}
