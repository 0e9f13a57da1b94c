package sprocket.fs.procfs;

import java.nio.charset.StandardCharsets;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.DirContext;
import sprocket.api.fs.Inode;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.sys.FileMode;

/**
 * /proc/PID: owned by the process's effective user and group (as Linux gives them), holding {@code cmdline} and
 * {@code status}. Once the process is reaped it has no links and no entries, and nothing under it can be found
 * (ENOENT), though a process that has it as its current directory keeps the node.
 */
final class ProcPidDirectory extends ProcNode {

    /** Directory offsets: ".", "..", then the two files. */
    private static final int CMDLINE = 2;
    private static final int STATUS = 3;

    private final int pid;
    /** The owner the process had when last seen, kept once it is gone. */
    private int uid;
    private int gid;

    ProcPidDirectory(ProcFs fs, int pid) {
        super(fs, ProcFs.ino(pid, ProcFs.KIND_DIR), FileMode.S_IFDIR | ProcRoot.DIR_PERM);
        this.pid = pid;
        process();
    }

    /** The process now (a zombie included), or null once reaped. */
    private ProcessInfo process() {
        ProcessInfo p = fs.kernel().process(pid);
        if (p != null) {
            uid = p.euid();
            gid = p.egid();
        }
        return p;
    }

    @Override
    public int uid() {
        process();
        return uid;
    }

    @Override
    public int gid() {
        process();
        return gid;
    }

    @Override
    public int nlink() {
        return process() != null ? 2 : 0;
    }

    @Override
    public Inode lookup(String name) {
        if (name.equals("..")) return fs.procRoot();
        if (process() != null) {
            if (name.equals("status")) return new ProcFile(fs, ProcFs.ino(pid, ProcFs.KIND_STATUS), pid, this::status);
            if (name.equals("cmdline")) {
                return new ProcFile(fs, ProcFs.ino(pid, ProcFs.KIND_CMDLINE), pid, this::cmdline);
            }
        }
        throw ErrnoException.of(Errno.ENOENT);
    }

    private byte[] status() {
        ProcessInfo p = fs.kernel().process(pid);
        return p == null ? null : ProcStatus.format(p).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Linux proc(5) /proc/pid/cmdline: "the command-line arguments appear in this file as a set of strings separated
     * by null bytes"; "If the process is a zombie, the file is empty".
     */
    private byte[] cmdline() {
        ProcessInfo p = fs.kernel().process(pid);
        if (p == null) return null;
        if (p.state() == ProcessInfo.ZOMBIE) return new byte[0];
        StringBuilder sb = new StringBuilder();
        for (String arg : p.argv()) sb.append(arg).append('\0');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void readdir(DirContext dir) {
        if (process() == null) return;
        long offset = dir.offset();
        if (offset == CMDLINE) {
            if (!dir.emit(ProcFs.ino(pid, ProcFs.KIND_CMDLINE), "cmdline", FileMode.S_IFREG, STATUS)) return;
            offset = STATUS;
        }
        if (offset == STATUS) dir.emit(ProcFs.ino(pid, ProcFs.KIND_STATUS), "status", FileMode.S_IFREG, STATUS + 1);
    }
}
