package sprocket.fs.procfs;

import java.nio.charset.StandardCharsets;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.DirContext;
import sprocket.api.fs.Inode;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.sys.FileMode;

/**
 * /proc itself: "mounts", "loadavg", "stat", "sysinfo", "self", then one directory per process in the process table, in pid order (a zombie stays
 * until it is reaped). A directory offset past the fixed entries is {@link #PIDS} plus the next pid to list, as Linux's
 * proc_pid_readdir keeps it, so a listing resumes in the right place however many processes left meanwhile.
 */
final class ProcRoot extends ProcNode {

    /** Directories are r-x for everyone: listable and searchable, never written (Linux dr-xr-xr-x). */
    static final int DIR_PERM = 0555;
    /** Directory offsets: ".", "..", "mounts", "loadavg", "stat", "sysinfo", "self", then PIDS + pid. */
    private static final int MOUNTS = 2;
    private static final int LOADAVG = 3;
    private static final int STAT = 4;
    private static final int SYSINFO = 5;
    private static final int SELF = 6;
    private static final int PIDS = 7;
    /** Digits in the largest pid a name could spell (int range). */
    private static final int PID_DIGITS = 9;

    ProcRoot(ProcFs fs) {
        super(fs, ProcFs.ROOT_INO, FileMode.S_IFDIR | DIR_PERM);
    }

    /** Two links, and one more for each process directory's "..". */
    @Override
    public int nlink() {
        return 2 + fs.kernel().processes().length;
    }

    @Override
    public Inode lookup(String name) {
        switch (name) {
            case ".." -> {
                return this;
            }
            case "self" -> {
                return new ProcSelf(fs);
            }
            case "mounts" -> {
                return new ProcFile(fs, ProcFs.MOUNTS_INO, 0,
                        () -> ProcMounts.text(fs.context().mounts()).getBytes(StandardCharsets.US_ASCII));
            }
            case "loadavg" -> {
                return new ProcFile(fs, ProcFs.LOADAVG_INO, 0,
                        () -> ProcLoadavg.text(fs.kernel().loadAverage()).getBytes(StandardCharsets.US_ASCII));
            }
            case "stat" -> {
                return new ProcFile(fs, ProcFs.STAT_INO, 0,
                        () -> ProcStat.text(fs.kernel().cpuTicks()).getBytes(StandardCharsets.US_ASCII));
            }
            case "sysinfo" -> {
                return new ProcFile(fs, ProcFs.SYSINFO_INO, 0,
                        () -> ProcSysinfo.text(fs.kernel().tables()).getBytes(StandardCharsets.US_ASCII));
            }
            default -> {
                int pid = pid(name);
                ProcessInfo p = pid < 0 ? null : fs.kernel().process(pid);
                if (p == null) throw ErrnoException.of(Errno.ENOENT);
                return new ProcPidDirectory(fs, pid);
            }
        }
    }

    /** The pid a name spells in decimal without leading zeros, or -1. */
    private static int pid(String name) {
        int len = name.length();
        if (len == 0 || len > PID_DIGITS || len > 1 && name.charAt(0) == '0') return -1;
        int pid = 0;
        for (int i = 0; i < len; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') return -1;
            pid = pid * 10 + (c - '0');
        }
        return pid;
    }

    @Override
    public void readdir(DirContext dir) {
        long offset = dir.offset();
        if (offset < MOUNTS) return;
        if (offset == MOUNTS) {
            if (!dir.emit(ProcFs.MOUNTS_INO, "mounts", FileMode.S_IFREG, LOADAVG)) return;
            offset = LOADAVG;
        }
        if (offset == LOADAVG) {
            if (!dir.emit(ProcFs.LOADAVG_INO, "loadavg", FileMode.S_IFREG, STAT)) return;
            offset = STAT;
        }
        if (offset == STAT) {
            if (!dir.emit(ProcFs.STAT_INO, "stat", FileMode.S_IFREG, SYSINFO)) return;
            offset = SYSINFO;
        }
        if (offset == SYSINFO) {
            if (!dir.emit(ProcFs.SYSINFO_INO, "sysinfo", FileMode.S_IFREG, SELF)) return;
            offset = SELF;
        }
        if (offset == SELF) {
            if (!dir.emit(ProcFs.SELF_INO, "self", FileMode.S_IFLNK, PIDS)) return;
            offset = PIDS;
        }
        // The first process at or after the pid the offset names; pids only grow along the array.
        long want = offset - PIDS;
        for (ProcessInfo p : fs.kernel().processes()) {
            int pid = p.pid();
            if (pid < want) continue;
            if (!dir.emit(ProcFs.ino(pid, ProcFs.KIND_DIR), Integer.toString(pid), FileMode.S_IFDIR, PIDS + (long) pid + 1)) {
                return;
            }
        }
    }
}
