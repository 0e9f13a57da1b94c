package sprocket.kernel.vfs;

import java.util.ArrayList;
import java.util.List;
import sprocket.kernel.dev.Cdevsw;

/**
 * The mount table: which file system is mounted where, in the order they were mounted, "/" first. The crossing itself
 * is on the vnodes (a covered directory's {@code mountedHere}, a mount's {@code covered}); this is the record
 * /proc/mounts shows and where a new file system gets its st_dev.
 */
final class MountTable {

    private final List<Mount> mounts = new ArrayList<>();

    void add(Mount m) {
        mounts.add(m);
    }

    void remove(Mount m) {
        mounts.remove(m);
    }

    /** The mounted file systems, in mount order. */
    List<Mount> all() {
        return mounts;
    }

    /** st_dev for a new file system: the lowest minor no mounted one has (as Linux's anonymous devices are given). */
    int newDev() {
        for (int minor = 1; ; minor++) {
            int dev = Cdevsw.makedev(Mount.MAJOR, minor);
            boolean taken = false;
            for (Mount m : mounts) {
                if (m.dev == dev) {
                    taken = true;
                    break;
                }
            }
            if (!taken) return dev;
        }
    }

    /** Whether a file system is mounted on a directory of {@code m}'s. */
    boolean covers(Mount m) {
        for (Mount other : mounts) {
            if (other.covered != null && other.covered.mount == m) return true;
        }
        return false;
    }
}
