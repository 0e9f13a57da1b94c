package sprocket.fs;

import sprocket.api.fs.Vnode;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * An in-core node of the memory file system (SVR4 tmpfs calls it a tmpnode): the attributes stat(2) reports
 * and the read/write operations a file table entry calls (VOP_READ, VOP_WRITE). Subclasses are the file types.
 */
abstract class MemNode implements Vnode {

    private final long ino;
    /** The file system the node belongs to. */
    final Vfs vfs;
    /** st_dev: {@code vfs.dev}, kept here for the comparisons namei, link and rename make. */
    final int dev;
    int mode;
    int uid;
    int gid;
    /** Directory entries naming this node ("." and ".." included for directories). */
    int nlink;
    long atime;
    long mtime;
    long ctime;
    /** Entries of the system open file table and mappings referring to this node (SVR4 v_count). */
    private int references;

    /** A node of file system {@code vfs}. */
    MemNode(Vfs vfs, long ino, int mode, int uid, int gid, long now) {
        this.vfs = vfs;
        this.dev = vfs.dev;
        this.ino = ino;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        this.atime = now;
        this.mtime = now;
        this.ctime = now;
    }

    @Override
    public final long ino() {
        return ino;
    }

    @Override
    public final int mode() {
        return mode;
    }

    /** The file-type bits of the mode. */
    final int type() {
        return mode & FileMode.S_IFMT;
    }

    /**
     * VOP_LOOKUP: the entry of this directory named {@code path.substring(from, to)} (never "." or ".."), or null.
     * Only directories have entries.
     */
    MemNode find(String path, int from, int to) {
        return null;
    }

    /** The directory ".." names in this directory (a file system's root knows the directory it is mounted on). */
    MemNode dotdot() {
        return this;
    }

    /** This directory's name in the directory ".." names, for getcwd. */
    String entryName() {
        return "";
    }

    /**
     * Whether the node may never be written, nor entries made in it or removed from it, whatever its mode says
     * and whoever asks (procfs: the kernel makes its contents).
     */
    boolean readOnly() {
        return false;
    }

    /** Whether {@code other} is this node: the same object, or the same i-number of the same file system. */
    final boolean same(MemNode other) {
        return this == other || other != null && dev == other.dev && ino == other.ino;
    }

    /** st_size. */
    abstract long size();

    /** st_rdev: the device number of a special file, 0 otherwise. */
    int rdev() {
        return 0;
    }

    /** Reads at {@code offset}: bytes read (0 at end of file) or a negative errno. */
    abstract int read(long offset, byte[] buf, int off, int len, long now);

    /** Writes at {@code offset}: bytes written or a negative errno. */
    abstract int write(long offset, byte[] buf, int off, int len, long now);

    /** Whether lseek(2) means anything; terminals say ESPIPE. */
    boolean seekable() {
        return true;
    }

    /** O_TRUNC: the length becomes 0. Only regular files have a length to lose. */
    void truncate(long now) {
    }

    /** The last link and the last reference are gone: give back the storage (SVR4 VOP_INACTIVE). */
    void inactive() {
    }

    /** A file table entry or a mapping now refers to this node (SVR4 VN_HOLD). */
    final void hold() {
        references++;
        vfs.references++;
    }

    /** A file table entry was closed for the last time, or a mapping let go (SVR4 VN_RELE). */
    final void rele() {
        if (references == 0) throw new IllegalStateException("rele of an unreferenced node");
        vfs.references--;
        if (--references == 0 && nlink == 0) inactive();
    }

    /** A directory entry naming this node was removed. unlink(2): "the space ... is not released until all references ... have been closed". */
    final void unlinked(long now) {
        nlink--;
        ctime = now;
        if (nlink == 0 && references == 0) inactive();
    }

    Stat stat() {
        return new Stat(dev, ino, mode, nlink, uid, gid, rdev(), size(), atime, mtime, ctime);
    }
}
