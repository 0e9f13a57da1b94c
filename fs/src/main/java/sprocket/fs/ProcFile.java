package sprocket.fs;

import java.util.function.Supplier;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

/**
 * A read-only text file of the process file system (r--r--r--, as Linux's status and cmdline): each read makes the
 * text afresh from the kernel and copies the part at the offset; once the process is gone a read fails with ESRCH,
 * as Linux's does.
 */
final class ProcFile extends ProcNode {

    private static final int PERM = 0444;

    /** The file's text now, or null when the process it describes is gone. */
    private final Supplier<byte[]> contents;

    ProcFile(ProcFs fs, long ino, int uid, int gid, Supplier<byte[]> contents) {
        super(fs, ino, FileMode.S_IFREG | PERM, uid, gid);
        this.contents = contents;
        this.nlink = 1;
    }

    @Override
    int read(long offset, byte[] buf, int off, int len, long now) {
        byte[] text = contents.get();
        if (text == null) return -Errno.ESRCH;
        atime = now;
        if (offset >= text.length) return 0;
        int n = (int) Math.min(len, text.length - offset);
        System.arraycopy(text, (int) offset, buf, off, n);
        return n;
    }
}
