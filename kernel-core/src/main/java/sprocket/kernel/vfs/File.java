package sprocket.kernel.vfs;

import static sprocket.api.sys.Fcntl.O_ACCMODE;
import static sprocket.api.sys.Fcntl.O_APPEND;
import static sprocket.api.sys.Fcntl.O_NDELAY;
import static sprocket.api.sys.Fcntl.O_NONBLOCK;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_SYNC;
import static sprocket.api.sys.Fcntl.O_WRONLY;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.Signals;
import sprocket.api.fs.DirContext;
import sprocket.api.fs.FileOps;
import sprocket.api.fs.FilePages;
import sprocket.api.fs.OpenFile;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Stat;
import sprocket.kernel.dev.CharDriver;
import sprocket.kernel.dev.Cdevsw;

/**
 * An entry of the system open file table (4.4BSD's struct file, SVR4's file_t): the access mode and status flags, the
 * offset every descriptor referring to it shares (dup, fork), its reference count, and the object behind it: a file
 * of a file system (a vnode, with a device's driver for a character special file), or a pipe's end or a socket
 * ({@link FileOps}). Written once, here; the objects behind only do the operations.
 */
public final class File implements OpenFile {

    /** The flags open(2) keeps: the access mode and the status flags; O_CREAT, O_EXCL, O_TRUNC act once. */
    static final int KEPT = O_ACCMODE | O_APPEND | O_NONBLOCK | O_NDELAY | O_SYNC;
    /** fcntl(2) F_SETFL: the status flags it may change; the access mode stays. */
    private static final int SETTABLE = O_APPEND | O_NONBLOCK;

    private final FileTable table;
    /** The file, held by this entry; null for a pipe's end or a socket. */
    private final Vnode vnode;
    private final FileOps ops;
    /** A character special file's driver (cdevsw), and its minor number. */
    private final CharDriver driver;
    private final int minor;
    private int flags;
    private long offset;
    private int count = 1;
    /** What the file system keeps for getdents(2) on this open directory. */
    private Object dirCursor;

    File(FileTable table, Vnode vnode, FileOps ops, CharDriver driver, int flags) {
        this.table = table;
        this.vnode = vnode;
        this.ops = ops;
        this.driver = driver;
        this.minor = driver == null ? 0 : Cdevsw.minor(vnode.inode.getattr(0).rdev());
        this.flags = flags & KEPT;
    }

    /** The file behind the entry, or null for a pipe's end or a socket. */
    public Vnode vnode() {
        return vnode;
    }

    @Override
    public FileOps ops() {
        return ops;
    }

    private boolean nonblocking() {
        return (flags & (O_NONBLOCK | O_NDELAY)) != 0;
    }

    /** read(2): EBADF unless open for reading. The caller's copy service charges for the bytes moved. */
    public int read(byte[] buf, int off, int len) {
        if (count == 0 || (flags & O_ACCMODE) == O_WRONLY) throw ErrnoException.of(Errno.EBADF);
        if (len < 0) throw ErrnoException.of(Errno.EINVAL);
        if (ops != null) return ops.read(buf, off, len, flags);
        int n;
        switch (vnode.type()) {
            case FileMode.S_IFIFO -> {
                return vnode.fifo.read(buf, off, len, nonblocking());
            }
            case FileMode.S_IFCHR -> n = driver.read(minor, buf, off, len, flags);
            default -> n = vnode.inode.read(offset, buf, off, len);
        }
        if (n > 0) offset += n;
        return n;
    }

    /** write(2): EBADF unless open for writing; O_APPEND writes at the end; RLIMIT_FSIZE bounds a regular file. */
    public int write(byte[] buf, int off, int len) {
        if (count == 0 || (flags & O_ACCMODE) == O_RDONLY) throw ErrnoException.of(Errno.EBADF);
        if (len < 0) throw ErrnoException.of(Errno.EINVAL);
        if (ops != null) return ops.write(buf, off, len, flags);
        int type = vnode.type();
        if (type == FileMode.S_IFIFO) return vnode.fifo.write(buf, off, len, nonblocking());
        // open(2): "If O_APPEND is set, the file pointer will be set to the end of the file prior to each write."
        if ((flags & O_APPEND) != 0) offset = vnode.inode.size();
        int n;
        if (type == FileMode.S_IFCHR) {
            n = driver.write(minor, buf, off, len, flags);
        } else {
            if (len > 0 && type == FileMode.S_IFREG) len = underFileSizeLimit(len);
            n = vnode.inode.write(offset, buf, off, len);
        }
        if (n > 0) offset += n;
        return n;
    }

    /**
     * RLIMIT_FSIZE. write(2): "suppose there is space for 20 bytes more in a file before reaching a limit. A write of
     * 512 bytes returns 20. The next write of a non-zero number of bytes gives a failure return"; getrlimit(2): "If a
     * write ... would cause this limit to be exceeded, SIGXFSZ is sent to the process". Returns the bytes to write.
     */
    private int underFileSizeLimit(int len) {
        long limit = table.kernel.fileSizeLimit();
        if (offset >= limit) {
            table.kernel.signal(table.kernel.pid(), Signals.SIGXFSZ);
            throw ErrnoException.of(Errno.EFBIG);
        }
        return (int) Math.min(len, limit - offset);
    }

    /** lseek(2): ESPIPE on pipes, FIFOs, sockets and terminals. */
    public long lseek(long off, int whence) {
        if (count == 0) throw ErrnoException.of(Errno.EBADF);
        if (ops != null || vnode.type() == FileMode.S_IFIFO || driver != null && driver.terminal(minor)) {
            throw ErrnoException.of(Errno.ESPIPE);
        }
        long base;
        switch (whence) {
            case Fcntl.SEEK_SET -> base = 0;
            case Fcntl.SEEK_CUR -> base = offset;
            case Fcntl.SEEK_END -> base = vnode.inode.size();
            default -> throw ErrnoException.of(Errno.EINVAL);
        }
        long result = base + off;
        if (((base ^ result) & (off ^ result)) < 0) throw ErrnoException.of(Errno.EOVERFLOW);
        // lseek(2): "EINVAL ... the resulting file pointer would be negative."
        if (result < 0) throw ErrnoException.of(Errno.EINVAL);
        offset = result;
        return result;
    }

    /**
     * getdents(2): ".", "..", then the file system's names from this entry's offset, which it advances. "EBADF fildes
     * is not a valid file descriptor open for reading", "ENOTDIR fildes is not a directory", "EINVAL nbytes is not
     * large enough for one directory entry". A removed directory has no entries left, not even "." and "..".
     */
    public int getdents(Dirent[] buf) {
        if (ops != null || vnode.type() == FileMode.S_IFIFO) throw ErrnoException.of(Errno.ENOTDIR);
        if (count == 0 || (flags & O_ACCMODE) == O_WRONLY) throw ErrnoException.of(Errno.EBADF);
        if (!vnode.isDirectory()) throw ErrnoException.of(Errno.ENOTDIR);
        if (buf.length == 0) throw ErrnoException.of(Errno.EINVAL);
        if (vnode.inode.nlink() == 0) return 0;
        Listing listing = new Listing(buf);
        if (offset == 0) listing.emit(vnode.ino(), ".", FileMode.S_IFDIR, 1);
        if (offset == 1) listing.emit(Namei.dotdot(vnode).ino(), "..", FileMode.S_IFDIR, 2);
        vnode.inode.readdir(listing);
        table.charge(listing.n * VfsCosts.DIRENT);
        return listing.n;
    }

    /** One getdents(2) call's buffer, and this entry's offset and cursor, as the file system fills them. */
    private final class Listing implements DirContext {
        private final Dirent[] buf;
        int n;

        Listing(Dirent[] buf) {
            this.buf = buf;
        }

        @Override
        public long offset() {
            return offset;
        }

        @Override
        public boolean emit(long ino, String name, int type, long next) {
            if (n == buf.length) return false;
            buf[n++] = new Dirent(ino, name, type);
            offset = next;
            return true;
        }

        @Override
        public Object cursor() {
            return dirCursor;
        }

        @Override
        public void cursor(Object state) {
            dirCursor = state;
        }
    }

    /**
     * fcntl(2) F_GETLK, F_SETLK, F_SETLKW on a regular file, for the process {@code pid}. The range is made absolute
     * here: l_start counts from the start of the file, this entry's offset or the end of the file as l_whence says;
     * l_len 0 runs to the end of the file however it grows, a negative l_len covers the bytes before l_start.
     */
    public void lock(int cmd, Flock[] lock, int pid) {
        if (count == 0) throw ErrnoException.of(Errno.EBADF);
        if (cmd != Fcntl.F_GETLK && cmd != Fcntl.F_SETLK && cmd != Fcntl.F_SETLKW) throw ErrnoException.of(Errno.EINVAL);
        // fcntl(2) EINVAL: "fildes refers to a file that does not support locking".
        if (ops != null || vnode.type() != FileMode.S_IFREG) throw ErrnoException.of(Errno.EINVAL);
        Flock l = lock[0];
        int type = l.type();
        if (type != Flock.F_RDLCK && type != Flock.F_WRLCK && (type != Flock.F_UNLCK || cmd == Fcntl.F_GETLK)) {
            throw ErrnoException.of(Errno.EINVAL);
        }
        long base;
        switch (l.whence()) {
            case Fcntl.SEEK_SET -> base = 0;
            case Fcntl.SEEK_CUR -> base = offset;
            case Fcntl.SEEK_END -> base = vnode.inode.size();
            default -> throw ErrnoException.of(Errno.EINVAL);
        }
        long start = base + l.start();
        if (((base ^ start) & (l.start() ^ start)) < 0) throw ErrnoException.of(Errno.EOVERFLOW);
        // fcntl(2): "Locks may start and extend beyond the current end of a file, but may not be negative relative to
        // the beginning of the file."
        if (start < 0) throw ErrnoException.of(Errno.EINVAL);
        long end;
        if (l.len() > 0) {
            end = start + l.len();
            if (end < 0) throw ErrnoException.of(Errno.EOVERFLOW);
        } else if (l.len() == 0) {
            end = LockRange.TO_EOF;
        } else {
            end = start;
            start += l.len();
            if (start < 0) throw ErrnoException.of(Errno.EINVAL);
        }
        if (vnode.locks == null) vnode.locks = new RecordLocks();
        LockRange request = new LockRange(pid, type, start, end);
        if (cmd == Fcntl.F_GETLK) {
            LockRange blocker = vnode.locks.blocker(request);
            lock[0] = blocker != null ? blocker.toFlock() : new Flock(Flock.F_UNLCK, l.whence(), l.start(), l.len(), l.pid());
            table.charge(VfsCosts.RECORD_LOCK);
            return;
        }
        // fcntl(2) EBADF: a read lock on a descriptor not "open for reading", a write lock on one not "open for writing".
        int access = flags & O_ACCMODE;
        if (type == Flock.F_RDLCK && access == O_WRONLY || type == Flock.F_WRLCK && access == O_RDONLY) {
            throw ErrnoException.of(Errno.EBADF);
        }
        try {
            table.lockWaits.set(vnode.locks, request, cmd == Fcntl.F_SETLKW);
        } finally {
            table.charge(VfsCosts.RECORD_LOCK);
        }
    }

    /**
     * ioctl(2): a device's control request, for its driver; ENOTTY for anything that is not a character device
     * ("fildes is not associated with a character special device that accepts control functions").
     */
    public int ioctl(int cmd, Object arg) {
        if (count == 0) throw ErrnoException.of(Errno.EBADF);
        if (driver == null) throw ErrnoException.of(Errno.ENOTTY);
        return driver.ioctl(minor, cmd, arg, flags);
    }

    /** F_GETFL: the access mode and status flags. */
    public int flags() {
        return flags;
    }

    /** F_SETFL: changes O_APPEND and O_NONBLOCK; the access mode stays. */
    public void setFlags(int newFlags) {
        flags = (flags & ~SETTABLE) | (newFlags & SETTABLE);
    }

    /** fstat(2). */
    public Stat stat() {
        return ops != null ? ops.stat() : vnode.stat();
    }

    /**
     * mmap(2): a regular file's pages, a new reference to release; null for anything else (ENODEV). The access mode
     * is the caller's to check (EACCES), so a file open only for writing still has pages.
     */
    public FilePages pages() {
        if (count == 0) throw new IllegalStateException("pages of a closed file");
        if (ops != null || vnode.type() != FileMode.S_IFREG) return null;
        MappedFile m = new MappedFile(vnode.hold(), table);
        table.charge(VfsCosts.REFERENCE);
        return m;
    }

    @Override
    public void hold() {
        if (count == 0) throw new IllegalStateException("hold on a closed file");
        count++;
    }

    /**
     * A descriptor referring to the entry was closed (or a message carrying it discarded), by the calling process: any
     * close drops that process's record locks on the file (fcntl(2)); the last closes the file (closef).
     */
    @Override
    public void release() {
        if (count == 0) throw new IllegalStateException("release of a closed file");
        if (vnode != null && vnode.locks != null) table.lockWaits.closed(vnode.locks, table.kernel.pid());
        if (--count > 0) {
            if (ops != null) ops.released();
            return;
        }
        table.free();
        if (ops != null) {
            ops.close();
            return;
        }
        if (vnode.type() == FileMode.S_IFIFO) {
            int access = flags & O_ACCMODE;
            vnode.fifo.leave(access != O_WRONLY, access != O_RDONLY);
        }
        if (driver != null) driver.close(minor);
        vnode.rele();
        table.charge(VfsCosts.FILE_ENTRY);
    }

    /** An open that failed after its entry was taken: the entry and its reference go, with no close of the object. */
    void abandon() {
        count = 0;
        table.free();
        if (vnode != null) vnode.rele();
    }

    @Override
    public int references() {
        return count;
    }
}
