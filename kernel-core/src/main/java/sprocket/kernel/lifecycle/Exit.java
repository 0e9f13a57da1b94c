package sprocket.kernel.lifecycle;

import static sprocket.api.Signals.SIGCHLD;
import static sprocket.api.Signals.SIGHUP;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.ipc.Ipc;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.PanicException;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.proc.ProcessExit;
import sprocket.kernel.proc.Shaddr;
import sprocket.kernel.proc.Usage;
import sprocket.kernel.share.ProcBlock;
import sprocket.kernel.share.ShareGroups;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.stats.Trace;
import sprocket.kernel.tty.Sessions;
import sprocket.kernel.vfs.File;

/**
 * exit(2) and the end of a process: its descriptors closed, its memory given back, its children handed to init,
 * its parent told with SIGCHLD (or, with SIGCLD ignored, no zombie left at all), as SVR4 does it.
 */
@Singleton
public final class Exit {
    private final Engine engine;
    private final ProcTable table;
    private final Signals signals;
    private final Ipc ipc;
    private final ShareGroups shares;
    private final ProcBlock blocking;
    private final Sessions sessions;
    private final Trace trace;
    private final Stats.Count exits;
    /** When init exited: the run's end; -1 before. */
    private long endTime = -1;

    @Inject
    Exit(Engine engine, ProcTable table, Signals signals, Ipc ipc, ShareGroups shares, ProcBlock blocking,
            Sessions sessions, Trace trace, Stats stats) {
        this.engine = engine;
        this.table = table;
        this.signals = signals;
        this.ipc = ipc;
        this.shares = shares;
        this.blocking = blocking;
        this.sessions = sessions;
        this.trace = trace;
        this.exits = stats.counter("exits");
    }

    /** When the last process (init) exited, or -1 while it lives. */
    public long endTime() {
        return endTime;
    }

    /** exit(2) of the running process {@code p} with wait status {@code status}; never returns. */
    public void exit(Proc p, int status) {
        if (p.exiting() || !p.alive()) throw ProcessExit.INSTANCE;
        p.exiting(true);
        Cpu cpu = p.cpu();
        engine.cancel(p.sig.alarm);
        p.sig.alarm = null;
        // semop(2): SEM_UNDO adjustments are applied when the process exits.
        ipc.exit(p.pid);
        // Its own descriptors close; the group's table (if it shares one) keeps its references.
        p.fds.stopSharing();
        for (int fd = 0; fd < p.fds.size(); fd++) {
            File f = p.fds.remove(fd);
            if (f != null) f.release();
        }
        if (p.vforkParent != null) {
            giveBack(p);
            p.space = null;
        }
        Proc borrower = p.vforkChild;
        if (borrower != null) {
            // Killed in vfork(2): the child goes on in the space it borrowed, which is its own from now on (as Linux
            // keeps the mm for it): its exec or exit lets it go.
            borrower.vforkParent = null;
            p.vforkChild = null;
            p.space = null;
        }
        if (p.space != null && cpu != null) {
            engine.forget(p.space);
            shares.updateBegin(p);
            p.space.destroy(cpu.id);
            shares.updateEnd(p);
            p.space = null;
        }
        Shaddr group = p.shaddr();
        leaveGroup(p);
        if (group != null && p.exitSignal != 0) {
            // prctl(2) PR_SETEXITSIG: every remaining member of the share group is signalled.
            for (Proc m : group.members) signals.post(m, p.exitSignal);
        }
        for (Proc c : p.children) {
            if (c.termChild && c.alive()) signals.post(c, SIGHUP); // prctl(2) PR_TERMCHILD
        }
        // A controlling process's terminal hangs up; groups its exit orphans with a stopped member hear of it.
        sessions.exiting(p);
        reparentChildren(p);
        p.status = status;
        exits.increment();
        Proc parent = p.parent;
        engine.exited(p, parent == null ? 0 : parent.pid, cpu == null ? -1 : cpu.id, status);
        if (parent == null) {
            endTime = engine.now();
        } else if (parent.sig.handler(SIGCHLD) == SignalHandler.IGNORE
                || (parent.sig.action(SIGCHLD).flags() & Sigaction.SA_NOCLDWAIT) != 0) {
            // SVR4: with SIGCLD ignored (or SA_NOCLDWAIT) children leave no zombie behind.
            reap(p);
            engine.wakeup(parent);
        } else {
            signals.post(parent, SIGCHLD);
            engine.wakeup(parent);
        }
        throw ProcessExit.INSTANCE;
    }

    /** A vfork(2) child execs or exits: its parent has its address space back and wakes. */
    void giveBack(Proc child) {
        Proc parent = child.vforkParent;
        child.vforkParent = null;
        parent.vforkChild = null;
        engine.wakeup(child);
        trace.event(Trace.WAKE, engine.now(), -1, parent.pid, child.pid);
    }

    /**
     * Takes {@code p} out of its share group (exit, exec); PR_UNBLKONEXEC's process is unblocked.
     */
    void leaveGroup(Proc p) {
        if (p.unblockOnExec != 0) {
            Proc q = table.get(p.unblockOnExec);
            p.unblockOnExec = 0;
            if (q != null) blocking.unblock(q, 1);
        }
        shares.leave(p);
    }

    /** Orphans go to init, which reaps them; init hears of any that are already zombies. */
    private void reparentChildren(Proc p) {
        if (p.children.isEmpty()) return;
        Proc init = table.get(Signals.INIT_PID);
        if (p == init) throw new PanicException("init exited with " + p.children.size() + " children left");
        boolean zombies = false;
        Proc[] orphans = p.children.toArray();
        p.children.clear();
        for (Proc c : orphans) {
            c.parent = init;
            init.children.add(c);
            zombies |= !c.alive();
        }
        if (zombies && init.alive()) {
            signals.post(init, SIGCHLD);
            engine.wakeup(init);
        }
    }

    /** Frees a zombie's slot; its parent adds its usage to its children's. */
    void reap(Proc z) {
        long[] own = new long[7];
        own[Usage.UTIME] = z.runtime() - z.stime();
        own[Usage.STIME] = z.stime();
        own[Usage.MINFLT] = z.usage.minflt;
        own[Usage.NVCSW] = z.nvcsw();
        own[Usage.NIVCSW] = z.nivcsw();
        own[Usage.NSIGNALS] = z.sig.delivered;
        own[Usage.TLBMISS] = z.tlbMisses();
        z.parent.usage.addChild(own, z.usage.children());
        z.parent.children.remove(z);
        z.parent = null;
        table.free(z);
    }
}
