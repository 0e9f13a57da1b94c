package sprocket.kernel.core;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.Signals;
import sprocket.api.fs.Vnode;
import sprocket.api.sched.Task;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.vm.AddressSpace;

/** A process: the proc structure of the kernel, and the read-only {@link Task} view a scheduler sees of it. */
final class Proc implements Task {
    final int pid;
    Proc parent;
    final List<Proc> children = new ArrayList<>(0);
    int pgid;
    int sid;
    /** Whether the process has exec'd since fork: setpgid(2) then refuses its parent (EACCES). */
    boolean execed;

    int ruid;
    int euid;
    int suid;
    int rgid;
    int egid;
    int sgid;
    int umask;

    String command;
    String[] argv;
    String[] envp;
    /** What the process runs after exec: a program's main, or a fork child's entry. */
    Program program;
    ProcessEntry entry;
    Coroutine coroutine;

    ProcState state = ProcState.RUNNABLE;
    /** The wait status word once a zombie, or while stopped. */
    int status;
    /** A stop not yet reported to a waiting parent. */
    boolean stopReported = true;
    Cpu cpu;
    int lastCpu = -1;

    /** Wait channel while SLEEPING, compared by identity. */
    Object channel;
    boolean interruptible;
    boolean wokenBySignal;

    int nice;
    int priority;
    long affinity;
    long runtime;
    long waitTime;
    long runnableSince;
    long runStart;
    /** Links of the engine's list of processes in the scheduler's custody. */
    boolean queuedHere;
    Proc queuePrev;
    Proc queueNext;
    /** When the process was created, and how often it moved between CPUs. */
    long startTime;
    long migrations;

    /** getrusage(2) accounting: kernel cycles, faults, switches, signals, TLB misses; and the children's. */
    long stime;
    long minflt;
    long nvcsw;
    long nivcsw;
    long nsignals;
    long tlbMisses;
    long[] childUsage = new long[7];
    /** Where the current stretch of kernel time began; where the current slice began; the TLB counter then. */
    long kernelMark;
    long sliceStart;
    long tlbMark;

    int pending;
    int blocked;
    final Sigaction[] actions = new Sigaction[Signals.NSIG];
    Event alarm;

    /** getrlimit(2)/setrlimit(2): soft and hard limits by resource (Rlimit.RLIMIT_*). */
    final long[] rlimCur = new long[sprocket.api.sys.Rlimit.RLIM_NLIMITS];
    final long[] rlimMax = new long[sprocket.api.sys.Rlimit.RLIM_NLIMITS];

    FdTable fds;
    Vnode cwd;
    Vnode root;
    AddressSpace space;

    /** While a vfork(2) child borrows its parent's address space: the parent, asleep until the child execs or exits. */
    Proc vforkParent;

    /** The share group's shared address block, or null outside any (sproc(2)). */
    Shaddr shaddr;
    /** The share mask (p_shmask): what this member shares, Prctl PR_S* bits; PR_SALL for the creator. */
    int shmask;
    /** Resources another member changed that this one has not picked up yet: PR_S* bits, tested on kernel entry. */
    int syncPending;
    /** The descriptor table's change count when this member last published or picked up the group's table. */
    int fdsPublished;
    /** The stack pointer the process started with (exec's, or sproc's new stack top, or sprocsp's sp). */
    long stackPointer;
    /** blockproc(2)'s count: the process sleeps while it is negative. */
    int blockCount;
    /** The wait channel of a blocked process. */
    final Object blockChannel = new Object();
    /** PR_UNBLKONEXEC: the process to unblock when this one execs or exits (0: none). */
    int unblockOnExec;
    /** PR_SETEXITSIG: the signal the other members get when this one exits (0: none). */
    int exitSignal;
    /** PR_TERMCHILD: this process gets SIGHUP when its parent exits. */
    boolean termChild;

    /** errno, kept per process as the PRDA keeps it. */
    int errno;
    /** Inside a system call: charged time does not preempt (the kernel is not preemptible). */
    boolean inKernel;
    /** The process is being torn down: every further call unwinds. */
    boolean exiting;
    /** The signal the memory manager chose for this process's last unresolved fault (SIGSEGV, or SIGKILL when out of memory). */
    int faultSignal;
    /** A kernel lock this process holds across its system call, to release when it sleeps. */
    KernelLock heldLock;

    Proc(int pid) {
        this.pid = pid;
        for (int i = 1; i < Signals.NSIG; i++) {
            actions[i] = DEFAULT_ACTION;
        }
    }

    static final Sigaction DEFAULT_ACTION = Sigaction.of(SignalHandler.DEFAULT);

    boolean alive() {
        return state != ProcState.ZOMBIE;
    }

    SignalHandler handler(int sig) {
        return actions[sig].handler();
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
    public int nice() {
        return nice;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public int weight() {
        return Weights.of(nice);
    }

    @Override
    public long affinity() {
        return affinity;
    }

    @Override
    public int lastCpu() {
        return lastCpu;
    }

    @Override
    public long runtime() {
        return runtime;
    }

    @Override
    public long waitTime() {
        return waitTime;
    }

    @Override
    public long runnableSince() {
        return runnableSince;
    }

    @Override
    public String command() {
        return command;
    }

    @Override
    public String toString() {
        return "pid " + pid + " (" + command + ")";
    }
}
