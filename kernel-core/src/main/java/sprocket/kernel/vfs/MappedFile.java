package sprocket.kernel.vfs;

import sprocket.api.fs.FilePages;
import sprocket.api.fs.Inode;

/**
 * One mapping's reference to a regular file (SVR4 segvn's VN_HOLD on its vnode): while it is held the file's data
 * lives, even after the last close and the last unlink; the last release of such a file frees it.
 */
final class MappedFile implements FilePages {

    private final Vnode vnode;
    private final FileTable table;
    private boolean released;

    /** Keeps {@code held}, a reference the caller took for this mapping. */
    MappedFile(Vnode held, FileTable table) {
        this.vnode = held;
        this.table = table;
    }

    @Override
    public Inode inode() {
        return vnode.inode;
    }

    @Override
    public long size() {
        held();
        return vnode.inode.size();
    }

    @Override
    public int read(long offset, byte[] page) {
        held();
        if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
        int n = vnode.inode.readPage(offset, page);
        // The whole page is filled for the mapping: file bytes copied, the rest zeroed.
        table.copy.moved(page.length);
        return n;
    }

    @Override
    public int write(long offset, byte[] page, int len) {
        held();
        if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
        if (len < 0 || len > page.length) throw new IllegalArgumentException("length " + len + " of a " + page.length + "-byte page");
        int n = vnode.inode.writePage(offset, page, len);
        table.copy.moved(n);
        return n;
    }

    @Override
    public void release() {
        if (released) throw new IllegalStateException("release of a released mapping reference");
        released = true;
        vnode.rele();
        table.charge(VfsCosts.REFERENCE);
    }

    /** After release the data may be gone; touching it is the caller's bug, not a user's error. */
    private void held() {
        if (released) throw new IllegalStateException("use of a released mapping reference");
    }
}
