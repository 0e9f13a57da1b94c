package sprocket.fs.memfs;

import java.nio.charset.StandardCharsets;
import sprocket.api.sys.FileMode;

/**
 * A symbolic link: a node holding a path name the kernel's lookup splices in where the link is met. Its mode is
 * always 0777 (symlink(2): the permission bits "are not used"), and st_size is the length of the path it holds.
 */
final class SymbolicLink extends MemNode {

    private static final int PERM = 0777;

    private final String target;
    private final int length;

    SymbolicLink(MemFs fs, long ino, String target, int uid, int gid) {
        super(fs, ino, FileMode.S_IFLNK | PERM, uid, gid);
        this.target = target;
        this.length = target.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public long size() {
        return length;
    }

    /** readlink(2), and every lookup that follows the link: the access marks st_atime. */
    @Override
    public String readlink() {
        atime = fs.seconds();
        return target;
    }
}
