package sprocket.kernel.core;

import static sprocket.api.sys.Prctl.PR_SADDR;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Share groups (sproc(2)): forming them, members joining and leaving, the paper's synchronisation of shared
 * resources on kernel entry, and the shared read lock around a member's virtual memory work. A process outside any
 * group passes every hook here on a single null or zero test, and pays no simulated cycle for share groups.
 */
@Singleton
final class ShareGroups {
    private final Engine engine;
    private final Locks locks;
    final ProcTable table;
    private final sprocket.api.hw.AtomicUnit atomics;
    final Stats.CounterImpl syncs;
    final Stats.CounterImpl updates;
    private final Stats.CounterImpl vmUpdates;
    private final Stats.CounterImpl formed;
    private final Stats.CounterImpl joined;
    private final Stats.CounterImpl lockWaits;
    private final Stats.CounterImpl lockWaitCycles;
    private final Stats.CounterImpl groupShootdowns;
    private final Stats stats;
    /** Live shared address blocks, in the order their groups formed. */
    final List<Shaddr> live = new ArrayList<>();
    /** The "shootdowns" counter when each CPU's current update began. */
    private final long[] shootdownMark;

    @Inject
    ShareGroups(Engine engine, Locks locks, ProcTable table, Stats stats) {
        this.engine = engine;
        this.locks = locks;
        this.table = table;
        this.atomics = engine.machine.atomics();
        this.stats = stats;
        this.syncs = counter(stats, "share_syncs");
        this.updates = counter(stats, "share_updates");
        this.vmUpdates = counter(stats, "share_vm_updates");
        this.formed = counter(stats, "share_groups");
        this.joined = counter(stats, "share_members");
        this.lockWaits = counter(stats, "shaddr_lock_waits");
        this.lockWaitCycles = counter(stats, "shaddr_lock_wait_cycles");
        this.groupShootdowns = counter(stats, "share_shootdowns");
        this.shootdownMark = new long[engine.cpus.length];
    }

    private static Stats.CounterImpl counter(Stats stats, String name) {
        return (Stats.CounterImpl) stats.counter(name);
    }

    /** The caller's group, formed now with the caller sharing everything if it is in none yet. */
    Shaddr form(Proc creator) {
        if (creator.shaddr != null) return creator.shaddr;
        int cpus = engine.cpus.length;
        KernelLock update = new KernelLock("shaddr_" + creator.pid, atomics, cpus);
        AccessLock access = new AccessLock(cpus);
        Shaddr s = new Shaddr(creator, update, access, this);
        locks.groupLocks.add(update);
        locks.accessLocks.add(access);
        live.add(s);
        s.join(creator, Shaddr.SHAREABLE);
        formed.value++;
        joined.value++;
        return s;
    }

    /** {@code child} joins {@code s} sharing {@code mask}. */
    void join(Shaddr s, Proc child, int mask) {
        s.join(child, mask);
        joined.value++;
        engine.scheduler.shareGroupChanged(s.id);
    }

    /** {@code p} leaves its group (exit, exec); the last member's leaving frees the block. */
    void leave(Proc p) {
        Shaddr s = p.shaddr;
        if (s == null) return;
        if (s.leave(p)) {
            live.remove(s);
            locks.groupLocks.remove(s.updateLock);
            locks.accessLocks.remove(s.access);
        }
        engine.scheduler.shareGroupChanged(s.id);
    }

    // ---- the shared read lock on the group's pregion list, for members sharing the address space

    static boolean sharesSpace(Proc p) {
        return p.shaddr != null && (p.shmask & PR_SADDR) != 0;
    }

    /** {@code p} is about to change the group's pregion list (mmap, munmap, sbrk, shmat, shmdt, fork, exec, exit). */
    void updateBegin(Proc p) {
        if (!sharesSpace(p)) return;
        Cpu c = p.cpu;
        waited(c, p.shaddr.access.update(c.id, c.now));
        shootdownMark[c.id] = stats.get("shootdowns");
    }

    void updateEnd(Proc p) {
        if (!sharesSpace(p)) return;
        Cpu c = p.cpu;
        p.shaddr.access.release(c.id, c.now);
        groupShootdowns.value += stats.get("shootdowns") - shootdownMark[c.id];
        vmUpdates.value++;
    }

    void waited(Cpu c, long cycles) {
        if (cycles <= 0) return;
        // The paper: the process "will sleep until the lock is released"; its CPU is idle meanwhile.
        c.now += cycles;
        lockWaits.value++;
        lockWaitCycles.value += cycles;
    }
}
