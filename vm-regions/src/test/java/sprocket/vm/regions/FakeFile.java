package sprocket.vm.regions;

import java.util.Arrays;
import sprocket.api.fs.FilePages;
import sprocket.api.fs.Inode;
import sprocket.api.sys.Stat;

/**
 * A regular file over a byte array, as mmap(2) reaches it: each {@link #reference()} is one {@link FilePages}
 * reference (what one mmap hands over), and the file counts the page reads, writes and releases done through them.
 * Words are big-endian, like the fake physical memory.
 */
final class FakeFile implements Inode {
    private final long ino;
    byte[] data;
    int reads;
    int writes;
    int references;
    int releases;

    FakeFile(long ino, int size) {
        this.ino = ino;
        this.data = new byte[size];
    }

    /** A new reference, as the kernel hands one to mmap(2). */
    FilePages reference() {
        references++;
        return new Reference();
    }

    /** References handed out and not released. */
    int held() {
        return references - releases;
    }

    int word(long offset) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (data[(int) offset + i] & 0xFF);
        }
        return v;
    }

    void setWord(long offset, int value) {
        for (int i = 3; i >= 0; i--) {
            data[(int) offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    /** truncate(2) or growth by write(2): new bytes are zeros. */
    void resize(int size) {
        data = Arrays.copyOf(data, size);
    }

    @Override
    public long ino() {
        return ino;
    }

    @Override
    public int mode() {
        return 0100644;
    }

    @Override
    public int uid() {
        return 0;
    }

    @Override
    public int gid() {
        return 0;
    }

    @Override
    public int nlink() {
        return 1;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public Stat getattr(int dev) {
        return new Stat(dev, ino, mode(), 1, 0, 0, 0, data.length, 0, 0, 0);
    }

    @Override
    public void chmod(int perm) {
        throw new UnsupportedOperationException("the memory manager never changes a file's mode");
    }

    @Override
    public void chown(int uid, int gid) {
        throw new UnsupportedOperationException("the memory manager never changes a file's owner");
    }

    private final class Reference implements FilePages {
        private boolean released;

        @Override
        public Inode inode() {
            return FakeFile.this;
        }

        @Override
        public long size() {
            live();
            return data.length;
        }

        @Override
        public int read(long offset, byte[] page) {
            live();
            reads++;
            Arrays.fill(page, (byte) 0);
            int n = (int) Math.max(0, Math.min(page.length, data.length - offset));
            if (n > 0) {
                System.arraycopy(data, (int) offset, page, 0, n);
            }
            return n;
        }

        @Override
        public int write(long offset, byte[] page, int len) {
            live();
            writes++;
            int n = (int) Math.max(0, Math.min(len, data.length - offset));
            if (n > 0) {
                System.arraycopy(page, 0, data, (int) offset, n);
            }
            return n;
        }

        @Override
        public void release() {
            live();
            released = true;
            releases++;
        }

        private void live() {
            if (released) {
                throw new IllegalStateException("file reference used after release");
            }
        }
    }
}
