package sprocket.fuzz.prog;

import java.util.List;
import sprocket.api.sys.Sys;

/**
 * Runs one fuzzing process's calls, one after another, each with arguments drawn from its seed and from what the
 * process has ({@link Resources}). An exception out of a call is written in the {@link Journal} and thrown on: a
 * process whose call threw dies of it, as a program with a fault does, and the run shows it.
 */
final class Executor {
    final Sys sys;
    final Resources res;
    final Journal journal;
    final FuzzProgram program;
    /** The machine's page size, for mappings. */
    final int page;
    /** Signal handlers running now, one inside another: a handler deeper than this returns at once. */
    int handlerDepth;

    private final FileCalls files = new FileCalls(this);
    private final SocketCalls sockets = new SocketCalls(this);
    private final MemoryCalls memory = new MemoryCalls(this);
    private final IpcCalls ipc = new IpcCalls(this);
    private final ProcessCalls processes = new ProcessCalls(this);
    private final SignalCalls signals = new SignalCalls(this);
    private final ShareCalls share = new ShareCalls(this);

    Executor(Sys sys, Resources res, Journal journal, FuzzProgram program) {
        this.sys = sys;
        this.res = res;
        this.journal = journal;
        this.program = program;
        this.page = program.pageSize();
    }

    /** The whole life of a fuzzing process (or image): its calls, counted as live meanwhile. Returns its status. */
    int process(List<Call> calls, String prefix) {
        return process(calls, prefix, null);
    }

    /**
     * The life of an image exec'd by the call at {@code exec}: that call's body, then the calls after it in its list
     * (what the old image would have gone on to), so that an exec loses none of the program's calls.
     */
    int image(Prog prog, String exec) {
        return process(prog.body(exec), exec + ".", exec);
    }

    private int process(List<Call> calls, String prefix, String thenAfter) {
        journal.started();
        try {
            // An alarm is not inherited: each process starts its own, which the SIGALRM handler keeps re-arming.
            if (program.ticking()) sys.alarm(1);
            run(calls, prefix);
            if (thenAfter != null) continueAfter(thenAfter);
            return 0;
        } finally {
            journal.finished();
        }
    }

    /** Runs {@code calls}, whose paths start with {@code prefix} ("" for the first process, "3." for call 3's body). */
    void run(List<Call> calls, String prefix) {
        run(calls, prefix, 0);
    }

    /** Runs {@code calls} from index {@code from} on. */
    void run(List<Call> calls, String prefix, int from) {
        for (int i = from; i < calls.size(); i++) {
            Call c = calls.get(i);
            String path = prefix + (i + 1);
            journal.call();
            try {
                if (!step(c, path)) return;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError | LinkageError e) {
                journal.threw(c.op(), path, e);
                throw e;
            }
        }
    }

    /** One call; false when the process should stop making calls (it asked to exit). */
    private boolean step(Call c, String path) {
        Args a = new Args(c.seed(), res);
        switch (c.op().family()) {
            case FILES -> files.run(c.op(), a);
            case SOCKETS -> sockets.run(c.op(), a);
            case MEMORY -> memory.run(c.op(), a);
            case IPC -> ipc.run(c.op(), a);
            case PROCESSES -> {
                return processes.run(c, a, path);
            }
            case SIGNALS -> signals.run(c, a, path);
            case SHARE -> share.run(c, a, path);
            default -> throw new IllegalStateException("no family for " + c.op());
        }
        return true;
    }

    /**
     * Goes on with the calls after {@code path} in its list, then, while that list is an earlier image's, with the
     * calls after the exec that made it: up to the process's own list (or a handler's, whose caller is unknown).
     */
    private void continueAfter(String path) {
        Prog prog = program.prog();
        String p = path;
        while (true) {
            run(prog.list(p), Prog.prefix(p), Prog.index(p) + 1);
            String prefix = Prog.prefix(p);
            if (prefix.isEmpty()) return;
            String parent = prefix.substring(0, prefix.length() - 1);
            if (prog.call(parent).op() != Op.EXEC) return;
            p = parent;
        }
    }

    /** A signal handler's calls, on the process's own stack; nested handlers past two deep return at once. */
    void handle(List<Call> body, String path) {
        if (handlerDepth >= 2) return;
        handlerDepth++;
        try {
            run(body, path + ".");
        } finally {
            handlerDepth--;
        }
    }

    /** A new process's executor: {@code child}'s calls go through {@code s}, with {@code copy} of what it has. */
    Executor child(Sys s, Resources copy) {
        return new Executor(s, copy, journal, program);
    }
}
