package sprocket.ipc;

import sprocket.api.Errno;
import sprocket.api.fs.OpenFile;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/** An open regular file of a few bytes, for passing with SCM_RIGHTS: it counts its references and nothing else. */
final class FakeFile implements OpenFile {

    private final byte[] contents;
    private long offset;
    private int references = 1;

    FakeFile(byte[] contents) {
        this.contents = contents;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        if (references == 0) return -Errno.EBADF;
        int n = (int) Math.min(len, contents.length - offset);
        System.arraycopy(contents, (int) offset, buf, off, n);
        offset += n;
        return n;
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        return -Errno.EBADF;
    }

    @Override
    public long lseek(long to, int whence) {
        // Enough for these tests: absolute positions only.
        if (whence != Fcntl.SEEK_SET || to < 0) return -Errno.EINVAL;
        return offset = to;
    }

    @Override
    public int flags() {
        return Fcntl.O_RDONLY;
    }

    @Override
    public void setFlags(int flags) {
    }

    @Override
    public Stat stat() {
        return new Stat(1, 1, FileMode.S_IFREG | 0644, 1, 0, 0, 0, contents.length, 0, 0, 0);
    }

    @Override
    public void hold() {
        if (references == 0) throw new IllegalStateException("held after its last release");
        references++;
    }

    @Override
    public void release() {
        if (references == 0) throw new IllegalStateException("released more often than held");
        references--;
    }

    @Override
    public int references() {
        return references;
    }
}
