package sprocket.fs.procfs;

import java.util.function.Supplier;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.sys.FileMode;

/**
 * A read-only text file of the process file system (r--r--r--, as Linux's status and cmdline): each read makes the
 * text afresh from the kernel and copies the part at the offset; once the process is gone a read fails with ESRCH, as
 * Linux's does. A process's files are owned as its directory is; the others by root.
 */
final class ProcFile extends ProcNode {

    private static final int PERM = 0444;

    /** The process the file describes, or 0 for a file of /proc itself. */
    private final int pid;
    /** The file's text now, or null when the process it describes is gone. */
    private final Supplier<byte[]> contents;
    private int uid;
    private int gid;

    ProcFile(ProcFs fs, long ino, int pid, Supplier<byte[]> contents) {
        super(fs, ino, FileMode.S_IFREG | PERM);
        this.pid = pid;
        this.contents = contents;
        owner();
    }

    /** The owner now: the process's effective ids while it lives, the last seen after, root for /proc's own. */
    private void owner() {
        if (pid == 0) return;
        ProcessInfo p = fs.kernel().process(pid);
        if (p != null) {
            uid = p.euid();
            gid = p.egid();
        }
    }

    @Override
    public int uid() {
        owner();
        return pid == 0 ? super.uid() : uid;
    }

    @Override
    public int gid() {
        owner();
        return pid == 0 ? super.gid() : gid;
    }

    @Override
    public int read(long offset, byte[] buf, int off, int len) {
        byte[] text = contents.get();
        if (text == null) throw ErrnoException.of(Errno.ESRCH);
        if (offset >= text.length) return 0;
        int n = (int) Math.min(len, text.length - offset);
        System.arraycopy(text, (int) offset, buf, off, n);
        return n;
    }
}
