package sprocket.kernel.vfs;

import sprocket.api.fs.Inode;
import sprocket.api.ipc.SocketFile;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * A vnode (SVR4's struct vnode): the kernel's handle on one file of one mounted file system, the file system's
 * {@link Inode} behind it. The kernel's own state of the file lives here: the references that keep it in core
 * (open files, mappings, the mount covering it, a socket bound to it), the file system mounted on it, its record
 * locks, its FIFO, the socket its name is bound to. A vnode no reference holds is not kept: looking the file up again
 * gives a new one, so vnodes are compared with {@link #same} (or equals), never by identity.
 */
public final class Vnode {

    final Mount mount;
    final Inode inode;
    /** v_count: the references holding the vnode in its mount's cache; 0 for one made by a lookup and not held. */
    int count;
    /** v_vfsmountedhere: the file system mounted on this directory, or null. */
    Mount mountedHere;
    /** fcntl(2) record locks on the file, made at the first. */
    RecordLocks locks;
    /** The FIFO's state while it is open (SVR4 fifofs' fifonode). */
    Fifo fifo;
    /** v_socket: the AF_UNIX socket bound to this name, or null. */
    SocketFile socket;

    Vnode(Mount mount, Inode inode) {
        this.mount = mount;
        this.inode = inode;
    }

    public long ino() {
        return inode.ino();
    }

    /** Type and permission bits. */
    public int mode() {
        return inode.mode();
    }

    /** The file-type bits. */
    public int type() {
        return inode.mode() & FileMode.S_IFMT;
    }

    public boolean isDirectory() {
        return type() == FileMode.S_IFDIR;
    }

    /** Whether {@code other} is the same file: the same i-number of the same mounted file system. */
    public boolean same(Vnode other) {
        return this == other || other != null && mount == other.mount && inode.ino() == other.inode.ino();
    }

    /** Vnodes are equal when they are the same file ({@link #same}), whichever lookup made them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Vnode v && same(v);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inode.ino()) * 31 + mount.dev;
    }

    /** fstat(2): the file's status, st_dev its mount's; a FIFO's st_size is the bytes waiting in its pipe (fifofs). */
    public Stat stat() {
        Stat s = inode.getattr(mount.dev);
        Fifo open = mount.vnode(inode).fifo;
        if (open == null || type() != FileMode.S_IFIFO) return s;
        return new Stat(s.dev(), s.ino(), s.mode(), s.nlink(), s.uid(), s.gid(), s.rdev(), open.size(), s.atime(),
                s.mtime(), s.ctime(), s.blocks());
    }

    /** Whether this is the root of the file system it belongs to. */
    boolean isMountRoot() {
        return same(mount.root);
    }

    /** Whether a reference holds the vnode, so it has its entry in the in-core inode table. */
    boolean held() {
        return count > 0;
    }

    /** VN_HOLD: one reference more; returns the vnode the mount keeps for the file, which the holder must use. */
    Vnode hold() {
        return mount.hold(this);
    }

    /** VN_RELE: one reference less; the last lets the vnode go, and the file too if no name is left (VOP_INACTIVE). */
    void rele() {
        mount.rele(this);
    }

    @Override
    public String toString() {
        return "vnode " + mount.dev + ":" + inode.ino();
    }
}
