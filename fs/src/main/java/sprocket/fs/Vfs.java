package sprocket.fs;

import sprocket.api.sys.Mount;

/**
 * One mounted file system (SVR4 {@code struct vfs}): its device number, its root, the directory it covers, how it
 * was mounted, and how many open files and mappings hold its nodes, which umount(2) needs at zero. Every node
 * knows its Vfs, so a name made in a directory takes that file system's st_dev and next i-number.
 */
final class Vfs {

    /** The major number every mounted file system's st_dev carries; the minor tells them apart. */
    static final int MAJOR = 128;

    /** st_dev of every node of this file system. */
    final int dev;
    /** The type mount(2) was given ("memfs", "proc"), and the source it recorded. */
    final String type;
    final String special;
    /** mount(2)'s flags ({@link Mount#MS_RDONLY}). */
    final int flags;
    /** The file system's root; null only while it is being made. */
    MemNode root;
    /** The directory it is mounted on (SVR4 vfs_vnodecovered); null for "/". */
    Directory covered;
    /** Open file table entries and mappings holding a node of this file system (its nodes' v_count, summed). */
    int references;
    private long nextIno;

    /** A file system whose first i-number is {@code firstIno} (the root's, as in s5 and UFS: 2). */
    Vfs(int dev, String type, String special, int flags, long firstIno) {
        this.dev = dev;
        this.type = type;
        this.special = special;
        this.flags = flags;
        this.nextIno = firstIno;
    }

    /** An i-number for a node about to be made here. */
    long newIno() {
        return nextIno++;
    }

    /** Mounted with MS_RDONLY: nothing on it may change (EROFS). */
    boolean readOnly() {
        return (flags & Mount.MS_RDONLY) != 0;
    }

    /** The options field of /proc/mounts. */
    String options() {
        return readOnly() ? "ro" : "rw";
    }
}
