package sprocket.fs;

import sprocket.api.Errno;

/**
 * A node of the process file system: made by a lookup from what the kernel says now, never written, its st_size 0
 * (as Linux proc(5) files report; the text is made at read time).
 */
abstract class ProcNode extends MemNode {

    final ProcFs fs;

    ProcNode(ProcFs fs, long ino, int mode, int uid, int gid) {
        super(fs.vfs(), ino, mode, uid, gid, fs.seconds());
        this.fs = fs;
    }

    @Override
    final boolean readOnly() {
        return true;
    }

    @Override
    long size() {
        return 0;
    }

    /** Never reached through open(2), which refuses write access to every /proc node (EACCES). */
    @Override
    final int write(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.EACCES;
    }
}
