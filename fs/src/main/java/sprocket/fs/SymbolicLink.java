package sprocket.fs;

import java.nio.charset.StandardCharsets;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

/**
 * A symbolic link: a node holding a path name that namei splices in where the link is met. Its mode is
 * always 0777 (symlink(2): the permission bits "are not used"), and st_size is the length of the path it holds.
 */
final class SymbolicLink extends MemNode {

    private static final int PERM = 0777;

    private final String target;
    private final int length;

    SymbolicLink(Vfs vfs, long ino, String target, int uid, int gid, long now) {
        super(vfs, ino, FileMode.S_IFLNK | PERM, uid, gid, now);
        this.target = target;
        this.length = target.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The path name the link holds, as symlink(2) was given it. */
    String target() {
        return target;
    }

    @Override
    long size() {
        return length;
    }

    /** A link is never opened itself (open follows it, or fails with ELOOP under O_NOFOLLOW). */
    @Override
    int read(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.EINVAL;
    }

    @Override
    int write(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.EINVAL;
    }
}
