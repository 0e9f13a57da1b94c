package sprocket.kernel.share;

import static sprocket.api.sys.Prctl.PR_SADDR;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.hw.AtomicUnit;
import sprocket.api.hw.Machine;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.lock.AccessLock;
import sprocket.kernel.lock.KernelLock;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.proc.Shaddr;
import sprocket.kernel.stats.Stats;

/**
 * Share groups (sproc(2)): forming them, members joining and leaving, and the shared read lock around a member's
 * virtual memory work. A process outside any group passes every hook here on a single null or zero test, and pays
 * no simulated cycle for share groups.
 */
@Singleton
public final class ShareGroups {
    private final Engine engine;
    private final Locks locks;
    private final ProcTable table;
    private final Stats stats;
    private final AtomicUnit atomics;
    private final Stats.Count vmUpdates;
    private final Stats.Count formed;
    private final Stats.Count joined;
    private final Stats.Count lockWaits;
    private final Stats.Count lockWaitCycles;
    private final Stats.Count groupShootdowns;
    private final Stats.Count shootdowns;
    /** Live shared address blocks, in the order their groups formed. */
    private final List<Shaddr> live = new ArrayList<>();
    /** The "shootdowns" counter when each CPU's current update began. */
    private final long[] shootdownMark;

    @Inject
    ShareGroups(Engine engine, Locks locks, ProcTable table, Stats stats, Machine machine) {
        this.engine = engine;
        this.locks = locks;
        this.table = table;
        this.stats = stats;
        this.atomics = machine.atomics();
        this.vmUpdates = stats.counter("share_vm_updates");
        this.formed = stats.counter("share_groups");
        this.joined = stats.counter("share_members");
        this.lockWaits = stats.counter("shaddr_lock_waits");
        this.lockWaitCycles = stats.counter("shaddr_lock_wait_cycles");
        this.groupShootdowns = stats.counter("share_shootdowns");
        this.shootdowns = stats.counter("shootdowns");
        this.shootdownMark = new long[engine.cpuCount()];
    }

    /** Live shared address blocks (none may be left after a run). */
    public int live() {
        return live.size();
    }

    /** The caller's group, formed now with the caller sharing everything if it is in none yet. */
    public Shaddr form(Proc creator) {
        if (creator.shaddr() != null) return creator.shaddr();
        int cpus = engine.cpuCount();
        KernelLock update = new KernelLock("shaddr_" + creator.pid, atomics, cpus);
        AccessLock access = new AccessLock(cpus);
        Shaddr s = new Shaddr(creator, update, access, table, stats);
        locks.add(update, access);
        live.add(s);
        s.join(creator, Shaddr.SHAREABLE);
        formed.value++;
        joined.value++;
        return s;
    }

    /** {@code child} joins {@code s} sharing {@code mask}. */
    public void join(Shaddr s, Proc child, int mask) {
        s.join(child, mask);
        joined.value++;
        engine.shareGroupChanged(s.id);
    }

    /** {@code p} leaves its group (exit, exec); the last member's leaving frees the block. */
    public void leave(Proc p) {
        Shaddr s = p.shaddr();
        if (s == null) return;
        if (s.leave(p)) {
            live.remove(s);
            locks.remove(s.updateLock, s.access);
        }
        engine.shareGroupChanged(s.id);
    }

    // ---- the shared read lock on the group's pregion list, for members sharing the address space

    public static boolean sharesSpace(Proc p) {
        return p.shaddr() != null && (p.shmask & PR_SADDR) != 0;
    }

    /** {@code p} is about to change the group's pregion list (mmap, munmap, sbrk, shmat, shmdt, fork, exec, exit). */
    public void updateBegin(Proc p) {
        if (!sharesSpace(p)) return;
        Cpu c = p.cpu();
        waited(c, p.shaddr().access.update(c.id, c.now));
        shootdownMark[c.id] = shootdowns.value;
    }

    public void updateEnd(Proc p) {
        if (!sharesSpace(p)) return;
        Cpu c = p.cpu();
        p.shaddr().access.release(c.id, c.now);
        groupShootdowns.value += shootdowns.value - shootdownMark[c.id];
        vmUpdates.value++;
    }

    /**
     * A page fault by {@code p} is about to scan its group's pregion list: Barton and Wagner, "all share group
     * processes must obtain this lock each time they page fault". Returns the group to end the scan on, or null.
     */
    public Shaddr scanBegin(Proc p) {
        if (!sharesSpace(p)) return null;
        Cpu c = p.cpu();
        waited(c, p.shaddr().access.scan(c.id, c.now));
        return p.shaddr();
    }

    public void scanEnd(Shaddr s, Cpu c) {
        s.access.release(c.id, c.now);
    }

    private void waited(Cpu c, long cycles) {
        if (cycles <= 0) return;
        // The process "will sleep until the lock is released"; its CPU is idle meanwhile.
        c.now += cycles;
        lockWaits.value++;
        lockWaitCycles.value += cycles;
    }
}
