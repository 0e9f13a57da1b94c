package sprocket.vm.regions;

import sprocket.api.fs.FilePages;

/**
 * The file behind a mapping region (SVR4 segvn's vnode and offset): region page {@code i} is file page
 * {@code firstPage + i}. It keeps the one {@link FilePages} reference mmap(2) handed over, and lets go of it when
 * the last region holding it goes: a private region and its fork(2) copies hold it together.
 */
final class MappedFile {
    final FilePages pages;
    /** The file page behind region page 0. */
    final long firstPage;
    private int holders;
    private boolean released;

    MappedFile(FilePages pages, long firstPage) {
        this.pages = pages;
        this.firstPage = firstPage;
    }

    /** The byte offset in the file of region page {@code index}. */
    long offset(int index, int pageShift) {
        return (firstPage + index) << pageShift;
    }

    /** One more region holds the file. */
    void hold() {
        if (released) {
            throw new IllegalStateException("mapped file held after its reference was released");
        }
        holders++;
    }

    /** A region holding the file is gone; the last one releases the reference. */
    void drop() {
        if (holders == 0) {
            throw new IllegalStateException("mapped file dropped more times than held");
        }
        if (--holders == 0) {
            released = true;
            pages.release();
        }
    }
}
