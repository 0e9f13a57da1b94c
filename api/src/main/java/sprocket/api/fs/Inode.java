package sprocket.api.fs;

import sprocket.api.ErrnoException;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * A file as its file system keeps it (s5 and UFS call it an inode, tmpfs a tmpnode), with the vnode operations of
 * SVR4 and 4.4BSD (VOP_LOOKUP, VOP_CREATE, VOP_READ...) as its methods. The kernel wraps each one it uses in a vnode
 * of its own and owns everything above this: the reference count, open files and their offsets, the mount table and
 * the crossing of mount points, name lookup with "." and symbolic links, FIFOs, record locks, devices, and every
 * permission check. It calls an operation only once its checks passed (search and write permission, EROFS, the
 * file types it needs), so a file system checks only what it alone knows: that a name exists, that a directory is
 * empty, that there is room. Every operation runs inside a system call on the caller's coroutine and never sleeps; a
 * failure throws {@link ErrnoException} and changes nothing. An operation that does not apply to the file's type
 * fails as the default methods here do.
 */
public interface Inode {

    /** The i-number, unique within its file system for as long as the file exists. */
    long ino();

    /** Type and permission bits, as {@code st_mode}. */
    int mode();

    /** The owner and the group. */
    int uid();

    int gid();

    /** Directory entries naming it ("." and ".." included for a directory); 0 once removed. */
    int nlink();

    /** st_size. */
    long size();

    /** VOP_GETATTR: the file's status, with {@code dev} (the kernel numbers mounted file systems) as st_dev. */
    Stat getattr(int dev);

    /**
     * Whether the file system makes this file and the names in it itself, so that nobody, the super-user included,
     * may write it, change its mode or owner, or make or remove a name in it (a process file system: the kernel's
     * answer to "may I write" is then always no).
     */
    default boolean readOnly() {
        return false;
    }

    // ---- directories

    /**
     * VOP_LOOKUP: the entry {@code name} of this directory, never "." (the kernel's); ".." is this directory's
     * parent, or the directory itself at the root of its file system (the kernel crosses to the directory a file
     * system is mounted on). ENOENT when there is none.
     */
    default Inode lookup(String name) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    /**
     * VOP_CREATE: a new file {@code name} of the type in {@code mode} (S_IFREG, S_IFIFO, S_IFSOCK, S_IFCHR), owned by
     * {@code uid} and {@code gid}, with {@code rdev} as its device number for a special file. The kernel has checked
     * the name is not there, the permission bits are final (umask applied).
     */
    default Inode create(String name, int mode, int uid, int gid, int rdev) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    /** VOP_MKDIR: a new, empty directory {@code name} with permission bits {@code perm}. EMLINK when this one is full. */
    default Inode mkdir(String name, int perm, int uid, int gid) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    /** VOP_SYMLINK: a new symbolic link {@code name} holding {@code target}. */
    default Inode symlink(String name, String target, int uid, int gid) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    /** VOP_LINK: {@code file}, of this file system and no directory, gets the name {@code name} here too. */
    default void link(String name, Inode file) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    /** VOP_REMOVE: the name {@code name} of a file that is not a directory goes. */
    default void remove(String name) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    /** VOP_RMDIR: the directory {@code name} goes; ENOTEMPTY unless only "." and ".." are left in it. */
    default void rmdir(String name) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    /**
     * VOP_RENAME: the entry {@code name} moves to {@code toDir} (a directory of this file system) as {@code toName},
     * replacing what that name held, which the kernel has checked is of the same kind and not the same file. A
     * directory replaced must be empty (ENOTEMPTY); a directory moved to a new parent may find it full (EMLINK).
     */
    default void rename(String name, Inode toDir, String toName) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    /**
     * VOP_READDIR: hands {@code dir} this directory's entries from its offset on, other than "." and ".." (offsets 0
     * and 1, the kernel's), until {@code dir} takes no more. The file system chooses the offsets past 1; getdents(2)
     * resumes from the last one handed over.
     */
    default void readdir(DirContext dir) {
        throw ErrnoException.of(Errno.ENOTDIR);
    }

    // ---- regular files

    /** VOP_READ: bytes at {@code offset} into {@code buf}; the count, 0 at or past the end. */
    default int read(long offset, byte[] buf, int off, int len) {
        throw ErrnoException.of(type() == FileMode.S_IFDIR ? Errno.EISDIR : Errno.EINVAL);
    }

    /**
     * VOP_WRITE: {@code len} bytes of {@code buf} at {@code offset}; the count written, which is short only when the
     * file system ran out of room part of the way (ENOSPC when no byte fitted; EFBIG past the largest file it
     * keeps).
     */
    default int write(long offset, byte[] buf, int off, int len) {
        throw ErrnoException.of(type() == FileMode.S_IFDIR ? Errno.EISDIR : Errno.EINVAL);
    }

    /** VOP_SETATTR of the size: the file becomes {@code length} bytes long (O_TRUNC asks for 0). */
    default void truncate(long length) {
        throw ErrnoException.of(Errno.EINVAL);
    }

    /**
     * VOP_GETPAGE for a mapping: the file's bytes from {@code offset} into {@code page}, zeros past the end (mmap(2):
     * "the system shall always zero-fill any partial page at the end of an object"). Returns the file bytes copied.
     */
    default int readPage(long offset, byte[] page) {
        throw ErrnoException.of(Errno.ENODEV);
    }

    /**
     * VOP_PUTPAGE: {@code len} bytes of a mapped page written back at {@code offset}, never past the end of the file
     * (a mapping does not extend it). Returns the bytes that reached the file.
     */
    default int writePage(long offset, byte[] page, int len) {
        throw ErrnoException.of(Errno.ENODEV);
    }

    // ---- attributes, links, the end

    /** VOP_SETATTR of the mode: the permission bits (07777) become {@code perm}; the type stays. */
    void chmod(int perm);

    /** VOP_SETATTR of the owner and group. */
    void chown(int uid, int gid);

    /**
     * VOP_SETATTR of the times: st_atime and st_mtime become {@code times[0]} and {@code times[1]} (seconds), or now
     * when {@code times} is null; st_ctime becomes now. A file system that keeps no times of its own refuses (EPERM).
     */
    default void utime(long[] times) {
        throw ErrnoException.of(Errno.EPERM);
    }

    /** VOP_READLINK: the path a symbolic link holds; EINVAL for anything else. */
    default String readlink() {
        throw ErrnoException.of(Errno.EINVAL);
    }

    /**
     * VOP_INACTIVE: the kernel let go of its last reference to a file with no name left, so its storage may go (an
     * unlinked file lives until its last close and its last mapping).
     */
    default void inactive() {
    }

    /** The file-type bits of {@link #mode()}. */
    default int type() {
        return mode() & FileMode.S_IFMT;
    }
}
