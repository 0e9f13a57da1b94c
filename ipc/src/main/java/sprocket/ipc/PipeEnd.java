package sprocket.ipc;

import static sprocket.api.Errno.EBADF;
import static sprocket.api.Errno.EFAULT;
import static sprocket.api.Errno.ESPIPE;

import sprocket.api.fs.OpenFile;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Stat;

/** One end of a pipe as an entry of the system open file table: its status flags and its descriptor count. */
final class PipeEnd implements OpenFile {

    /** The status flags F_SETFL may change; the access mode stays. */
    private static final int SETTABLE = Fcntl.O_APPEND | Fcntl.O_NONBLOCK;

    private final Pipe pipe;
    private final boolean reading;
    private int flags;
    /** pipe(2) returns each end held by one descriptor. */
    private int references = 1;

    PipeEnd(Pipe pipe, int accessMode) {
        this.pipe = pipe;
        this.reading = accessMode == Fcntl.O_RDONLY;
        this.flags = accessMode;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        // read(2): EBADF, "fildes is not a valid file descriptor open for reading".
        if (!reading || references == 0) return -EBADF;
        if (outside(buf, off, len)) return -EFAULT;
        return pipe.read(this, buf, off, len);
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        if (reading || references == 0) return -EBADF;
        if (outside(buf, off, len)) return -EFAULT;
        return pipe.write(this, buf, off, len);
    }

    @Override
    public long lseek(long offset, int whence) {
        // lseek(2): ESPIPE, "fildes is associated with a pipe or fifo".
        return -ESPIPE;
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
        return pipe.stat();
    }

    @Override
    public void hold() {
        if (references == 0) throw new IllegalStateException(this + " is closed: nothing to hold");
        references++;
    }

    @Override
    public void release() {
        if (references == 0) throw new IllegalStateException(this + " released more often than held");
        if (--references == 0) pipe.endClosed(reading);
    }

    @Override
    public int references() {
        return references;
    }

    boolean nonblocking() {
        return (flags & Fcntl.O_NONBLOCK) != 0;
    }

    @Override
    public String toString() {
        return pipe + (reading ? ".r" : ".w");
    }

    /** The kernel copied the caller's buffer in; a range outside it is a bad address. */
    private static boolean outside(byte[] buf, int off, int len) {
        return buf == null || off < 0 || len < 0 || off > buf.length - len;
    }
}
