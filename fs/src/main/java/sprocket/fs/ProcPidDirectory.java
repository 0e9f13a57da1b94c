package sprocket.fs;

import java.nio.charset.StandardCharsets;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.FileMode;

/**
 * /proc/PID: owned by the process's effective user and group (as Linux gives them), holding {@code cmdline} and
 * {@code status}. Once the process is reaped it has no entries and nothing under it can be found (ENOENT), though a
 * process that has it as its current directory keeps the node.
 */
final class ProcPidDirectory extends ProcDirectory {

    /** Directory offsets: ".", "..", then the two files. */
    private static final int CMDLINE = 2;
    private static final int STATUS = 3;

    private final int pid;

    ProcPidDirectory(ProcFs fs, ProcessInfo p) {
        super(fs, ProcFs.ino(p.pid(), ProcFs.KIND_DIR), p.euid(), p.egid());
        this.pid = p.pid();
    }

    private boolean alive() {
        return fs.kernel().process(pid) != null;
    }

    @Override
    MemNode find(String path, int from, int to) {
        if (!alive()) return null;
        if (path.startsWith("status", from) && to - from == 6) {
            return new ProcFile(fs, ProcFs.ino(pid, ProcFs.KIND_STATUS), uid, gid, () -> status(pid));
        }
        if (path.startsWith("cmdline", from) && to - from == 7) {
            return new ProcFile(fs, ProcFs.ino(pid, ProcFs.KIND_CMDLINE), uid, gid, () -> cmdline(pid));
        }
        return null;
    }

    private byte[] status(int pid) {
        ProcessInfo p = fs.kernel().process(pid);
        return p == null ? null : ProcStatus.format(p).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Linux proc(5) /proc/pid/cmdline: "the command-line arguments appear in this file as a set of strings separated
     * by null bytes"; "If the process is a zombie, the file is empty".
     */
    private byte[] cmdline(int pid) {
        ProcessInfo p = fs.kernel().process(pid);
        if (p == null) return null;
        if (p.state() == ProcessInfo.ZOMBIE) return new byte[0];
        StringBuilder sb = new StringBuilder();
        for (String arg : p.argv()) sb.append(arg).append('\0');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    MemNode dotdot() {
        return fs.root();
    }

    @Override
    String entryName() {
        return Integer.toString(pid);
    }

    @Override
    long readdir(long offset, Dirent[] buf, int[] count) {
        int n = 0;
        if (alive()) {
            while (n < buf.length && offset <= STATUS) {
                buf[n++] = switch ((int) offset) {
                    case 0 -> new Dirent(ino(), ".", FileMode.S_IFDIR);
                    case 1 -> new Dirent(ProcFs.ROOT_INO, "..", FileMode.S_IFDIR);
                    case CMDLINE -> new Dirent(ProcFs.ino(pid, ProcFs.KIND_CMDLINE), "cmdline", FileMode.S_IFREG);
                    default -> new Dirent(ProcFs.ino(pid, ProcFs.KIND_STATUS), "status", FileMode.S_IFREG);
                };
                offset++;
            }
        }
        count[0] = n;
        return offset;
    }
}
