package sprocket.api.sys;

/** stat(2)'s {@code struct stat}; times are simulated seconds since boot. */
public record Stat(int dev, long ino, int mode, int nlink, int uid, int gid, int rdev, long size, long atime,
        long mtime, long ctime) {

    /** The file-type bits of {@link #mode()}. */
    public int type() {
        return mode & FileMode.S_IFMT;
    }
}
