package sprocket.fs;

import static sprocket.api.sys.Fcntl.O_ACCMODE;
import static sprocket.api.sys.Fcntl.O_APPEND;
import static sprocket.api.sys.Fcntl.O_NDELAY;
import static sprocket.api.sys.Fcntl.O_NONBLOCK;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_SYNC;
import static sprocket.api.sys.Fcntl.O_WRONLY;

import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.fs.FilePages;
import sprocket.api.fs.OpenFile;
import sprocket.api.fs.Vnode;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Stat;

/**
 * An entry of the system open file table (SVR4 {@code struct file}): the node, the access mode and status
 * flags, and one offset shared by every descriptor that refers to it (dup, fork).
 */
final class FileEntry implements OpenFile {

    /** The flags open(2) keeps: the access mode and the status flags; O_CREAT, O_EXCL, O_TRUNC act once. */
    static final int KEPT = O_ACCMODE | O_APPEND | O_NONBLOCK | O_NDELAY | O_SYNC;
    /** fcntl(2) F_SETFL: the status flags it may change here. */
    private static final int SETTABLE = O_APPEND | O_NONBLOCK;

    private final MemFs fs;
    private final MemNode node;
    private int flags;
    private long offset;
    private int references = 1;
    /**
     * getdents(2): the name last returned and the offset it left, so the next call resumes after that name even
     * if entries before it were removed meanwhile; an lseek elsewhere makes the offset count entries from the start.
     */
    private String lastName;
    private long lastNameOffset = -1;

    FileEntry(MemFs fs, MemNode node, int flags) {
        this.fs = fs;
        this.node = node;
        this.flags = flags & KEPT;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        if (references == 0 || (flags & O_ACCMODE) == O_WRONLY) return -Errno.EBADF;
        if (len < 0) return -Errno.EINVAL;
        int n = node.read(offset, buf, off, len, fs.seconds());
        if (n > 0) {
            offset += n;
            fs.kernel().charge(Costs.copy(n));
        }
        return n;
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        if (references == 0 || (flags & O_ACCMODE) == O_RDONLY) return -Errno.EBADF;
        if (len < 0) return -Errno.EINVAL;
        // open(2): "If O_APPEND is set, the file pointer will be set to the end of the file prior to each write."
        if ((flags & O_APPEND) != 0) offset = node.size();
        if (len > 0 && node instanceof RegularFile) {
            len = underFileSizeLimit(len);
            if (len < 0) return len;
        }
        int n = node.write(offset, buf, off, len, fs.seconds());
        if (n > 0) {
            offset += n;
            fs.kernel().charge(Costs.copy(n));
        }
        return n;
    }

    /**
     * RLIMIT_FSIZE. write(2): "suppose there is space for 20 bytes more in a file before reaching a limit. A write of
     * 512 bytes returns 20. The next write of a non-zero number of bytes gives a failure return"; getrlimit(2): "If a
     * write ... would cause this limit to be exceeded, SIGXFSZ is sent to the process". Returns the bytes to write,
     * or -EFBIG.
     */
    private int underFileSizeLimit(int len) {
        long limit = fs.kernel().fileSizeLimit();
        if (offset >= limit) {
            fs.kernel().signal(fs.kernel().pid(), Signals.SIGXFSZ);
            return -Errno.EFBIG;
        }
        return (int) Math.min(len, limit - offset);
    }

    @Override
    public long lseek(long off, int whence) {
        if (references == 0) return -Errno.EBADF;
        if (!node.seekable()) return -Errno.ESPIPE;
        long base;
        switch (whence) {
            case Fcntl.SEEK_SET -> base = 0;
            case Fcntl.SEEK_CUR -> base = offset;
            case Fcntl.SEEK_END -> base = node.size();
            default -> {
                return -Errno.EINVAL;
            }
        }
        long result = base + off;
        if (((base ^ result) & (off ^ result)) < 0) return -Errno.EOVERFLOW;
        // lseek(2): "EINVAL ... the resulting file pointer would be negative."
        if (result < 0) return -Errno.EINVAL;
        offset = result;
        return result;
    }

    @Override
    public Vnode vnode() {
        return node;
    }

    /**
     * getdents(2): ".", "..", then the names in name order; the offset counts entries. "EBADF fildes is not a valid
     * file descriptor open for reading", "ENOTDIR fildes is not a directory", "EINVAL nbytes is not large enough
     * for one directory entry". A removed directory has no entries left, not even "." and "..".
     */
    @Override
    public int getdents(Dirent[] buf) {
        if (references == 0 || (flags & O_ACCMODE) == O_WRONLY) return -Errno.EBADF;
        if (node.type() != FileMode.S_IFDIR) return -Errno.ENOTDIR;
        if (buf.length == 0) return -Errno.EINVAL;
        if (node instanceof ProcDirectory proc) {
            int[] count = new int[1];
            offset = proc.readdir(offset, buf, count);
            fs.kernel().charge(count[0] * Costs.DIRENT);
            return count[0];
        }
        Directory dir = (Directory) node;
        if (dir.removed()) return 0;
        int entry = offset == lastNameOffset ? dir.after(lastName) : (int) Math.min(Math.max(offset - 2, 0), dir.count());
        int n = 0;
        while (n < buf.length) {
            if (offset == 0) {
                buf[n++] = new Dirent(dir.ino(), ".", FileMode.S_IFDIR);
            } else if (offset == 1) {
                buf[n++] = new Dirent(dir.dotdot().ino(), "..", FileMode.S_IFDIR);
            } else if (entry < dir.count()) {
                MemNode child = dir.nodeAt(entry);
                lastName = dir.nameAt(entry++);
                buf[n++] = new Dirent(child.ino(), lastName, child.type());
            } else {
                break;
            }
            offset++;
        }
        if (n > 0 && offset > 2) lastNameOffset = offset;
        dir.atime = fs.seconds();
        fs.kernel().charge(n * Costs.DIRENT);
        return n;
    }

    /**
     * fcntl(2) F_GETLK, F_SETLK, F_SETLKW on a regular file, for the calling process. The range is made absolute
     * here: l_start counts from the start of the file, this entry's offset or the end of the file as l_whence says;
     * l_len 0 runs to the end of the file however it grows, a negative l_len covers the bytes before l_start.
     */
    @Override
    public int lock(int cmd, Flock[] lock) {
        if (references == 0) return -Errno.EBADF;
        if (cmd != Fcntl.F_GETLK && cmd != Fcntl.F_SETLK && cmd != Fcntl.F_SETLKW) return -Errno.EINVAL;
        // fcntl(2) EINVAL: "fildes refers to a file that does not support locking".
        if (!(node instanceof RegularFile file)) return -Errno.EINVAL;
        Flock l = lock[0];
        int type = l.type();
        if (type != Flock.F_RDLCK && type != Flock.F_WRLCK && (type != Flock.F_UNLCK || cmd == Fcntl.F_GETLK)) {
            return -Errno.EINVAL;
        }
        long base;
        switch (l.whence()) {
            case Fcntl.SEEK_SET -> base = 0;
            case Fcntl.SEEK_CUR -> base = offset;
            case Fcntl.SEEK_END -> base = file.size();
            default -> {
                return -Errno.EINVAL;
            }
        }
        long start = base + l.start();
        if (((base ^ start) & (l.start() ^ start)) < 0) return -Errno.EOVERFLOW;
        // fcntl(2): "Locks may start and extend beyond the current end of a file, but may not be negative relative to
        // the beginning of the file."
        if (start < 0) return -Errno.EINVAL;
        long end;
        if (l.len() > 0) {
            end = start + l.len();
            if (end < 0) return -Errno.EOVERFLOW;
        } else if (l.len() == 0) {
            end = LockRange.TO_EOF;
        } else {
            end = start;
            start += l.len();
            if (start < 0) return -Errno.EINVAL;
        }
        int owner = fs.kernel().pid();
        LockRange request = new LockRange(owner, type, start, end);
        int r;
        if (cmd == Fcntl.F_GETLK) {
            LockRange blocker = file.locks.blocker(request);
            lock[0] = blocker != null ? blocker.toFlock() : new Flock(Flock.F_UNLCK, l.whence(), l.start(), l.len(), l.pid());
            r = 0;
        } else {
            // fcntl(2) EBADF: a read lock on a descriptor not "open for reading", a write lock on one not "open for writing".
            int access = flags & O_ACCMODE;
            if (type == Flock.F_RDLCK && access == O_WRONLY || type == Flock.F_WRLCK && access == O_RDONLY) {
                return -Errno.EBADF;
            }
            r = fs.lockWaits().set(file.locks, request, cmd == Fcntl.F_SETLKW);
        }
        fs.kernel().charge(Costs.RECORD_LOCK);
        return r;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public void setFlags(int newFlags) {
        flags = (flags & ~SETTABLE) | (newFlags & SETTABLE);
    }

    @Override
    public Stat stat() {
        return fs.stat(node);
    }

    @Override
    public void hold() {
        if (references == 0) throw new IllegalStateException("hold on a closed file");
        references++;
    }

    @Override
    public void release() {
        if (references == 0) throw new IllegalStateException("release of a closed file");
        // Every release is a close by the calling process, and any close drops its locks on the file (fcntl(2)).
        if (node instanceof RegularFile file) fs.lockWaits().closed(file.locks, fs.kernel().pid());
        if (--references == 0) {
            fs.closed();
            node.rele();
            fs.kernel().charge(Costs.FILE_ENTRY);
        }
    }

    @Override
    public int references() {
        return references;
    }

    /**
     * mmap(2): regular files only; devices and directories give null (ENODEV). The access mode is the kernel's to
     * check (EACCES), so a file open only for writing still has pages. Each call is a new reference to release.
     */
    @Override
    public FilePages pages() {
        if (references == 0) throw new IllegalStateException("pages of a closed file");
        if (!(node instanceof RegularFile file)) return null;
        MappingReference ref = new MappingReference(fs, file);
        fs.kernel().charge(Costs.REFERENCE);
        return ref;
    }
}
