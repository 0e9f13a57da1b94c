package sprocket.kernel.vfs;

/**
 * Simulated cycles the file layer charges for its own work, on top of the system call's trap; copying bytes to and from
 * users is the copy service's ({@link sprocket.kernel.uio.UserCopy}). Each call charges once, after its last sleep.
 */
final class VfsCosts {

    /** Searching one directory for one path-name component (namei's inner loop). */
    static final long COMPONENT = 40;

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
}
