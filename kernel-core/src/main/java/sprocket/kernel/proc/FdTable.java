package sprocket.kernel.proc;

import java.util.Arrays;
import sprocket.api.spi.Faults;
import sprocket.api.sys.Prctl;
import sprocket.kernel.engine.PanicException;
import sprocket.kernel.vfs.File;

/** A process's descriptor table: slots pointing into the system open file table, with FD_CLOEXEC per slot. */
public final class FdTable {
    /** Descriptors per process (IRIX's default RLIMIT_NOFILE). */
    public static final int NOFILE = 200;

    /** Whether a descriptor should fail to be found (fault injection). */
    private final Faults faults;

    /** An empty table whose descriptor allocations ask {@code faults}. */
    public FdTable(Faults faults) {
        this.faults = faults;
    }

    private File[] files = new File[8];
    private boolean[] cloexec = new boolean[8];
    /** Bumped by every change, so a share group member can tell at the end of a call whether it has one to publish. */
    public int changes;
    /** The share group member whose table this is, while it shares descriptors (PR_SFDS); else null. */
    Proc sharer;

    /**
     * Barton and Wagner's race: a member that slept in the kernel while another changed the group's table picks the change up
     * before it chooses or changes a slot itself.
     */
    private void catchUp() {
        Proc p = sharer;
        if (p != null && (p.syncPending & Prctl.PR_SFDS) != 0) p.shaddr().syncFds(p);
    }

    public File get(int fd) {
        return fd >= 0 && fd < files.length ? files[fd] : null;
    }

    /**
     * The lowest free descriptor at or above {@code from} and below {@code limit} (RLIMIT_NOFILE), or -1 (EMFILE), as
     * also when fault injection says so.
     */
    public int lowestFree(int from, long limit) {
        catchUp();
        if (faults.shouldFail(Faults.DESCRIPTORS)) return -1;
        int end = (int) Math.min(NOFILE, limit);
        for (int fd = Math.max(0, from); fd < end; fd++) {
            if (fd >= files.length || files[fd] == null) return fd;
        }
        return -1;
    }

    /** Puts {@code file} at {@code fd}; the caller holds a reference for it. */
    public void install(int fd, File file, boolean closeOnExec) {
        catchUp();
        if (get(fd) != null) throw new PanicException("descriptor " + fd + " installed over an open one");
        changes++;
        if (fd >= files.length) {
            int n = Math.min(NOFILE, Math.max(fd + 1, files.length * 2));
            files = Arrays.copyOf(files, n);
            cloexec = Arrays.copyOf(cloexec, n);
        }
        files[fd] = file;
        cloexec[fd] = closeOnExec;
    }

    /** Empties slot {@code fd}, returning what was there (the caller releases it). */
    public File remove(int fd) {
        catchUp();
        File f = get(fd);
        if (f != null) {
            changes++;
            files[fd] = null;
            cloexec[fd] = false;
        }
        return f;
    }

    public boolean closeOnExec(int fd) {
        return get(fd) != null && cloexec[fd];
    }

    public void closeOnExec(int fd, boolean value) {
        if (cloexec[fd] != value) changes++;
        cloexec[fd] = value;
    }

    public int size() {
        return files.length;
    }

    /** The process is leaving: its table stops following its share group's (it keeps its own references). */
    public void stopSharing() {
        sharer = null;
    }

    /** fork(2): the child's table refers to the same open files, each held once more. */
    public FdTable copy() {
        FdTable t = new FdTable(faults);
        t.files = files.clone();
        t.cloexec = cloexec.clone();
        for (File f : t.files) {
            if (f != null) f.hold();
        }
        return t;
    }

    public int count() {
        int n = 0;
        for (File f : files) {
            if (f != null) n++;
        }
        return n;
    }
}
