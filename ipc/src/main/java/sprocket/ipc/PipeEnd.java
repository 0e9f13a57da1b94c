package sprocket.ipc;

import sprocket.api.fs.FileOps;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Stat;

/**
 * One end of a pipe, the object behind an open file: the kernel keeps the entry (its access mode, O_RDONLY for the
 * read end and O_WRONLY for the write end, its status flags and its references) and calls here once it checked the
 * access mode.
 */
final class PipeEnd implements FileOps {

    private final Pipe pipe;
    private final boolean reading;
    private boolean closed;

    PipeEnd(Pipe pipe, int accessMode) {
        this.pipe = pipe;
        this.reading = accessMode == Fcntl.O_RDONLY;
    }

    @Override
    public int read(byte[] buf, int off, int len, int fflags) {
        if (!reading) throw new IllegalStateException(this + " read through its write end");
        return pipe.read(buf, off, len, nonblocking(fflags));
    }

    @Override
    public int write(byte[] buf, int off, int len, int fflags) {
        if (reading) throw new IllegalStateException(this + " written through its read end");
        return pipe.write(buf, off, len, nonblocking(fflags));
    }

    @Override
    public Stat stat() {
        return pipe.stat();
    }

    @Override
    public void close() {
        if (closed) throw new IllegalStateException(this + " closed twice");
        closed = true;
        pipe.endClosed(reading);
    }

    private static boolean nonblocking(int fflags) {
        return (fflags & Fcntl.O_NONBLOCK) != 0;
    }

    @Override
    public String toString() {
        return pipe + (reading ? ".r" : ".w");
    }
}
