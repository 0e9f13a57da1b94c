package sprocket.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * The mount table: which file system is mounted where, in the order they were mounted. The crossing itself is in
 * the name space (a covered {@link Directory}'s {@code mounted}, a mounted root's ".."); this is the record
 * /proc/mounts shows.
 */
final class MountTable {

    /** One mounted file system, as a line of /proc/mounts (fstab(5)'s fields): where from, where, what type, how. */
    record Mount(String special, String mountPoint, String type, String options, int dev) {
    }

    private final List<Mount> mounts = new ArrayList<>();

    void add(Mount m) {
        mounts.add(m);
    }

    /**
     * /proc/mounts: one line per mounted file system, "special mount-point type options 0 0" (Linux proc(5): "the
     * format of this file is documented in fstab(5)"; the last two fields are the dump frequency and fsck pass).
     */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (Mount m : mounts) {
            sb.append(m.special()).append(' ').append(m.mountPoint()).append(' ').append(m.type()).append(' ')
                    .append(m.options()).append(" 0 0\n");
        }
        return sb.toString();
    }
}
