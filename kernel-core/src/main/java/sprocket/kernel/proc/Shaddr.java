package sprocket.kernel.proc;

import static sprocket.api.sys.Prctl.PR_SDIR;
import static sprocket.api.sys.Prctl.PR_SFDS;
import static sprocket.api.sys.Prctl.PR_SID;
import static sprocket.api.sys.Prctl.PR_SULIMIT;
import static sprocket.api.sys.Prctl.PR_SUMASK;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.spi.Faults;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Sigaction;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.lock.AccessLock;
import sprocket.kernel.lock.KernelLock;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.vfs.File;
import sprocket.kernel.vfs.Vnode;

/**
 * The shared address block (shaddr_t in Barton and Wagner, "Enhanced Resource Sharing in UNIX"): one per share
 * group, referenced by every member and freed when the last one leaves. It keeps a copy of each shareable resource,
 * so a member that changes one updates the copy and marks the others (a pending-sync bit each), and every member
 * picks the change up on its own next entry to the kernel: a member that is asleep holds nobody up. The descriptors
 * in the copy hold a reference of their own, so a change survives its maker's exit.
 */
public final class Shaddr {
    /**
     * A share bit of the kernel's own, beyond IRIX's PR_SALL: the signal handlers are kept synchronized (clone(2)'s
     * CLONE_SIGHAND). The creator shares it as it shares everything; sproc(2) never asks for it.
     */
    public static final int SHARE_SIGHAND = 0x100;
    /** Every share bit a member may hold. */
    public static final int SHAREABLE = Prctl.PR_SALL | SHARE_SIGHAND;
    /** The group's id: the creator's pid. */
    public final int id;
    /** s_plink: the members, in the order they joined. */
    public final List<Proc> members = new ArrayList<>(4);
    /** s_rupdlock: taken to change the copies below. */
    public final KernelLock updateLock;
    /** The shared read lock on the group's pregion list. */
    public final AccessLock access;
    private final Stats.Count syncs;
    private final Stats.Count updates;
    private final ProcTable table;

    /** s_ofile and s_pofile: the open file table every member sharing descriptors keeps. */
    private final FdTable ofile = new FdTable(Faults.NONE);
    private Vnode cdir;
    private Vnode rdir;
    private int cmask;
    private Limits limits;
    private Cred cred;
    /** The signal handlers, for members sharing SHARE_SIGHAND. */
    private Sigaction[] actions;

    /**
     * The block of a group {@code creator} forms, with its update lock and the shared read lock on its pregion list;
     * syncs and updates are counted in {@code stats}.
     */
    public Shaddr(Proc creator, KernelLock updateLock, AccessLock access, ProcTable table, Stats stats) {
        this.id = creator.pid;
        this.updateLock = updateLock;
        this.access = access;
        this.table = table;
        this.syncs = stats.counter("share_syncs");
        this.updates = stats.counter("share_updates");
        for (int fd = 0; fd < creator.fds.size(); fd++) {
            File f = creator.fds.get(fd);
            if (f != null) {
                f.hold();
                ofile.install(fd, f, creator.fds.closeOnExec(fd));
            }
        }
        cdir = creator.cwd;
        rdir = creator.root;
        cmask = creator.cred.umask();
        limits = creator.limits;
        cred = creator.cred;
        actions = creator.sig.actions();
    }

    /** Adds {@code p}, which shares what {@code mask} says. */
    public void join(Proc p, int mask) {
        members.add(p);
        p.shaddr(this);
        p.shmask = mask;
        p.syncPending = 0;
        p.fds.sharer = (mask & PR_SFDS) != 0 ? p : null;
        p.fdsPublished = p.fds.changes;
    }

    /** Takes {@code p} out; returns whether it was the last member (the block is then released). */
    public boolean leave(Proc p) {
        members.remove(p);
        p.shaddr(null);
        p.shmask = 0; // out of the group it shares nothing, and PR_GETSHMASK, PR_INIT_THREADS see a plain process
        p.syncPending = 0;
        p.fds.sharer = null;
        if (!members.isEmpty()) return false;
        for (int fd = 0; fd < ofile.size(); fd++) {
            File f = ofile.remove(fd);
            if (f != null) f.release();
        }
        return true;
    }

    /** The directories the group's copy holds, which keep their file system busy like a member's own. */
    public Vnode copiedCwd() {
        return cdir;
    }

    public Vnode copiedRoot() {
        return rdir;
    }

    /** The group's copy of the ids: a member sharing ids is judged by it (it may not have picked it up yet). */
    public Cred copiedCred() {
        return cred;
    }

    /** On entry to the kernel: picks up whatever other members changed that {@code p} shares. */
    public void sync(Proc p) {
        int bits = p.syncPending & p.shmask;
        p.syncPending = 0;
        if (bits == 0) return;
        Cpu c = p.cpu();
        c.now += updateLock.acquire(c.id, c.now);
        if ((bits & PR_SFDS) != 0) copyFds(p);
        if ((bits & PR_SDIR) != 0) {
            p.cwd = cdir;
            p.root = rdir;
        }
        if ((bits & PR_SUMASK) != 0) p.cred = p.cred.withUmask(cmask);
        if ((bits & PR_SULIMIT) != 0) {
            int f = Rlimit.RLIMIT_FSIZE;
            p.limits = p.limits.with(f, limits.cur(f), limits.max(f));
        }
        if ((bits & SHARE_SIGHAND) != 0) p.sig.setActions(actions);
        if ((bits & PR_SID) != 0) {
            if (p.cred.ruid() != cred.ruid()) table.changeUid(p.cred.ruid(), cred.ruid());
            p.cred = p.cred.withIdsOf(cred);
        }
        c.now += updateLock.release(c.id, c.now);
        syncs.value++;
    }

    /** The descriptor half of {@link #sync}, also run when a member that slept is about to change its table. */
    void syncFds(Proc p) {
        p.syncPending &= ~PR_SFDS;
        Cpu c = p.cpu();
        c.now += updateLock.acquire(c.id, c.now);
        copyFds(p);
        c.now += updateLock.release(c.id, c.now);
        syncs.value++;
    }

    private void copyFds(Proc p) {
        FdTable mine = p.fds;
        Proc sharer = mine.sharer;
        mine.sharer = null; // no catching up from inside the catch-up
        copyTable(ofile, mine);
        mine.sharer = sharer;
        p.fdsPublished = mine.changes;
    }

    /** Makes {@code to} hold what {@code from} holds, slot by slot, moving references and close-on-exec flags. */
    private static void copyTable(FdTable from, FdTable to) {
        int n = Math.max(from.size(), to.size());
        for (int fd = 0; fd < n; fd++) {
            File want = from.get(fd);
            File have = to.get(fd);
            if (want == have) {
                if (want != null) to.closeOnExec(fd, from.closeOnExec(fd));
                continue;
            }
            if (have != null) to.remove(fd).release();
            if (want != null) {
                want.hold();
                to.install(fd, want, from.closeOnExec(fd));
            }
        }
    }

    /**
     * At the end of a call by {@code p}: whatever it changed of what it shares goes into the copies, and every other
     * member sharing that resource is marked to pick it up.
     */
    public void publish(Proc p) {
        int mask = p.shmask;
        int changed = 0;
        int f = Rlimit.RLIMIT_FSIZE;
        if ((mask & PR_SFDS) != 0 && p.fds.changes != p.fdsPublished) changed |= PR_SFDS;
        if ((mask & PR_SDIR) != 0 && (p.cwd != cdir || p.root != rdir)) changed |= PR_SDIR;
        if ((mask & PR_SUMASK) != 0 && p.cred.umask() != cmask) changed |= PR_SUMASK;
        if ((mask & PR_SULIMIT) != 0 && (p.limits.cur(f) != limits.cur(f) || p.limits.max(f) != limits.max(f))) {
            changed |= PR_SULIMIT;
        }
        if ((mask & PR_SID) != 0 && !p.cred.sameIds(cred)) changed |= PR_SID;
        if ((mask & SHARE_SIGHAND) != 0 && !p.sig.sameActions(actions)) changed |= SHARE_SIGHAND;
        if (changed == 0) return;
        Cpu c = p.cpu();
        c.now += updateLock.acquire(c.id, c.now);
        if ((changed & PR_SFDS) != 0) {
            copyTable(p.fds, ofile);
            p.fdsPublished = p.fds.changes;
        }
        if ((changed & PR_SDIR) != 0) {
            cdir = p.cwd;
            rdir = p.root;
        }
        if ((changed & PR_SUMASK) != 0) cmask = p.cred.umask();
        if ((changed & PR_SULIMIT) != 0) limits = limits.with(f, p.limits.cur(f), p.limits.max(f));
        if ((changed & SHARE_SIGHAND) != 0) actions = p.sig.actions();
        if ((changed & PR_SID) != 0) cred = p.cred;
        for (Proc m : members) {
            if (m != p && (m.shmask & changed) != 0) m.syncPending |= m.shmask & changed;
        }
        c.now += updateLock.release(c.id, c.now);
        updates.value++;
    }
}
