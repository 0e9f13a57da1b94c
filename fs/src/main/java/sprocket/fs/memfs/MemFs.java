package sprocket.fs.memfs;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.Inode;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Statvfs;

/**
 * One memory file system: a tree of {@link MemNode}s from its root, and the pages its regular files hold, counted
 * against its size (tmpfs's size=): a page is taken when a byte is first written into it, so a file with holes holds
 * only the pages written, and a write that finds none left fails with ENOSPC.
 */
final class MemFs implements FileSystem {

    private static final Logger log = LoggerFactory.getLogger(MemFs.class);

    /** The root's i-number, as in s5 and UFS. */
    static final long ROOT_INO = 2;
    /** tmpfs(5): the root directory of a new tmpfs is "mode=1777" unless told otherwise. */
    private static final int ROOT_PERM = FileMode.S_ISVTX | 0777;
    /** The longest name: the kernel's NAME_MAX, which name lookup enforces. */
    private static final int NAME_MAX = 255;
    /** Removing one name and freeing its node when the file system is unmounted. */
    static final long FREE_CYCLES = 30;

    private final KernelServices kernel;
    private final long maxPages;
    private long pages;
    private long nextIno = ROOT_INO;
    private final Directory root;

    MemFs(KernelServices kernel, long capacity) {
        this.kernel = kernel;
        this.maxPages = capacity / RegularFile.PAGE;
        this.root = new Directory(this, newIno(), ROOT_PERM, Credentials.ROOT, Credentials.ROOT, null);
        log.debug("memfs: {} pages of {} bytes", maxPages, RegularFile.PAGE);
    }

    @Override
    public Inode root() {
        return root;
    }

    /**
     * umount(2): every name is removed, so every node's storage goes (the kernel checked nothing holds one), one
     * charge for all.
     */
    @Override
    public void unmount() {
        ArrayDeque<Directory> dirs = new ArrayDeque<>();
        dirs.push(root);
        long removed = 0;
        long now = seconds();
        while (!dirs.isEmpty()) {
            Directory d = dirs.pop();
            removed += d.clear(dirs, now);
        }
        kernel.charge(removed * FREE_CYCLES);
    }

    /**
     * statvfs(2): its size in pages, and the pages no file holds; no fixed number of files (tmpfs without nr_inodes
     * answers 0 and 0 too). Names are as long as the kernel lets them be.
     */
    @Override
    public Statvfs statvfs() {
        long free = maxPages - pages;
        return new Statvfs(RegularFile.PAGE, RegularFile.PAGE, maxPages, free, free, 0, 0, 0, 0, "", 0, NAME_MAX);
    }

    /** An i-number for a node about to be made. */
    long newIno() {
        return nextIno++;
    }

    /** Takes a page for file data; false when the file system is full. */
    boolean takePage() {
        if (pages >= maxPages) return false;
        pages++;
        return true;
    }

    /** Gives {@code n} pages of file data back. */
    void givePages(long n) {
        if (n > pages) throw new IllegalStateException("memfs gave back more pages than it took");
        pages -= n;
    }

    /** Pages of file data in use, for tests and df-like reports. */
    long pagesInUse() {
        return pages;
    }

    /** The time of day (time(2)), for st_atime, st_mtime and st_ctime. */
    long seconds() {
        return kernel.time();
    }
}
