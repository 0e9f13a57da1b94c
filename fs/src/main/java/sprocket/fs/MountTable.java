package sprocket.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * The mount table: which file system is mounted where, in the order they were mounted. The crossing itself is in
 * the name space (a covered {@link Directory}'s {@code mounted}, a mounted root's ".."); this is the record
 * /proc/mounts shows and where a new file system gets its st_dev.
 */
final class MountTable {

    private final List<Vfs> mounts = new ArrayList<>();

    void add(Vfs vfs) {
        mounts.add(vfs);
    }

    void remove(Vfs vfs) {
        mounts.remove(vfs);
    }

    /** The mounted file systems, in mount order. */
    List<Vfs> all() {
        return mounts;
    }

    /** st_dev for a new file system: the lowest minor no mounted one has (as Linux's anonymous devices are given). */
    int newDev() {
        for (int minor = 1; ; minor++) {
            int dev = CharDriver.makedev(Vfs.MAJOR, minor);
            boolean taken = false;
            for (Vfs v : mounts) {
                if (v.dev == dev) {
                    taken = true;
                    break;
                }
            }
            if (!taken) return dev;
        }
    }

    /**
     * /proc/mounts: one line per mounted file system, "special mount-point type options 0 0" (Linux proc(5): "the
     * format of this file is documented in fstab(5)"; the last two fields are the dump frequency and fsck pass).
     * The mount point is named as it is now, after any rename of a directory above it.
     */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (Vfs v : mounts) {
            escape(sb, v.special).append(' ');
            escape(sb, mountPoint(v)).append(' ').append(v.type).append(' ').append(v.options()).append(" 0 0\n");
        }
        return sb.toString();
    }

    /** The absolute path of the directory {@code vfs} covers, "/" for the root file system. */
    static String mountPoint(Vfs vfs) {
        if (vfs.covered == null) return "/";
        List<String> names = new ArrayList<>();
        MemNode d = vfs.covered;
        while (d.dotdot() != d) {
            names.add(d.entryName());
            d = d.dotdot();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) sb.append('/').append(names.get(i));
        return sb.toString();
    }

    /** fstab(5): a space or tab in a field is written as "\040" or "\011"; so are a newline and a backslash, as Linux does. */
    private static StringBuilder escape(StringBuilder sb, String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
                sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + (c >> 3 & 7))).append((char) ('0' + (c & 7)));
            } else {
                sb.append(c);
            }
        }
        return sb;
    }
}
