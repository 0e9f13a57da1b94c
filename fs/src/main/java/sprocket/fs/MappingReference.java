package sprocket.fs;

import sprocket.api.fs.FilePages;
import sprocket.api.fs.Vnode;

/**
 * One mapping's reference to a regular file (SVR4 segvn's VN_HOLD on its vnode): while it is held the file's data
 * lives, even after the last close and the last unlink; the last release of such a file frees it.
 */
final class MappingReference implements FilePages {

    private final MemFs fs;
    private final RegularFile file;
    private boolean released;

    /** Takes the reference; the caller charges for it. */
    MappingReference(MemFs fs, RegularFile file) {
        this.fs = fs;
        this.file = file;
        file.hold();
    }

    @Override
    public Vnode vnode() {
        return file;
    }

    @Override
    public long size() {
        held();
        return file.size();
    }

    @Override
    public int read(long offset, byte[] page) {
        held();
        if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
        int n = file.readPage(offset, page, fs.seconds());
        // The whole page is filled: file bytes copied, the rest zeroed.
        fs.kernel().charge(Costs.copy(page.length));
        return n;
    }

    @Override
    public int write(long offset, byte[] page, int len) {
        held();
        if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
        if (len < 0 || len > page.length) throw new IllegalArgumentException("length " + len + " of a " + page.length + "-byte page");
        int n = file.writePage(offset, page, len, fs.seconds());
        if (n > 0) fs.kernel().charge(Costs.copy(n));
        return n;
    }

    @Override
    public void release() {
        if (released) throw new IllegalStateException("release of a released mapping reference");
        released = true;
        file.rele();
        fs.kernel().charge(Costs.REFERENCE);
    }

    /** After release the data may be gone; touching it is the caller's bug, not a user's error. */
    private void held() {
        if (released) throw new IllegalStateException("use of a released mapping reference");
    }
}
