package sprocket.kernel.vfs;

/**
 * Simulated cycles the file layer charges for its own work, on top of the system call's trap. Each call charges once,
 * after its last sleep, as the file systems did before the layer moved into the kernel, so the same calls cost the
 * same.
 */
final class VfsCosts {

    /** Searching one directory for one path-name component (namei's inner loop). */
    static final long COMPONENT = 40;

    /** Copying one 4-byte word between a caller's buffer and a file (uiomove). */
    static final long WORD = 1;

    /** Making an in-core node for a new name (creat, mkdir, mkfifo, symlink, bind) or a new file system (mount). */
    static final long NODE = 120;

    /** Taking or giving back an entry of the system open file table (falloc, closef) for a file of a file system. */
    static final long FILE_ENTRY = 30;

    /** Copying one directory entry out to a getdents(2) buffer. */
    static final long DIRENT = 20;

    /** Taking or dropping a mapping's reference to a file (VN_HOLD, VN_RELE). */
    static final long REFERENCE = 10;

    /** Searching and changing a file's record-lock list (fcntl F_GETLK, F_SETLK, F_SETLKW). */
    static final long RECORD_LOCK = 60;

    private VfsCosts() {
    }

    /** The cost of copying {@code bytes} bytes, a word at a time. */
    static long copy(int bytes) {
        return ((bytes + 3L) >>> 2) * WORD;
    }
}
