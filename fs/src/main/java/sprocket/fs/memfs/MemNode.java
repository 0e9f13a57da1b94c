package sprocket.fs.memfs;

import sprocket.api.fs.Inode;
import sprocket.api.sys.Stat;

/**
 * A node of a memory file system (tmpfs's tmpnode): the attributes stat(2) reports. Subclasses are the file types and
 * give the operations that apply to them.
 */
abstract class MemNode implements Inode {

    final MemFs fs;
    private final long ino;
    int mode;
    int uid;
    int gid;
    /** Directory entries naming this node ("." and ".." included for directories). */
    int nlink;
    long atime;
    long mtime;
    long ctime;

    MemNode(MemFs fs, long ino, int mode, int uid, int gid) {
        this.fs = fs;
        this.ino = ino;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        long now = fs.seconds();
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

    @Override
    public final int uid() {
        return uid;
    }

    @Override
    public final int gid() {
        return gid;
    }

    @Override
    public final int nlink() {
        return nlink;
    }

    /** st_blocks: the 512-byte blocks of storage the node holds (a directory's and a link's are in the node). */
    long blocks() {
        return 0;
    }

    /** st_rdev: the device number of a special file, 0 otherwise. */
    int rdev() {
        return 0;
    }

    @Override
    public Stat getattr(int dev) {
        return new Stat(dev, ino, mode, nlink, uid, gid, rdev(), size(), atime, mtime, ctime, blocks());
    }

    @Override
    public void chmod(int perm) {
        mode = type() | perm;
        ctime = fs.seconds();
    }

    @Override
    public void chown(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
        ctime = fs.seconds();
    }

    @Override
    public void utime(long[] times) {
        long now = fs.seconds();
        atime = times == null ? now : times[0];
        mtime = times == null ? now : times[1];
        ctime = now;
    }

    /** A directory entry naming this node was removed; its storage waits for the kernel's {@link #inactive()}. */
    void unlinked(long now) {
        nlink--;
        ctime = now;
    }
}
