package sprocket.fs.memfs;

import java.util.Arrays;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * A regular file: its bytes in pages of {@link #PAGE} bytes, reached through a two-level table as UFS reaches blocks
 * through indirect blocks, and taken from its file system's size only when first written, so a file with holes holds
 * only what was written (a hole reads as zeros). Files end at {@link #MAX_SIZE}, a 32-bit off_t's reach: a write at
 * or past it fails with EFBIG.
 */
final class RegularFile extends MemNode {

    /** Bytes in one page of file data. */
    static final int PAGE = 4096;
    /** The largest file (SVR4's MAXOFF_T for a 32-bit off_t): write(2) "EFBIG ... exceeds ... the maximum file size". */
    static final long MAX_SIZE = Integer.MAX_VALUE;
    /** Pages one second-level table maps. */
    private static final int LEAF = 1024;
    private static final byte[][][] NONE = new byte[0][][];

    /** The page tables: {@code pages[p / LEAF][p % LEAF]} holds page p, or null for a hole. */
    private byte[][][] pages = NONE;
    /** Pages that hold data, each counted against the file system's size. */
    private long held;
    private long size;

    RegularFile(MemFs fs, long ino, int mode, int uid, int gid) {
        super(fs, ino, FileMode.S_IFREG | (mode & ~FileMode.S_IFMT), uid, gid);
    }

    @Override
    long blocks() {
        return held * (PAGE / Stat.BLOCK);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long offset, byte[] buf, int off, int len) {
        atime = fs.seconds();
        if (offset >= size) return 0;
        int n = (int) Math.min(len, size - offset);
        copyOut(offset, buf, off, n);
        return n;
    }

    @Override
    public int write(long offset, byte[] buf, int off, int len) {
        if (len == 0) return 0;
        // write(2): "EFBIG An attempt was made to write a file that exceeds the ... maximum file size"; a write that
        // starts below it writes up to it.
        if (offset >= MAX_SIZE) throw ErrnoException.of(Errno.EFBIG);
        int n = (int) Math.min(len, MAX_SIZE - offset);
        int done = copyIn(offset, buf, off, n);
        // write(2): "ENOSPC During a write to an ordinary file, there is no free space left on the device"; a write
        // that fitted in part returns what it wrote.
        if (done == 0) throw ErrnoException.of(Errno.ENOSPC);
        if (offset + done > size) size = offset + done;
        long now = fs.seconds();
        mtime = now;
        ctime = now;
        return done;
    }

    /**
     * A page fault on a mapping: the page gets the file's bytes from {@code offset}, zeros past the end (mmap(2):
     * "the system shall always zero-fill any partial page at the end of an object"); the reference marks st_atime.
     */
    @Override
    public int readPage(long offset, byte[] page) {
        atime = fs.seconds();
        int n = offset >= size ? 0 : (int) Math.min(page.length, size - offset);
        copyOut(offset, page, 0, n);
        Arrays.fill(page, n, page.length, (byte) 0);
        return n;
    }

    /**
     * A mapped page written back: only the part before the current end reaches the file, since a mapping cannot
     * extend it (mmap(2): "the system shall never write out any modified portions of the last page of an object which
     * are beyond its end"). A hole it fills takes a page; what finds none left is lost, as on a full tmpfs.
     */
    @Override
    public int writePage(long offset, byte[] page, int len) {
        int n = offset >= size ? 0 : (int) Math.min(len, size - offset);
        if (n == 0) return 0;
        int done = copyIn(offset, page, 0, n);
        if (done > 0) {
            long now = fs.seconds();
            mtime = now;
            ctime = now;
        }
        return done;
    }

    /** O_TRUNC (and install): the file becomes {@code length} bytes; pages past it go, the tail of the last is zeroed. */
    @Override
    public void truncate(long length) {
        if (length < 0 || length > MAX_SIZE) throw ErrnoException.of(Errno.EINVAL);
        if (length < size) {
            dropFrom((length + PAGE - 1) / PAGE);
            byte[] tail = length % PAGE == 0 ? null : page(length / PAGE);
            if (tail != null) Arrays.fill(tail, (int) (length % PAGE), PAGE, (byte) 0);
        }
        size = length;
        long now = fs.seconds();
        mtime = now;
        ctime = now;
    }

    /** No name and no reference left: the pages go back to the file system. */
    @Override
    public void inactive() {
        fs.givePages(held);
        held = 0;
        pages = NONE;
        size = 0;
    }

    /** Copies {@code n} file bytes from {@code offset} out, holes as zeros. */
    private void copyOut(long offset, byte[] buf, int off, int n) {
        int done = 0;
        while (done < n) {
            long at = offset + done;
            int in = (int) (at % PAGE);
            int chunk = Math.min(n - done, PAGE - in);
            byte[] p = page(at / PAGE);
            if (p == null) {
                Arrays.fill(buf, off + done, off + done + chunk, (byte) 0);
            } else {
                System.arraycopy(p, in, buf, off + done, chunk);
            }
            done += chunk;
        }
    }

    /** Copies {@code n} bytes in at {@code offset}, taking pages for holes; returns the bytes that found room. */
    private int copyIn(long offset, byte[] buf, int off, int n) {
        int done = 0;
        while (done < n) {
            long at = offset + done;
            int in = (int) (at % PAGE);
            int chunk = Math.min(n - done, PAGE - in);
            byte[] p = page(at / PAGE);
            if (p == null) {
                if (!fs.takePage()) break;
                p = new byte[PAGE];
                held++;
                put(at / PAGE, p);
            }
            System.arraycopy(buf, off + done, p, in, chunk);
            done += chunk;
        }
        return done;
    }

    /** Page {@code p}, or null for a hole. */
    private byte[] page(long p) {
        int top = (int) (p / LEAF);
        int i = (int) (p % LEAF);
        if (top >= pages.length || pages[top] == null || i >= pages[top].length) return null;
        return pages[top][i];
    }

    private void put(long p, byte[] page) {
        int top = (int) (p / LEAF);
        if (top >= pages.length) pages = Arrays.copyOf(pages, top + 1);
        int i = (int) (p % LEAF);
        byte[][] leaf = pages[top];
        // A table grows to what it maps, doubling: the one-page files of /bin take a slot each, not 1,024.
        int slots = Math.min(LEAF, Math.max(1, Integer.highestOneBit(i) << 1));
        if (leaf == null) leaf = pages[top] = new byte[slots][];
        else if (i >= leaf.length) leaf = pages[top] = Arrays.copyOf(leaf, slots);
        leaf[i] = page;
    }

    /** Every page from page {@code first} on goes back to the file system. */
    private void dropFrom(long first) {
        for (int top = (int) (first / LEAF); top < pages.length; top++) {
            byte[][] leaf = pages[top];
            if (leaf == null) continue;
            for (int i = top == first / LEAF ? (int) (first % LEAF) : 0; i < leaf.length; i++) {
                if (leaf[i] == null) continue;
                leaf[i] = null;
                held--;
                fs.givePages(1);
            }
        }
    }
}
