package sprocket.fs;

import java.nio.charset.StandardCharsets;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * /proc itself: "mounts", "self", then one directory per process in the process table, in pid order (a zombie stays
 * until it is reaped). A directory offset past the fixed entries is {@link #PIDS} plus the next pid to list, as
 * Linux's proc_pid_readdir keeps it, so a listing resumes in the right place however many processes left meanwhile.
 */
final class ProcRoot extends ProcDirectory {

    /** Directory offsets: ".", "..", "mounts", "self", then PIDS + pid. */
    private static final int MOUNTS = 2;
    private static final int SELF = 3;
    private static final int PIDS = 4;
    /** Digits in the largest pid a name could spell (int range). */
    private static final int PID_DIGITS = 9;

    ProcRoot(ProcFs fs) {
        super(fs, ProcFs.ROOT_INO, Credentials.ROOT, Credentials.ROOT);
    }

    @Override
    MemNode find(String path, int from, int to) {
        if (path.startsWith("self", from) && to - from == 4) {
            // The link's text is the caller's pid, so each process resolves it to its own directory.
            var self = new SymbolicLink(fs.vfs(), ProcFs.SELF_INO, Integer.toString(fs.kernel().pid()),
                    Credentials.ROOT, Credentials.ROOT, fs.seconds());
            self.nlink = 1;
            return self;
        }
        if (path.startsWith("mounts", from) && to - from == 6) {
            return new ProcFile(fs, ProcFs.MOUNTS_INO, Credentials.ROOT, Credentials.ROOT,
                    () -> fs.mounts().text().getBytes(StandardCharsets.US_ASCII));
        }
        int pid = pid(path, from, to);
        if (pid < 0) return null;
        ProcessInfo p = fs.kernel().process(pid);
        return p == null ? null : new ProcPidDirectory(fs, p);
    }

    /** The pid a name spells in decimal without leading zeros, or -1. */
    private static int pid(String path, int from, int to) {
        int len = to - from;
        if (len == 0 || len > PID_DIGITS || len > 1 && path.charAt(from) == '0') return -1;
        int pid = 0;
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') return -1;
            pid = pid * 10 + (c - '0');
        }
        return pid;
    }

    /** ".." here is the covered directory's "..", and this directory's name is the covered one's. */
    @Override
    MemNode dotdot() {
        Directory covered = fs.vfs().covered;
        return covered != null ? covered.parent : this;
    }

    @Override
    String entryName() {
        Directory covered = fs.vfs().covered;
        return covered != null ? covered.name : "";
    }

    /** Two links, and one more for each process directory's "..". */
    @Override
    Stat stat() {
        nlink = 2 + fs.kernel().processes().length;
        return super.stat();
    }

    @Override
    long readdir(long offset, Dirent[] buf, int[] count) {
        ProcessInfo[] procs = offset >= PIDS || offset + buf.length > PIDS ? fs.kernel().processes() : null;
        int n = 0;
        int next = 0;
        while (n < buf.length) {
            if (offset == 0) {
                buf[n++] = new Dirent(ino(), ".", FileMode.S_IFDIR);
            } else if (offset == 1) {
                buf[n++] = new Dirent(dotdot().ino(), "..", FileMode.S_IFDIR);
            } else if (offset == MOUNTS) {
                buf[n++] = new Dirent(ProcFs.MOUNTS_INO, "mounts", FileMode.S_IFREG);
            } else if (offset == SELF) {
                buf[n++] = new Dirent(ProcFs.SELF_INO, "self", FileMode.S_IFLNK);
            } else {
                // The first process at or after the pid the offset names; pids only grow along the array.
                long want = offset - PIDS;
                while (next < procs.length && procs[next].pid() < want) next++;
                if (next == procs.length) break;
                int pid = procs[next++].pid();
                buf[n++] = new Dirent(ProcFs.ino(pid, ProcFs.KIND_DIR), Integer.toString(pid), FileMode.S_IFDIR);
                offset = PIDS + (long) pid + 1;
                continue;
            }
            offset++;
        }
        count[0] = n;
        return offset;
    }
}
