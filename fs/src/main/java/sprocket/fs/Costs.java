package sprocket.fs;

/**
 * Simulated cycles the file system charges for its own work; the kernel has already charged the system call.
 * Each operation charges once, at its end, so a charge (where the kernel may switch CPUs) never falls in the
 * middle of a change to the name space.
 */
final class Costs {

    /** Searching one directory for one path-name component (namei's inner loop). */
    static final long COMPONENT = 40;

    /** Copying one 4-byte word between a caller's buffer and a file (uiomove). */
    static final long WORD = 1;

    /** Allocating and initialising an in-core node (creat, mkdir). */
    static final long NODE = 120;

    /** Taking or giving back an entry of the system open file table (falloc, closef). */
    static final long FILE_ENTRY = 30;

    /** Copying one directory entry out to a getdents(2) buffer. */
    static final long DIRENT = 20;

    /** Taking or dropping a mapping's reference to a node (VN_HOLD, VN_RELE). */
    static final long REFERENCE = 10;

    /** Removing one name of an unmounted file system and freeing its node (umount of a memfs). */
    static final long FREE = 30;

    /** Searching and changing a file's record-lock list (fcntl F_GETLK, F_SETLK, F_SETLKW). */
    static final long RECORD_LOCK = 60;

    private Costs() {
    }

    /** The cost of copying {@code bytes} bytes, a word at a time. */
    static long copy(int bytes) {
        return ((bytes + 3L) >>> 2) * WORD;
    }
}
