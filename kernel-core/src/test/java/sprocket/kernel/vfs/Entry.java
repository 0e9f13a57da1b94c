package sprocket.kernel.vfs;

import sprocket.api.ErrnoException;
import sprocket.api.fs.FilePages;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Stat;

/**
 * An open file as a test reads it: the kernel's {@link File}, whose calls here return what the system call returns,
 * a failure's errno negated, so an assertion names the errno it expects.
 */
final class Entry {

    final File file;
    private final FakeKernel kernel;

    Entry(File file, FakeKernel kernel) {
        this.file = file;
        this.kernel = kernel;
    }

    int read(byte[] buf, int off, int len) {
        try {
            return file.read(buf, off, len);
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    int write(byte[] buf, int off, int len) {
        try {
            return file.write(buf, off, len);
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    long lseek(long offset, int whence) {
        try {
            return file.lseek(offset, whence);
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    int getdents(Dirent[] buf) {
        try {
            return file.getdents(buf);
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    /** fcntl(2) record locking for the calling process (the fake kernel's pid). */
    int lock(int cmd, Flock[] lock) {
        try {
            file.lock(cmd, lock, kernel.pid);
            return 0;
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    int flags() {
        return file.flags();
    }

    void setFlags(int flags) {
        file.setFlags(flags);
    }

    Stat stat() {
        return file.stat();
    }

    Vnode vnode() {
        return file.vnode();
    }

    FilePages pages() {
        return file.pages();
    }

    void hold() {
        file.hold();
    }

    void release() {
        file.release();
    }

    int references() {
        return file.references();
    }
}
