package sprocket.api.fs;

import sprocket.api.sys.Stat;

/**
 * One entry of the system open file table: the object behind descriptors, with its own offset and status
 * flags. Reads and writes run on the caller's coroutine and may sleep (pipes, terminals).
 */
public interface OpenFile {

    /** read(2): bytes read (0 at end of file), or a negative errno. */
    int read(byte[] buf, int off, int len);

    /** write(2): bytes written, or a negative errno (the implementation sends SIGPIPE itself where Unix does). */
    int write(byte[] buf, int off, int len);

    /** lseek(2): the new offset, or a negative errno (-ESPIPE on pipes and terminals). */
    long lseek(long offset, int whence);

    /** The access mode and status flags (O_RDONLY/O_WRONLY/O_RDWR, O_APPEND, O_NONBLOCK...). */
    int flags();

    /** F_SETFL: changes O_APPEND and O_NONBLOCK; the access mode stays. */
    void setFlags(int flags);

    /** fstat(2). */
    Stat stat();

    /** Another descriptor now refers to this entry (dup, fork). */
    void hold();

    /** A descriptor referring to it was closed; the last release closes the file. */
    void release();

    /** Descriptors referring to it, across all processes. */
    int references();

    /** The vnode this open file refers to (fchdir, fstat's type), or null for objects outside the name space. */
    default Vnode vnode() {
        return null;
    }

    /**
     * getdents(2): the next entries of an open directory into {@code buf} from this open file's offset, which it
     * advances; returns the count, 0 at the end, or a negative errno (-ENOTDIR for anything but a directory).
     */
    default int getdents(sprocket.api.sys.Dirent[] buf) {
        return -sprocket.api.Errno.ENOTDIR;
    }

    /**
     * fcntl(2) record locking on this open file for the calling process ({@link
     * sprocket.api.kernel.KernelServices#pid()}): F_GETLK, F_SETLK, F_SETLKW with {@code lock[0]}'s whence SEEK_SET,
     * SEEK_CUR (this open file's offset) or SEEK_END (the file's size); the implementation makes the range absolute.
     * Returns 0 or a negative errno (-EAGAIN, -EDEADLK, -EINTR, -EBADF for a lock type the
     * access mode forbids, -EINVAL for objects that cannot be locked).
     */
    default int lock(int cmd, sprocket.api.sys.Flock[] lock) {
        return -sprocket.api.Errno.EINVAL;
    }

    /** The file's pages for mmap(2), or null when the object cannot be mapped (mmap then fails with ENODEV). */
    default FilePages pages() {
        return null;
    }
}
