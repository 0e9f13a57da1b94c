package sprocket.fs;

import sprocket.api.Errno;
import sprocket.api.sys.Dirent;

/** A directory of the process file system: its entries come from the kernel, read by getdents(2) through {@link #readdir}. */
abstract class ProcDirectory extends ProcNode {

    /** Directories are r-x for everyone: listable and searchable, never written (Linux dr-xr-xr-x). */
    static final int PERM = 0555;

    ProcDirectory(ProcFs fs, long ino, int uid, int gid) {
        super(fs, ino, sprocket.api.sys.FileMode.S_IFDIR | PERM, uid, gid);
        this.nlink = 2;
    }

    /**
     * getdents(2) from directory offset {@code offset}: fills {@code buf} from the front, puts the count in
     * {@code count[0]}, and returns the offset the next call starts from. "." is at offset 0 and ".." at 1.
     */
    abstract long readdir(long offset, Dirent[] buf, int[] count);

    @Override
    final int read(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.EISDIR;
    }
}
