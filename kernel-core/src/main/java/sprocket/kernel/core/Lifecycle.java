package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.OpenFile;
import sprocket.api.kernel.Credentials;
import sprocket.api.sched.Scheduler;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Program;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;
import sprocket.api.vm.MemoryManager;

import static sprocket.api.Signals.SIGABRT;
import static sprocket.api.Signals.SIGCHLD;

/**
 * Birth and death of processes: fork(2), exec(2), exit(2), wait(2), as the Unix process notes (seed 003) and the
 * manual pages give them. A child starts at an entry point since a Java stack cannot be copied; all else is fork.
 */
@Singleton
final class Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    /** Text and data sizes of a program image: programs are Java code, so these are nominal. */
    static final long TEXT_BYTES = 16 * 1024;
    static final long DATA_BYTES = 16 * 1024;
    static final int INIT_PID = 1;

    private final Engine engine;
    private final ProcTable table;
    private final Signals signals;
    private final MemoryManager memory;
    private final FileSystem fs;
    private final sprocket.api.ipc.Ipc ipc;
    private final Programs programs;
    private final Sys sys;
    private final KernelTunables tunables;
    private final ShareGroups shares;
    private final ProcBlock blocking;
    private final Stats.CounterImpl forks;
    private final Stats.CounterImpl execs;
    private final Stats.CounterImpl exits;
    private final SchedMetrics metrics;
    Proc init;
    /** When the last process exited: the run's end. */
    long endTime = -1;

    @Inject
    Lifecycle(Engine engine, ProcTable table, Signals signals, MemoryManager memory, FileSystem fs,
            sprocket.api.ipc.Ipc ipc, Programs programs, Sys sys, KernelTunables tunables, Stats stats,
            SchedMetrics metrics, ShareGroups shares, ProcBlock blocking) {
        this.engine = engine;
        this.table = table;
        this.signals = signals;
        this.memory = memory;
        this.fs = fs;
        this.ipc = ipc;
        this.programs = programs;
        this.sys = sys;
        this.tunables = tunables;
        this.shares = shares;
        this.blocking = blocking;
        this.forks = (Stats.CounterImpl) stats.counter("forks");
        this.execs = (Stats.CounterImpl) stats.counter("execs");
        this.exits = (Stats.CounterImpl) stats.counter("exits");
        this.metrics = metrics;
    }

    /** Creates pid 1, running {@code entry} as root in / with an empty descriptor table, on CPU 0. */
    Proc spawnInit(ProcessEntry entry) {
        Proc p = table.allocate(new Credentials(0, 0, 0, 0, 022), new int[1]);
        if (p == null || p.pid != INIT_PID) throw new PanicException("cannot create init");
        p.umask = 022;
        p.pgid = p.pid;
        p.sid = p.pid;
        p.command = "init";
        p.argv = new String[] {"init"};
        p.envp = new String[] {"PATH=/bin", "HOME=/"};
        p.affinity = allCpus();
        p.fds = new FdTable();
        java.util.Arrays.fill(p.rlimCur, Rlimit.RLIM_INFINITY);
        java.util.Arrays.fill(p.rlimMax, Rlimit.RLIM_INFINITY);
        p.rlimCur[Rlimit.RLIMIT_STACK] = tunables.stackLimit;
        p.rlimCur[Rlimit.RLIMIT_NOFILE] = FdTable.NOFILE;
        p.rlimMax[Rlimit.RLIMIT_NOFILE] = FdTable.NOFILE;
        p.cwd = fs.root();
        p.root = fs.root();
        p.space = memory.create(0, image("init", tunables.stackLimit));
        if (p.space == null) throw new PanicException("no memory for init");
        p.stackPointer = p.space.stackTop();
        p.entry = entry;
        init = p;
        start(p);
        return p;
    }

    long allCpus() {
        int n = engine.cpus.length;
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    private static Image image(String program, long stackLimit) {
        return new Image(program, TEXT_BYTES, DATA_BYTES, stackLimit);
    }

    void start(Proc p) {
        p.startTime = engine.now();
        p.coroutine = Coroutine.create(() -> body(p));
        engine.scheduler.taskCreated(p);
        engine.makeRunnable(p, Scheduler.ENQ_WAKEUP);
    }

    /** The bottom of every process's Java stack. */
    private void body(Proc p) {
        try {
            if (Engine.hasSignal(p)) signals.check(p);
            while (true) {
                try {
                    int status;
                    ProcessEntry e = p.entry;
                    if (e != null) {
                        p.entry = null;
                        status = e.run(sys);
                    } else {
                        status = p.program.main(sys, p.argv.clone());
                    }
                    exit(p, Wait.exited(status));
                } catch (ExecUnwind x) {
                    if (p.exiting) throw ProcessExit.INSTANCE;
                    p.exiting = false;
                }
            }
        } catch (ProcessExit x) {
            // the process is a zombie; its stack ends here
        } catch (PanicException x) {
            throw x;
        } catch (RuntimeException | StackOverflowError x) {
            crashed(p, x);
        }
    }

    /** A program threw: as a faulting instruction would, it dies of SIGABRT with a core. */
    private void crashed(Proc p, Throwable x) {
        log.warn("pid {} ({}) died of an uncaught {}: {}", p.pid, p.command, x.getClass().getSimpleName(),
                x.getMessage());
        try {
            p.exiting = false;
            p.inKernel = true;
            exit(p, Wait.signaled(SIGABRT, true));
        } catch (ProcessExit done) {
            // dead
        }
    }

    // ---- fork(2)

    /** fork(2) by the running process {@code parent}: the child's pid, or a negative errno. */
    int fork(Proc parent, ProcessEntry entry) {
        return create(parent, entry, false);
    }

    /**
     * vfork(2): the child runs in the parent's own address space, and the parent sleeps until the child execs or
     * exits and gives the space back. Nothing is copied, not even page tables.
     */
    int vfork(Proc parent, ProcessEntry entry) {
        int pid = create(parent, entry, true);
        if (pid < 0) return pid;
        Proc child = table.get(pid);
        while (child.vforkParent == parent) {
            engine.sleep(child, false);
        }
        return pid;
    }

    private int create(Proc parent, ProcessEntry entry, boolean borrow) {
        int[] why = new int[1];
        Proc child = table.allocate(credentials(parent), why);
        if (child == null) return -why[0];
        Cpu cpu = parent.cpu;
        shares.updateBegin(parent);
        AddressSpace space = borrow ? parent.space : parent.space.fork(cpu.id);
        shares.updateEnd(parent);
        if (space == null) {
            table.free(child);
            return -Errno.ENOMEM;
        }
        if (borrow) child.vforkParent = parent;
        child.stackPointer = parent.stackPointer;
        inherit(parent, child, space, entry);
        forks.increment();
        start(child);
        return child.pid;
    }

    /** What a child of {@code parent} inherits, as fork(2) lists it; it then runs {@code entry} in {@code space}. */
    void inherit(Proc parent, Proc child, AddressSpace space, ProcessEntry entry) {
        Cpu cpu = parent.cpu;
        child.space = space;
        child.ruid = parent.ruid;
        child.euid = parent.euid;
        child.suid = parent.suid;
        child.rgid = parent.rgid;
        child.egid = parent.egid;
        child.sgid = parent.sgid;
        child.umask = parent.umask;
        child.pgid = parent.pgid;
        child.sid = parent.sid;
        child.command = parent.command;
        child.argv = parent.argv;
        child.envp = parent.envp;
        child.program = parent.program;
        child.nice = parent.nice;
        child.priority = parent.priority;
        child.affinity = parent.affinity;
        child.blocked = parent.blocked;
        System.arraycopy(parent.rlimCur, 0, child.rlimCur, 0, parent.rlimCur.length);
        System.arraycopy(parent.rlimMax, 0, child.rlimMax, 0, parent.rlimMax.length);
        System.arraycopy(parent.actions, 0, child.actions, 0, parent.actions.length);
        child.fds = parent.fds.copy();
        child.cwd = parent.cwd;
        child.root = parent.root;
        child.parent = parent;
        child.entry = entry;
        parent.children.add(child);
        engine.charge(engine.costs.kernelOp() * 4);
        engine.trace.event(Engine.TRACE_FORK, engine.now(), cpu.id, parent.pid, child.pid);
    }

    static Credentials credentials(Proc p) {
        return new Credentials(p.ruid, p.euid, p.rgid, p.egid, p.umask);
    }

    // ---- exec(2)

    /**
     * exec(2) of the program named by the executable {@code file} found at {@code path}: builds the new image,
     * then unwinds the old stack. Returns a negative errno when the old image must go on.
     */
    int exec(Proc p, String programName, String[] argv, String[] envp) {
        Program program = programs.get(programName);
        if (program == null) return -Errno.ENOEXEC;
        Cpu cpu = p.cpu;
        // The new image's stack may grow as far as RLIMIT_STACK allows, as exec(2) sets it up.
        AddressSpace space = memory.create(cpu.id,
                image(programName, p.rlimCur[Rlimit.RLIMIT_STACK]));
        if (space == null) return -Errno.ENOMEM;
        AddressSpace old = p.space;
        p.space = space;
        space.pmap().activate(cpu.id);
        cpu.activeSpace = space;
        long sp = ArgumentVector.push(engine, cpu, space, argv, envp);
        if (sp < 0) {
            p.space = old;
            old.pmap().activate(cpu.id);
            cpu.activeSpace = old;
            space.destroy(cpu.id);
            return -Errno.E2BIG;
        }
        if (p.vforkParent != null) {
            giveBack(p);
        } else {
            forgetSpace(old);
            shares.updateBegin(p);
            old.destroy(cpu.id);
            shares.updateEnd(p);
        }
        // exec(2) "removes the process from the share group before overlaying the new process image".
        leaveGroup(p);
        p.shmask = 0; // the new image has no threads library either (PR_INIT_THREADS's mark goes with the old one)
        for (int fd = 0; fd < p.fds.size(); fd++) {
            if (p.fds.closeOnExec(fd)) {
                OpenFile f = p.fds.remove(fd);
                if (f != null) f.release();
            }
        }
        for (int s = 1; s < p.actions.length; s++) {
            SignalHandler h = p.actions[s].handler();
            if (h != SignalHandler.IGNORE && h != SignalHandler.DEFAULT) p.actions[s] = Proc.DEFAULT_ACTION;
        }
        p.program = program;
        p.entry = null;
        p.command = programName;
        p.argv = argv;
        p.envp = envp;
        p.stackPointer = sp;
        p.execed = true;
        execs.increment();
        engine.trace.event(Engine.TRACE_EXEC, engine.now(), cpu.id, p.pid, 0);
        return 0;
    }

    /** A vfork(2) child execs or exits: its parent has its address space back and wakes. */
    private void giveBack(Proc child) {
        Proc parent = child.vforkParent;
        child.vforkParent = null;
        engine.wakeup(child);
        engine.trace.event(Engine.TRACE_WAKE, engine.now(), -1, parent.pid, child.pid);
    }

    /**
     * A space about to be destroyed must be active nowhere: a CPU that last ran it (the process has moved on)
     * switches to the kernel's own pmap.
     */
    private void forgetSpace(AddressSpace space) {
        for (Cpu c : engine.cpus) {
            if (c.activeSpace == space) {
                engine.kernelPmap().activate(c.id);
                c.activeSpace = null;
            }
        }
    }

    // ---- exit(2)

    /** exit(2) of the running process {@code p} with wait status {@code status}; never returns. */
    void exit(Proc p, int status) {
        if (p.exiting || !p.alive()) throw ProcessExit.INSTANCE;
        p.exiting = true;
        Cpu cpu = p.cpu;
        engine.events.cancel(p.alarm);
        p.alarm = null;
        // semop(2): SEM_UNDO adjustments are applied when the process exits.
        ipc.exit(p.pid);
        // Its own descriptors close; the group's table (if it shares one) keeps its references.
        p.fds.sharer = null;
        for (int fd = 0; fd < p.fds.size(); fd++) {
            OpenFile f = p.fds.remove(fd);
            if (f != null) f.release();
        }
        if (p.vforkParent != null) {
            giveBack(p);
            p.space = null;
        }
        if (p.space != null && cpu != null) {
            forgetSpace(p.space);
            shares.updateBegin(p);
            p.space.destroy(cpu.id);
            shares.updateEnd(p);
            p.space = null;
            cpu.last = null;
        }
        Shaddr group = p.shaddr;
        leaveGroup(p);
        if (group != null && p.exitSignal != 0) {
            // prctl(2) PR_SETEXITSIG: every remaining member of the share group is signalled.
            for (Proc m : group.members) signals.post(m, p.exitSignal);
        }
        for (Proc c : p.children) {
            if (c.termChild && c.alive()) signals.post(c, sprocket.api.Signals.SIGHUP); // prctl(2) PR_TERMCHILD
        }
        reparentChildren(p);
        p.status = status;
        p.state = ProcState.ZOMBIE;
        exits.increment();
        metrics.exited(p, engine.now());
        engine.trace.event(Engine.TRACE_EXIT, engine.now(), cpu == null ? -1 : cpu.id, p.pid, status);
        engine.scheduler.taskExited(p);
        Proc parent = p.parent;
        if (parent == null) {
            endTime = engine.now();
        } else if (parent.handler(SIGCHLD) == SignalHandler.IGNORE
                || (parent.actions[SIGCHLD].flags() & Sigaction.SA_NOCLDWAIT) != 0) {
            // SVR4: with SIGCLD ignored (or SA_NOCLDWAIT) children leave no zombie behind.
            reap(p);
            engine.wakeup(parent);
        } else {
            signals.post(parent, SIGCHLD);
            engine.wakeup(parent);
        }
        throw ProcessExit.INSTANCE;
    }

    /**
     * Takes {@code p} out of its share group (exit, exec); PR_UNBLKONEXEC's process is unblocked.
     */
    private void leaveGroup(Proc p) {
        if (p.unblockOnExec != 0) {
            Proc q = table.get(p.unblockOnExec);
            p.unblockOnExec = 0;
            if (q != null) blocking.unblock(q, 1);
        }
        Shaddr s = p.shaddr;
        if (s == null) return;
        shares.leave(p);
    }

    /** Orphans go to init, which reaps them; init hears of any that are already zombies. */
    private void reparentChildren(Proc p) {
        if (p.children.isEmpty()) return;
        if (p == init) throw new PanicException("init exited with " + p.children.size() + " children left");
        boolean zombies = false;
        for (Proc c : p.children) {
            c.parent = init;
            init.children.add(c);
            zombies |= !c.alive();
        }
        p.children.clear();
        if (zombies && init.alive()) {
            signals.post(init, SIGCHLD);
            engine.wakeup(init);
        }
    }

    private void reap(Proc z) {
        long[] own = {z.runtime - z.stime, z.stime, z.minflt, z.nvcsw, z.nivcsw, z.nsignals, z.tlbMisses};
        long[] to = z.parent.childUsage;
        for (int i = 0; i < own.length; i++) to[i] += own[i] + z.childUsage[i];
        z.parent.children.remove(z);
        z.parent = null;
        table.free(z);
    }

    // ---- wait(2)

    /** waitpid(2) for the running process {@code p}: the pid reaped, 0 for WNOHANG, or a negative errno. */
    int waitpid(Proc p, int pid, int[] status, int options) {
        while (true) {
            boolean any = false;
            for (int i = 0; i < p.children.size(); i++) {
                Proc c = p.children.get(i);
                if (!matches(p, c, pid)) continue;
                any = true;
                if (!c.alive()) {
                    if (status != null && status.length > 0) status[0] = c.status;
                    int cpid = c.pid;
                    reap(c);
                    return cpid;
                }
                if (c.state == ProcState.STOPPED && !c.stopReported && (options & Wait.WUNTRACED) != 0) {
                    c.stopReported = true;
                    if (status != null && status.length > 0) status[0] = c.status;
                    return c.pid;
                }
            }
            if (!any) return -Errno.ECHILD;
            if ((options & Wait.WNOHANG) != 0) return 0;
            if (engine.sleep(p, true) != 0) return -Errno.EINTR;
        }
    }

    private static boolean matches(Proc p, Proc c, int pid) {
        if (pid > 0) return c.pid == pid;
        if (pid == -1) return true;
        if (pid == 0) return c.pgid == p.pgid;
        return c.pgid == -pid;
    }
}
