package sprocket.fs;

import java.util.Arrays;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

/** A regular file: its bytes in a growable array; a hole left by writing past the end reads as zeros. */
final class RegularFile extends MemNode {

    private static final byte[] EMPTY = new byte[0];
    /** The largest array the JVM reliably allocates; past it write(2) says EFBIG. */
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private byte[] data = EMPTY;
    private int size;

    RegularFile(long ino, int perm, int uid, int gid, long now) {
        super(ino, FileMode.S_IFREG | perm, uid, gid, now);
    }

    @Override
    long size() {
        return size;
    }

    @Override
    int read(long offset, byte[] buf, int off, int len, long now) {
        atime = now;
        if (offset >= size) return 0;
        int n = (int) Math.min(len, size - offset);
        System.arraycopy(data, (int) offset, buf, off, n);
        return n;
    }

    @Override
    int write(long offset, byte[] buf, int off, int len, long now) {
        if (len == 0) return 0;
        if (offset > MAX_SIZE - len) return -Errno.EFBIG;
        int end = (int) offset + len;
        if (end > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(MAX_SIZE, Math.max(end, 2L * data.length)));
        }
        // Bytes past the old end may hold what a truncation left behind; the hole must read as zeros.
        if (offset > size) Arrays.fill(data, size, (int) offset, (byte) 0);
        System.arraycopy(buf, off, data, (int) offset, len);
        if (end > size) size = end;
        mtime = now;
        ctime = now;
        return len;
    }

    @Override
    void truncate(long now) {
        data = EMPTY;
        size = 0;
        mtime = now;
        ctime = now;
    }

    /** install: the contents become a copy of {@code contents}. */
    void replace(byte[] contents, long now) {
        data = contents.clone();
        size = data.length;
        mtime = now;
        ctime = now;
    }

    @Override
    void inactive() {
        data = EMPTY;
        size = 0;
    }
}
