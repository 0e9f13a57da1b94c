package sprocket.fs;

import java.util.Arrays;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

/** A regular file: its bytes in a growable array; a hole left by writing past the end reads as zeros. */
final class RegularFile extends MemNode {

    private static final byte[] EMPTY = new byte[0];
    /** The largest array the JVM reliably allocates; past it write(2) says EFBIG. */
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    /** fcntl(2) record locks on the file. */
    final RecordLocks locks = new RecordLocks();
    private byte[] data = EMPTY;
    private int size;

    RegularFile(Vfs vfs, long ino, int perm, int uid, int gid, long now) {
        super(vfs, ino, FileMode.S_IFREG | perm, uid, gid, now);
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

    /**
     * A page fault on a mapping: the page gets the file's bytes from {@code offset}, zeros past the end (mmap(2):
     * "the system shall always zero-fill any partial page at the end of an object"); the first reference marks
     * st_atime. Returns the number of file bytes in the page.
     */
    int readPage(long offset, byte[] page, long now) {
        atime = now;
        int n = offset >= size ? 0 : (int) Math.min(page.length, size - offset);
        if (n > 0) System.arraycopy(data, (int) offset, page, 0, n);
        Arrays.fill(page, n, page.length, (byte) 0);
        return n;
    }

    /**
     * A mapped page written back: only the part before the current end reaches the file, since a mapping cannot
     * extend it (mmap(2): "the system shall never write out any modified portions of the last page of an object
     * which are beyond its end"). Returns the bytes written.
     */
    int writePage(long offset, byte[] page, int len, long now) {
        int n = offset >= size ? 0 : (int) Math.min(len, size - offset);
        if (n == 0) return 0;
        System.arraycopy(page, 0, data, (int) offset, n);
        mtime = now;
        ctime = now;
        return n;
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
