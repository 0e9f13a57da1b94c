package sprocket.kernel.core;

import sprocket.api.hw.AtomicUnit;

/**
 * The kernel's locking, a configuration choice: one big kernel lock taken on every entry to the kernel (early SMP
 * Linux), or a lock per subsystem (IRIX's fine-grained locking), so that only calls into the same subsystem contend.
 */
final class Locks {
    enum Mode { GIANT, FINE }

    /** The subsystem a system call works in, for fine-grained locking. */
    enum Area { NONE, PROC, FILE, IPC, VM, SCHED }

    final Mode mode;
    private final KernelLock giant;
    private final KernelLock[] fine;

    Locks(Mode mode, AtomicUnit atomics, int cpus) {
        this.mode = mode;
        this.giant = new KernelLock("kernel_flag", atomics, cpus);
        Area[] areas = Area.values();
        this.fine = new KernelLock[areas.length];
        for (Area a : areas) {
            if (a != Area.NONE) {
                fine[a.ordinal()] = new KernelLock(a.name().toLowerCase(java.util.Locale.ROOT) + "_lock", atomics, cpus);
            }
        }
    }

    /** The lock a call in {@code area} takes, or null when it takes none. */
    KernelLock lockFor(Area area) {
        if (mode == Mode.GIANT) return giant;
        return fine[area.ordinal()];
    }

    long spinCycles() {
        long n = giant.spinCycles;
        for (KernelLock l : fine) {
            if (l != null) n += l.spinCycles;
        }
        return n;
    }

    long contended() {
        long n = giant.contended;
        for (KernelLock l : fine) {
            if (l != null) n += l.contended;
        }
        return n;
    }

    /** Share groups' locks (s_rupdlock and the pregion list's shared read lock), while their groups live. */
    final java.util.List<KernelLock> groupLocks = new java.util.ArrayList<>();
    final java.util.List<AccessLock> accessLocks = new java.util.ArrayList<>();

    void forgetBefore(long horizon) {
        for (KernelLock l : groupLocks) l.forgetBefore(horizon);
        for (AccessLock l : accessLocks) l.forgetBefore(horizon);
        giant.forgetBefore(horizon);
        for (KernelLock l : fine) {
            if (l != null) l.forgetBefore(horizon);
        }
    }
}
