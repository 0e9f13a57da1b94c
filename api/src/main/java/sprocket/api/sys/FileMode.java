package sprocket.api.sys;

/** sys/stat.h mode bits. */
public final class FileMode {
    public static final int S_IFMT = 0xF000;
    public static final int S_IFIFO = 0x1000;
    public static final int S_IFCHR = 0x2000;
    public static final int S_IFDIR = 0x4000;
    public static final int S_IFBLK = 0x6000;
    public static final int S_IFREG = 0x8000;
    public static final int S_IFLNK = 0xA000;
    public static final int S_IFSOCK = 0xC000;
    public static final int S_ISUID = 0x800;
    public static final int S_ISGID = 0x400;
    public static final int S_ISVTX = 0x200;

    private FileMode() {
    }
}
