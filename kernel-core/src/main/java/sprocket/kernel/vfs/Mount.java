package sprocket.kernel.vfs;

import static sprocket.api.sys.Mount.MS_RDONLY;

import java.util.HashMap;
import java.util.Map;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.Inode;

/**
 * One mounted file system (SVR4's struct vfs, one line of the mount table): the file system, its device number, its
 * root, the directory it covers, how it was mounted, and the vnodes of its files that something holds, by i-number.
 */
final class Mount {

    /** The major number every mounted file system's st_dev carries; the minor tells them apart. */
    static final int MAJOR = 128;

    final FileSystem fs;
    /** st_dev of every file on it. */
    final int dev;
    /** The type mount(2) was given ("memfs", "proc"), and the source it recorded. */
    final String type;
    final String special;
    /** mount(2)'s flags (MS_RDONLY). */
    final int flags;
    /** The root directory's vnode, held by the mount while it is mounted. */
    final Vnode root;
    /** vfs_vnodecovered: the directory it is mounted on (held while it is); null for "/". */
    Vnode covered;
    /** The references held on its vnodes, summed; the mount's own hold on its root is one of them. */
    int references;
    /** The vnodes of its files that are held, by i-number: looked up only, never walked. */
    private final Map<Long, Vnode> held = new HashMap<>();
    /** The system's in-core inode table, which every held vnode takes an entry of. */
    final InodeTable inodes;

    Mount(FileSystem fs, int dev, String type, String special, int flags, InodeTable inodes) {
        this.fs = fs;
        this.inodes = inodes;
        this.dev = dev;
        this.type = type;
        this.special = special;
        this.flags = flags;
        this.root = new Vnode(this, fs.root()).hold();
    }

    /** The vnode of {@code inode}, a file of this file system: the held one, or a new one nothing holds yet. */
    Vnode vnode(Inode inode) {
        Vnode v = held.get(inode.ino());
        return v != null ? v : new Vnode(this, inode);
    }

    /** VN_HOLD: {@code v} or the vnode already held for its file, with one reference more. */
    Vnode hold(Vnode v) {
        Vnode kept = held.get(v.ino());
        if (kept == null) {
            kept = v;
            held.put(v.ino(), v);
            inodes.take();
        }
        kept.count++;
        references++;
        return kept;
    }

    /** VN_RELE: the last reference lets the vnode go, and a file with no name left is inactive. */
    void rele(Vnode v) {
        if (v.count <= 0 || held.get(v.ino()) != v) throw new IllegalStateException("rele of an unheld " + v);
        references--;
        if (--v.count == 0) {
            held.remove(v.ino());
            inodes.release();
            if (v.inode.nlink() == 0) v.inode.inactive();
        }
    }

    /** A name of {@code inode} was removed: with no name left and no reference, the file goes now. */
    void unlinked(Inode inode) {
        if (inode.nlink() == 0 && !held.containsKey(inode.ino())) inode.inactive();
    }

    /** Mounted with MS_RDONLY: nothing on it may change (EROFS). */
    boolean readOnly() {
        return (flags & MS_RDONLY) != 0;
    }
}
