package sprocket.api.sys;

/**
 * statvfs(2)'s {@code struct statvfs}: the block sizes ({@code f_bsize}, and {@code f_frsize}, the unit of the block
 * counts), the blocks in all, free, and free to an ordinary user, the file nodes in all, free and free to an ordinary
 * user (0 and 0 for a file system with no fixed number, as Linux's tmpfs without nr_inodes says), the file system's
 * id, its type's name, the flags {@link #ST_RDONLY} and {@link #ST_NOSUID}, and the longest file name.
 */
public record Statvfs(long bsize, long frsize, long blocks, long bfree, long bavail, long files, long ffree,
        long favail, int fsid, String basetype, int flag, int namemax) {
    /** Mounted read-only. */
    public static final int ST_RDONLY = 0x01;
    /** Set-user-ID and set-group-ID are not honoured. */
    public static final int ST_NOSUID = 0x02;
}
