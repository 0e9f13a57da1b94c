package sprocket.ipc;

import java.util.function.IntSupplier;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.FileOps;
import sprocket.api.fs.OpenFile;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * An entry of the open file table as the kernel keeps one, over a pipe's end, a socket, or (with no object behind)
 * a regular file: the access mode and status flags, the references, close at the last release. Its calls return what
 * the system call returns, a failure's errno negated, so a test names the errno it expects.
 */
final class FakeEntry implements OpenFile {

    private final FileOps ops;
    private int flags;
    private int references = 1;

    FakeEntry(FileOps ops, int accessMode) {
        this.ops = ops;
        this.flags = accessMode;
    }

    /** An open regular file, for passing with SCM_RIGHTS: it counts its references and nothing else. */
    static FakeEntry file() {
        return new FakeEntry(null, Fcntl.O_RDONLY);
    }

    /** The call's value, or the negated errno it failed with. */
    static int call(IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    int read(byte[] buf, int off, int len) {
        if (references == 0 || (flags & Fcntl.O_ACCMODE) == Fcntl.O_WRONLY) return -Errno.EBADF;
        return call(() -> ops.read(buf, off, len, flags));
    }

    int write(byte[] buf, int off, int len) {
        if (references == 0 || (flags & Fcntl.O_ACCMODE) == Fcntl.O_RDONLY) return -Errno.EBADF;
        return call(() -> ops.write(buf, off, len, flags));
    }

    int flags() {
        return flags;
    }

    /** F_SETFL: O_APPEND and O_NONBLOCK change; the access mode stays. */
    void setFlags(int newFlags) {
        int settable = Fcntl.O_APPEND | Fcntl.O_NONBLOCK;
        flags = (flags & ~settable) | (newFlags & settable);
    }

    Stat stat() {
        return ops != null ? ops.stat() : new Stat(1, 1, FileMode.S_IFREG | 0644, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public FileOps ops() {
        return ops;
    }

    @Override
    public void hold() {
        if (references == 0) throw new IllegalStateException("held after its last release");
        references++;
    }

    @Override
    public void release() {
        if (references == 0) throw new IllegalStateException("released more often than held");
        if (--references > 0) {
            if (ops != null) ops.released();
        } else if (ops != null) {
            ops.close();
        }
    }

    @Override
    public int references() {
        return references;
    }
}
