package sprocket.fs;

import static sprocket.api.sys.Fcntl.O_ACCMODE;
import static sprocket.api.sys.Fcntl.O_APPEND;
import static sprocket.api.sys.Fcntl.O_NDELAY;
import static sprocket.api.sys.Fcntl.O_NONBLOCK;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_WRONLY;

import sprocket.api.Errno;
import sprocket.api.fs.OpenFile;
import sprocket.api.fs.Vnode;
import sprocket.api.sys.Stat;

/**
 * An entry of the system open file table for an open FIFO: its own access mode and status flags over the FIFO's
 * pipe, whose ends the {@link Fifo} holds. fstat(2) shows the FIFO's node; the last close leaves the FIFO.
 */
final class FifoEnd implements OpenFile {

    /** fcntl(2) F_SETFL: the status flags it may change. */
    private static final int SETTABLE = O_APPEND | O_NONBLOCK;

    private final MemFs fs;
    private final Fifo fifo;
    private int flags;
    private int references = 1;

    FifoEnd(MemFs fs, Fifo fifo, int flags) {
        this.fs = fs;
        this.fifo = fifo;
        this.flags = flags & FileEntry.KEPT;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        if (references == 0 || (flags & O_ACCMODE) == O_WRONLY) return -Errno.EBADF;
        return fifo.read(buf, off, len, nonblocking());
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        if (references == 0 || (flags & O_ACCMODE) == O_RDONLY) return -Errno.EBADF;
        return fifo.write(buf, off, len, nonblocking());
    }

    private boolean nonblocking() {
        return (flags & (O_NONBLOCK | O_NDELAY)) != 0;
    }

    /** lseek(2): "ESPIPE fildes is associated with a pipe or fifo." */
    @Override
    public long lseek(long offset, int whence) {
        return references == 0 ? -Errno.EBADF : -Errno.ESPIPE;
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
        return fs.stat(fifo);
    }

    @Override
    public Vnode vnode() {
        return fifo;
    }

    @Override
    public void hold() {
        if (references == 0) throw new IllegalStateException("hold on a closed FIFO");
        references++;
    }

    @Override
    public void release() {
        if (references == 0) throw new IllegalStateException("release of a closed FIFO");
        if (--references == 0) {
            int access = flags & O_ACCMODE;
            fifo.leave(access != O_WRONLY, access != O_RDONLY);
            fs.closed();
            fifo.rele();
            fs.kernel().charge(Costs.FILE_ENTRY);
        }
    }

    @Override
    public int references() {
        return references;
    }
}
