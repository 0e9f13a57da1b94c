package sprocket.kernel.lifecycle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Machine;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Sys;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.Image;
import sprocket.api.vm.MemoryManager;
import sprocket.kernel.config.KernelTunables;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.FaultInjection;
import sprocket.kernel.engine.PanicException;
import sprocket.kernel.proc.Cred;
import sprocket.kernel.proc.FdTable;
import sprocket.kernel.proc.Limits;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.share.ShareGroups;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.stats.Trace;
import sprocket.kernel.vfs.NameSpace;

/**
 * Process creation: init at boot, and fork(2) and vfork(2), as the Unix process notes (CS 332, "Unix Process API")
 * and the manual pages give them. A child starts at an entry point since a Java stack cannot be copied; everything
 * else is fork's. The new process is made here; the system call layer starts it running.
 */
@Singleton
public final class Fork {
    /** Text and data sizes of a program image: programs are Java code, so these are nominal. */
    static final long TEXT_BYTES = 16 * 1024;
    static final long DATA_BYTES = 16 * 1024;

    private final Engine engine;
    private final ProcTable table;
    private final MemoryManager memory;
    private final NameSpace names;
    private final KernelTunables tunables;
    private final ShareGroups shares;
    private final Trace trace;
    private final long forkCost;
    private final Stats.Count forks;
    private final FaultInjection faults;

    @Inject
    Fork(Engine engine, ProcTable table, MemoryManager memory, NameSpace names, KernelTunables tunables,
            ShareGroups shares, Trace trace, Machine machine, Stats stats, FaultInjection faults) {
        this.engine = engine;
        this.table = table;
        this.memory = memory;
        this.names = names;
        this.tunables = tunables;
        this.shares = shares;
        this.trace = trace;
        this.forkCost = machine.costs().kernelOp() * 4;
        this.forks = stats.counter("forks");
        this.faults = faults;
    }

    /** Makes pid 1, to run {@code entry} through {@code sys} as root in / with an empty descriptor table. */
    public Proc init(Sys sys, ProcessEntry entry) {
        Proc p = table.allocate(Cred.root(022), sys);
        if (p.pid != Signals.INIT_PID) throw new PanicException("cannot create init: pid " + p.pid + " is taken");
        p.pgid = p.pid;
        p.sid = p.pid;
        p.command = "init";
        p.argv = new String[] {"init"};
        p.envp = new String[] {"PATH=/bin", "HOME=/"};
        p.fds = new FdTable(faults);
        p.limits = Limits.unlimited()
                .with(Rlimit.RLIMIT_STACK, tunables.stackLimit, Rlimit.RLIM_INFINITY)
                .with(Rlimit.RLIMIT_NOFILE, FdTable.NOFILE, FdTable.NOFILE);
        p.cwd = names.root();
        p.root = names.root();
        try {
            p.space = memory.create(0, image("init", tunables.stackLimit));
        } catch (ErrnoException e) {
            throw new PanicException("no memory for init: " + e.getMessage());
        }
        p.stackPointer = p.space.stackTop();
        p.entry = entry;
        return p;
    }

    static Image image(String program, long stackLimit) {
        return new Image(program, TEXT_BYTES, DATA_BYTES, stackLimit);
    }

    /**
     * fork(2) ({@code borrow} false) or vfork(2) by the running process {@code parent}: a child that will run
     * {@code entry}. Throws EAGAIN (no process slot) or ENOMEM (no memory), having undone what it did. vfork's
     * child runs in the parent's own address space: nothing is copied, not even page tables.
     */
    public Proc fork(Proc parent, ProcessEntry entry, boolean borrow) {
        Proc child = table.allocate(parent.cred, parent.sys);
        AddressSpace space;
        shares.updateBegin(parent);
        try {
            space = borrow ? parent.space : parent.space.fork(parent.cpu().id);
        } catch (ErrnoException e) {
            table.free(child);
            throw e;
        } finally {
            shares.updateEnd(parent);
        }
        if (borrow) {
            child.vforkParent = parent;
            parent.vforkChild = child;
        }
        child.stackPointer = parent.stackPointer;
        inherit(parent, child, space, entry);
        forks.increment();
        return child;
    }

    /**
     * vfork(2)'s parent, after starting {@code child}: it sleeps until the child execs or exits and gives the space
     * back, and returns true. It returns false, the child still borrowing the space, when a signal that kills or stops
     * the parent is pending: those reach a process wherever it sleeps (no handler runs meanwhile, since the child is
     * using the parent's memory).
     */
    public boolean awaitVforkChild(Proc parent, Proc child) {
        while (child.vforkParent == parent) {
            if (Signals.killOrStopPending(parent)) return false;
            engine.sleep(child, false);
        }
        return true;
    }

    /** What a child of {@code parent} inherits, as fork(2) lists it; it then runs {@code entry} in {@code space}. */
    public void inherit(Proc parent, Proc child, AddressSpace space, ProcessEntry entry) {
        child.space = space;
        child.pgid = parent.pgid;
        child.sid = parent.sid;
        child.limits = parent.limits;
        child.command = parent.command;
        child.argv = parent.argv;
        child.envp = parent.envp;
        child.program = parent.program;
        child.sig.blocked(parent.sig.blocked());
        child.sig.inherit(parent.sig);
        child.fds = parent.fds.copy();
        child.cwd = parent.cwd;
        child.root = parent.root;
        child.parent = parent;
        child.entry = entry;
        parent.children.add(child);
        engine.charge(forkCost);
        trace.event(Trace.FORK, engine.now(), parent.cpu().id, parent.pid, child.pid);
    }
}
