package sprocket.api.fs;

import sprocket.api.sys.Statvfs;

/**
 * One file system, made for one mount (SVR4's struct vfs as its file-system type sees it): the root to mount, and
 * giving everything back when it is unmounted.
 */
public interface FileSystem {

    /** VFS_ROOT: the root directory; the same inode for as long as the file system is mounted. */
    Inode root();

    /**
     * VFS_UNMOUNT: umount(2) passed the kernel's checks (nothing of this file system is open, mapped, a current or
     * root directory, or covered by another mount): give back everything it holds. Called once, last.
     */
    void unmount();

    /**
     * VFS_STATVFS: the sizes and counts of {@link Statvfs} the file system knows (block size, blocks, free blocks,
     * files, free files, the longest name); the kernel fills in the id, the type's name and the flags.
     */
    Statvfs statvfs();
}
