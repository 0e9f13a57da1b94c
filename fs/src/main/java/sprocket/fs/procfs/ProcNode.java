package sprocket.fs.procfs;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.Inode;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Stat;

/**
 * A node of the process file system: made by a lookup from what the kernel says now, never written, its names never
 * changed by anyone ({@link #readOnly()}), its st_size 0 (as Linux proc(5) files report; the text is made at read
 * time).
 */
abstract class ProcNode implements Inode {

    final ProcFs fs;
    private final long ino;
    private final int mode;
    private final long time;

    ProcNode(ProcFs fs, long ino, int mode) {
        this.fs = fs;
        this.ino = ino;
        this.mode = mode;
        this.time = fs.seconds();
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
    public final boolean readOnly() {
        return true;
    }

    @Override
    public long size() {
        return 0;
    }

    /** /proc's own nodes are root's; a process's are its owner's. */
    @Override
    public int uid() {
        return Credentials.ROOT;
    }

    @Override
    public int gid() {
        return Credentials.ROOT;
    }

    /** One name: a file, or a link. */
    @Override
    public int nlink() {
        return 1;
    }

    @Override
    public Stat getattr(int dev) {
        return new Stat(dev, ino, mode, nlink(), uid(), gid(), 0, size(), time, time, time);
    }

    /** The kernel owns /proc's modes and owners (Linux proc_setattr: EPERM); it never asks. */
    @Override
    public final void chmod(int perm) {
        throw ErrnoException.of(Errno.EPERM);
    }

    @Override
    public final void chown(int uid, int gid) {
        throw ErrnoException.of(Errno.EPERM);
    }
}
