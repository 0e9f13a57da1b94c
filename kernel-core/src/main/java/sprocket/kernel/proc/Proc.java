package sprocket.kernel.proc;

import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.vm.AddressSpace;
import sprocket.kernel.engine.Kthread;
import sprocket.kernel.engine.Wchan;
import sprocket.kernel.vfs.NameContext;
import sprocket.kernel.vfs.Vnode;

/**
 * A process: the proc structure. Running it (CPU, sleep, scheduling, times) is its {@link Kthread}'s and the
 * engine's; the rest is grouped below by the part of the kernel that owns it, and only that part writes it
 * (the architecture module's ArchitectureTest checks who writes which field). Credentials and limits are immutable values,
 * replaced on change and shared with a forked child until then.
 */
public final class Proc extends Kthread {
    public final int pid;
    /**
     * The system call interface the process's code was handed: the same stubs for every process, since a call acts
     * for whichever process makes it. Part of the user context a child copies from its parent, as fork copies the
     * trap frame.
     */
    public final Sys sys;
    /** The arguments and result of the system call in progress (the system call layer's). */
    public final TrapFrame frame = new TrapFrame();
    /** errno, kept per process as the PRDA keeps it: set when a call fails, and by the program. */
    public int errno;
    /** The process is being torn down: every further call unwinds (lifecycle's). */
    private boolean exiting;

    // ---- the process tree and job control (lifecycle, and setpgid/setsid)
    public Proc parent;
    public final Children children = new Children();
    /** Links of the parent's {@link Children} list (lifecycle's, through that list). */
    Proc siblingPrev;
    Proc siblingNext;
    public int pgid;
    public int sid;
    /** Whether the process has exec'd since fork: setpgid(2) then refuses its parent (EACCES). */
    public boolean execed;
    /** The wait status word once a zombie, or while stopped. */
    public int status;
    /** A stop not yet reported to a waiting parent. */
    public boolean stopReported = true;

    // ---- credentials and limits (the process calls; share groups copy them between members)
    public Cred cred;
    public Limits limits;

    // ---- the image it runs (lifecycle: fork, exec)
    public String command;
    public String[] argv;
    public String[] envp;
    /** What the process runs after exec: a program's main, or a fork child's entry. */
    public Program program;
    public ProcessEntry entry;
    /** The stack pointer the process started with (exec's, or sproc's new stack top, or sprocsp's sp). */
    public long stackPointer;

    // ---- memory (lifecycle; the trap layer for faults)
    public AddressSpace space;
    /** While a vfork(2) child borrows its parent's address space: the parent, asleep until the child execs or exits. */
    public Proc vforkParent;
    /** While this process waits in vfork(2): the child that borrows its address space. */
    public Proc vforkChild;
    /** The signal the memory manager chose for this process's last unresolved fault (SIGSEGV, or SIGKILL when out of memory). */
    public int faultSignal;

    // ---- signals (posting, delivery and the signal calls)
    public final SigState sig = new SigState(this);

    // ---- files (the file calls; share groups copy them between members)
    public FdTable fds;
    public Vnode cwd;
    public Vnode root;

    // ---- share groups (sproc(2), the shared address block) and blockproc(2)
    /** The share group's shared address block, or null outside any. */
    private Shaddr shaddr;
    /** The share mask (p_shmask): what this member shares, Prctl PR_S* bits; PR_SALL for the creator. */
    public int shmask;
    /** Resources another member changed that this one has not picked up yet: PR_S* bits, tested on kernel entry. */
    public int syncPending;
    /** The descriptor table's change count when this member last published or picked up the group's table. */
    public int fdsPublished;
    /** blockproc(2)'s count: the process sleeps while it is negative. */
    private int blockCount;
    /** PR_UNBLKONEXEC: the process to unblock when this one execs or exits (0: none). */
    public int unblockOnExec;
    /** PR_SETEXITSIG: the signal the other members get when this one exits (0: none). */
    public int exitSignal;
    /** PR_TERMCHILD: this process gets SIGHUP when its parent exits. */
    public boolean termChild;

    /**
     * Nonzero while entering or leaving the kernel takes more than the ordinary path: the process is exiting, is in a
     * share group, is held by blockproc(2) or has a signal ready. Barton and Wagner, "Beyond Threads: Resource Sharing
     * in UNIX": "the collection of bits in p_flag is checked in a single test", so a process outside share groups
     * with no signal waiting pays one test.
     */
    private int attention;
    private static final int EXITING = 1, SHARING = 2, BLOCKED = 4;
    /** The {@link #attention} bit set while a signal is pending and not blocked ({@link SigState#ready}). */
    public static final int SIGNAL_READY = 8;
    private Object blockChannel;

    // ---- resource usage beyond the thread's times (getrusage(2))
    public final Usage usage = new Usage();

    Proc(int pid, Sys sys, Cred cred) {
        this.pid = pid;
        this.sys = sys;
        this.cred = cred;
    }

    public boolean exiting() {
        return exiting;
    }

    /** Marks the process as being torn down, or (a crashed program's exit) not yet. */
    public void exiting(boolean value) {
        exiting = value;
        attend();
    }

    public Shaddr shaddr() {
        return shaddr;
    }

    /** Joins the process to a share group's block, or (null) takes it out of its group. */
    public void shaddr(Shaddr group) {
        shaddr = group;
        attend();
    }

    public int blockCount() {
        return blockCount;
    }

    public void blockCount(int value) {
        blockCount = value;
        attend();
    }

    /** See {@link #attention}: zero for a process that takes the ordinary way into and out of the kernel. */
    public int attention() {
        return attention;
    }

    /** Sets the attention bits from the state they summarise; every change to that state calls it. */
    void attend() {
        attention = (exiting ? EXITING : 0) | (shaddr != null ? SHARING : 0) | (blockCount < 0 ? BLOCKED : 0)
                | (sig.ready() ? SIGNAL_READY : 0);
    }

    /** The wait channel of a blocked process (made on first use: most processes never block). */
    public Object blockChannel() {
        if (blockChannel == null) blockChannel = new Wchan("blockproc");
        return blockChannel;
    }

    /** Where and as whom the process resolves path names now: its current and root directories, its credentials. */
    public NameContext nameContext() {
        return new NameContext(cwd, root, cred.credentials());
    }

    /** The blockproc(2) wait channel if the process ever blocked, else null. */
    public Object blockChannelIfMade() {
        return blockChannel;
    }

    @Override
    public boolean signalPending() {
        return sig.ready();
    }

    @Override
    public AddressSpace space() {
        return space;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int shareGroup() {
        return shaddr == null ? 0 : shaddr.id;
    }

    @Override
    public String command() {
        return command;
    }
}
