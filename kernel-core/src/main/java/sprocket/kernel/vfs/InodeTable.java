package sprocket.kernel.vfs;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.TableStatus;

/**
 * The in-core inode table (SVR4's {@code ninode} entries): one entry for each file a reference holds in core (an open
 * file, a mapping, a mounted file system's root, the directory a mount covers, a bound socket's name), whatever file
 * system it is on. Opening a file not yet in core when every entry is taken fails with ENFILE and counts an overflow,
 * as SVR4's iget does ("inode table overflow", syserr.inodeovf); sar -v shows the counts as inod-sz.
 */
public final class InodeTable {

    private final int ninode;
    private int inCore;
    private long overflows;

    /** A table of {@code ninode} entries (kernel.ninode). */
    public InodeTable(int ninode) {
        this.ninode = ninode;
    }

    /** ENFILE, counted as an overflow, when no entry is free for a file about to come into core. */
    void reserve() {
        if (inCore >= ninode) {
            overflows++;
            throw ErrnoException.of(Errno.ENFILE);
        }
    }

    /** A file came into core: its vnode's first hold. The kernel's own holds are counted even past the size. */
    void take() {
        inCore++;
    }

    /** A file left core: its vnode's last release. */
    void release() {
        if (inCore == 0) throw new IllegalStateException("inode table underflow");
        inCore--;
    }

    /** Entries in use, the size, and the overflows since boot. */
    public TableStatus status() {
        return new TableStatus(inCore, ninode, overflows);
    }
}
