package sprocket.fs.procfs;

import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FsContext;
import sprocket.api.fs.Inode;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.Statvfs;

/**
 * The process file system (proc(4); the layout is Linux proc(5)'s): a directory per process in the process table,
 * named by its pid, holding {@code status} and {@code cmdline}; {@code self}, a symbolic link to the caller's own
 * directory; {@code mounts}, the mount table; {@code loadavg}, the load averages; {@code stat}, the CPUs' times; and {@code sysinfo}, the kernel's table sizes and overflows.
 * Nothing is stored: every lookup asks the kernel, so directories come and go with the processes, and every read
 * makes the text afresh. Every mount shows the same table.
 */
final class ProcFs implements FileSystem {

    /** The i-number of /proc itself, as Solaris' PRROOTINO. */
    static final long ROOT_INO = 2;
    /** The block size statvfs(2) reports, Linux procfs's (PAGE_SIZE on x86). */
    private static final long BLOCK = 4096;
    /** The longest name: the kernel's NAME_MAX. */
    private static final int NAME_MAX = 255;
    static final long SELF_INO = 3;
    static final long MOUNTS_INO = 4;
    static final long LOADAVG_INO = 5;
    static final long STAT_INO = 6;
    static final long SYSINFO_INO = 7;
    /** A process's nodes take i-numbers ((pid + 1) << 3) + kind, past the fixed ones above. */
    static final int KIND_DIR = 0;
    static final int KIND_STATUS = 1;
    static final int KIND_CMDLINE = 2;

    private final FsContext context;
    private final ProcRoot root;

    ProcFs(FsContext context) {
        this.context = context;
        this.root = new ProcRoot(this);
    }

    @Override
    public Inode root() {
        return root;
    }

    /** Nothing is kept, so nothing is given back. */
    @Override
    public void unmount() {
    }

    /** statvfs(2): nothing is stored, so no blocks and no fixed number of files (Linux's procfs answers the same). */
    @Override
    public Statvfs statvfs() {
        return new Statvfs(BLOCK, BLOCK, 0, 0, 0, 0, 0, 0, 0, "", 0, NAME_MAX);
    }

    ProcRoot procRoot() {
        return root;
    }

    KernelServices kernel() {
        return context.kernel();
    }

    FsContext context() {
        return context;
    }

    /** The time of day (time(2)): the times of a node made now. */
    long seconds() {
        return kernel().time();
    }

    /** The i-number of node {@code kind} of process {@code pid}. */
    static long ino(int pid, int kind) {
        return (((long) pid + 1) << 3) + kind;
    }
}
