package sprocket.kernel.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sprocket.api.hw.AtomicUnit;

/**
 * The kernel's locking, a configuration choice: one big kernel lock taken on every entry to the kernel (early SMP
 * Linux), or a lock per subsystem (IRIX's fine-grained locking), so that only calls into the same subsystem contend.
 */
public final class Locks {
    public enum Mode { GIANT, FINE }

    /** The subsystem a system call works in, for fine-grained locking. */
    public enum Area { NONE, PROC, FILE, IPC, VM, SCHED }

    public final Mode mode;
    private final KernelLock giant;
    private final KernelLock[] fine;
    /** The lock each area's calls take in this mode, by the area's ordinal: one load on every system call. */
    private final KernelLock[] byArea;

    public Locks(Mode mode, AtomicUnit atomics, int cpus) {
        this.mode = mode;
        this.giant = new KernelLock("kernel_flag", atomics, cpus);
        Area[] areas = Area.values();
        this.fine = new KernelLock[areas.length];
        for (Area a : areas) {
            if (a != Area.NONE) {
                fine[a.ordinal()] = new KernelLock(a.name().toLowerCase(Locale.ROOT) + "_lock", atomics, cpus);
            }
        }
        this.byArea = new KernelLock[areas.length];
        for (Area a : areas) {
            byArea[a.ordinal()] = mode == Mode.GIANT ? giant : fine[a.ordinal()];
        }
    }

    /** The lock a call in {@code area} takes, or null when it takes none. */
    public KernelLock lockFor(Area area) {
        return byArea[area.ordinal()];
    }

    public long spinCycles() {
        long n = giant.spinCycles;
        for (KernelLock l : fine) {
            if (l != null) n += l.spinCycles;
        }
        return n;
    }

    public long contended() {
        long n = giant.contended;
        for (KernelLock l : fine) {
            if (l != null) n += l.contended;
        }
        return n;
    }

    /** Share groups' locks (s_rupdlock and the pregion list's shared read lock), while their groups live. */
    private final List<KernelLock> groupLocks = new ArrayList<>();
    private final List<AccessLock> accessLocks = new ArrayList<>();

    /** A share group formed: its locks' old holds are forgotten with the others'. */
    public void add(KernelLock update, AccessLock access) {
        groupLocks.add(update);
        accessLocks.add(access);
    }

    /** The group is gone. */
    public void remove(KernelLock update, AccessLock access) {
        groupLocks.remove(update);
        accessLocks.remove(access);
    }

    public void forgetBefore(long horizon) {
        for (KernelLock l : groupLocks) l.forgetBefore(horizon);
        for (AccessLock l : accessLocks) l.forgetBefore(horizon);
        giant.forgetBefore(horizon);
        for (KernelLock l : fine) {
            if (l != null) l.forgetBefore(horizon);
        }
    }
}
