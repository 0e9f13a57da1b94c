package sprocket.kernel.vfs;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Flock;

/**
 * One record lock (SVR4 {@code struct filock}): its owner's pid, F_RDLCK or F_WRLCK, and the bytes
 * {@code [start, end)} it covers; {@code end} is {@link #TO_EOF} for a lock with l_len 0, which "extends to the end
 * of file" however the file grows.
 */
record LockRange(int owner, int type, long start, long end) {

    /** The end of a lock that runs to the end of the file and past it. */
    static final long TO_EOF = Long.MAX_VALUE;

    /** Whether it covers any byte of {@code [from, to)}. */
    boolean overlaps(long from, long to) {
        return start < to && from < end;
    }

    /** Whether it overlaps {@code [from, to)} or ends where it starts or starts where it ends. */
    boolean touches(long from, long to) {
        return start <= to && from <= end;
    }

    /**
     * Whether it keeps {@code owner} from taking a {@code type} lock on {@code [from, to)}. fcntl(2): "A read lock
     * prevents any process from write-locking the protected area... A write lock prevents any process from
     * read-locking or write-locking the protected area." A process's own locks never block it.
     */
    boolean blocks(int owner, int type, long from, long to) {
        return this.owner != owner && overlaps(from, to) && (this.type == Flock.F_WRLCK || type == Flock.F_WRLCK);
    }

    /** Whether it keeps {@code request}'s owner from taking that lock. */
    boolean blocks(LockRange request) {
        return blocks(request.owner(), request.type(), request.start(), request.end());
    }

    /** F_GETLK's report of this lock: its type, range from the start of the file, and owner. */
    Flock toFlock() {
        return new Flock(type, Fcntl.SEEK_SET, start, end == TO_EOF ? 0 : end - start, owner);
    }
}
