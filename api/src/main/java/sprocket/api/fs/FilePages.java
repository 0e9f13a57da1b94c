package sprocket.api.fs;

/**
 * The pages of an open regular file, as the memory manager maps them (mmap(2)). Every mapping of the same file gives
 * the same {@link #inode()}, so the memory manager can share one set of frames among all MAP_SHARED mappers. Each
 * one is a reference the kernel hands out: the file's data lives until it is {@link #release()}d, even after the
 * descriptor is closed and the file unlinked ("the mapping holds a reference to the file").
 */
public interface FilePages {

    /** The file; identity is what makes two mappings the same file. */
    Inode inode();

    /** The file's size in bytes now. */
    long size();

    /**
     * Copies the file's bytes from {@code offset} into {@code page} (one page long); bytes past the end of the
     * file read as zeros. Returns the number of file bytes in the page (0 when the page lies past the end).
     */
    int read(long offset, byte[] page);

    /**
     * Writes {@code len} bytes of {@code page} back at {@code offset}, never past the current end of the file (a
     * mapping cannot extend a file, as with mmap(2)); returns the bytes written.
     */
    int write(long offset, byte[] page, int len);

    /** The mapping that held this reference is gone; the last release of an unlinked, closed file frees it. */
    void release();
}
