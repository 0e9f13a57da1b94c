package sprocket.api.sys;

/**
 * {@code struct flock} for fcntl(2) record locks: F_RDLCK, F_WRLCK or F_UNLCK over {@code len} bytes (0: to the end
 * of the file, however it grows) from {@code start} relative to {@code whence}; F_GETLK reports the blocking lock's
 * owner in {@code pid}.
 */
public record Flock(int type, int whence, long start, long len, int pid) {
    public static final int F_RDLCK = 1;
    public static final int F_WRLCK = 2;
    public static final int F_UNLCK = 3;
}
