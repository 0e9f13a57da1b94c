package sprocket.api.sys;

/**
 * stat(2)'s {@code struct stat}; times are simulated seconds since boot. {@code blocks} is st_blocks, the storage the
 * file holds in 512-byte units (a file with holes holds less than its size; a pipe, a socket or a file the kernel
 * makes as it is read holds none).
 */
public record Stat(int dev, long ino, int mode, int nlink, int uid, int gid, int rdev, long size, long atime,
        long mtime, long ctime, long blocks) {

    /** st_blocks' unit: "the number of 512-byte blocks allocated". */
    public static final int BLOCK = 512;

    /** The status of a file that holds no storage of its own: st_blocks 0. */
    public Stat(int dev, long ino, int mode, int nlink, int uid, int gid, int rdev, long size, long atime, long mtime,
            long ctime) {
        this(dev, ino, mode, nlink, uid, gid, rdev, size, atime, mtime, ctime, 0);
    }

    /** The file-type bits of {@link #mode()}. */
    public int type() {
        return mode & FileMode.S_IFMT;
    }
}
