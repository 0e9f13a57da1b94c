package sprocket.api.fs;

/**
 * Where one getdents(2) call on an open directory stands and where its entries go, as a file system's
 * {@link Inode#readdir} sees it (Linux's dir_context): the offset to list from, a slot for the file system's own
 * place-keeping in this open directory, and the caller's buffer.
 */
public interface DirContext {

    /** The directory offset to start from: 0 is ".", 1 is "..", past that the file system's own numbering. */
    long offset();

    /**
     * Hands over one entry; {@code next} is the offset just past it, where the next call resumes. Returns false,
     * taking nothing, once the caller's buffer is full.
     */
    boolean emit(long ino, String name, int type, long next);

    /**
     * What the file system left for this open directory at its last readdir (null at first), to resume correctly
     * though entries were added or removed meanwhile. lseek(2) moves the offset without touching it, so a file system
     * keeps in it the offset it is good for.
     */
    Object cursor();

    /** Keeps {@code state} with this open directory for its next readdir. */
    void cursor(Object state);
}
