package sprocket.fuzz.prog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.api.sys.Wait;

/**
 * /bin/fuzz for one run. Its main is the supervisor, which works as syzkaller's executor does: each call of the
 * program's first list is a worker, a process it forks (its own process group, as the program's user, without a
 * terminal) to make that call's calls; two run at a time, and one still going after {@link #WORKER_SECONDS} simulated
 * seconds is killed with its group, so that no worker stalls the rest. When all are done and the processes they left
 * have ended (or {@link #LINGER_SECONDS} have passed), the supervisor exits; init then kills what is left and the
 * kernel checks its invariants. An image a fuzzing process exec'd is also /bin/fuzz, told by its arguments which
 * calls to make.
 */
public final class FuzzProgram implements Program {
    public static final String NAME = "fuzz";
    /** Simulated seconds a worker may run before it is killed with its group. */
    static final int WORKER_SECONDS = 3;
    /** Workers running at once, so that they meet: in pipes, IPC objects, the file system, signals. */
    static final int PARALLEL = 2;
    /** Simulated seconds the supervisor waits, once every worker is done, for the processes they left. */
    static final int LINGER_SECONDS = 5;
    /** Simulated nanoseconds between the supervisor's looks at its workers. */
    private static final long POLL_NANOS = 20_000_000L;
    /** fork(2) attempts the supervisor makes for a worker, for fault injection may refuse a few. */
    private static final int FORK_TRIES = 20;
    private static final long NANOS = 1_000_000_000L;
    /** The signals the supervisor catches: every one a process may, but SIGCHLD, whose default it waits by. */
    private static final int[] CATCHABLE = IntStream.range(1, Signals.NSIG)
            .filter(sig -> sig != Signals.SIGKILL && sig != Signals.SIGSTOP && sig != Signals.SIGCHLD).toArray();

    private final Prog prog;
    private final Journal journal;
    /** The machine's page size, asked once by the supervisor: every executor needs it. */
    private int pageSize = 4096;

    public FuzzProgram(Prog prog, Journal journal) {
        this.prog = prog;
        this.journal = journal;
    }

    /** The simulated seconds a program of {@code workers} workers needs at most, killed workers included. */
    public static int seconds(int workers) {
        return (workers + PARALLEL - 1) / PARALLEL * (WORKER_SECONDS + 1) + LINGER_SECONDS;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "a generated program of " + prog.size() + " calls (sprocket fuzz)";
    }

    Prog prog() {
        return prog;
    }

    /** Whether the processes keep an alarm ticking, to interrupt calls that would wait for good. */
    boolean ticking() {
        return prog.catches();
    }

    /** The argv of the new image exec'd by the call at {@code path}: its calls are that call's body. */
    static String[] imageArgv(String path, Resources res) {
        return new String[] {NAME, "image", path, res.encode()};
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length >= 3 && argv[1].equals("image")) {
            if (prog.body(argv[2]) == null) return 2;
            Resources res = Resources.decode(argv.length > 3 ? argv[3] : "");
            return new Executor(sys, res, journal, this).image(prog, argv[2]);
        }
        return supervise(sys);
    }

    int pageSize() {
        return pageSize;
    }

    private int supervise(Sys sys) {
        long ps = sys.sysconf(Sysconf._SC_PAGESIZE);
        if (ps > 0 && ps <= 1 << 16) pageSize = (int) ps;
        // The supervisor runs as root and its workers (but a root program's) as another user, who may not signal it. A
        // root program's workers may: the supervisor catches every signal it can, so that only SIGKILL or SIGSTOP
        // (kill(-1) from root) ends the program early. Its workers put them back at their defaults first.
        for (int sig : CATCHABLE) sys.signal(sig, (t, n) -> { });
        List<long[]> running = new ArrayList<>();
        List<Call> workers = prog.calls();
        for (int i = 0; i < workers.size(); i++) {
            while (running.size() >= PARALLEL) reap(sys, running);
            String path = Integer.toString(i + 1);
            List<Call> body = workers.get(i).body();
            int pid = -1;
            for (int t = 0; t < FORK_TRIES && pid < 0; t++) pid = sys.fork(s -> worker(s, body, path));
            if (pid > 0) running.add(new long[] {pid, sys.nanotime() + WORKER_SECONDS * NANOS});
        }
        while (!running.isEmpty()) reap(sys, running);
        long linger = sys.nanotime() + LINGER_SECONDS * NANOS;
        // What the workers left went to init: it is waited for here, by the journal's count.
        while (journal.live() > 0 && sys.nanotime() < linger) sys.nanosleep(POLL_NANOS);
        return 0;
    }

    /** Reaps the workers that ended, kills those past their time with their groups, and waits a moment. */
    private void reap(Sys sys, List<long[]> running) {
        int[] st = new int[1];
        int pid;
        while ((pid = sys.waitpid(-1, st, Wait.WNOHANG)) > 0) {
            int done = pid;
            running.removeIf(w -> w[0] == done);
        }
        if (pid < 0 && sys.errno() == Errno.ECHILD) {
            running.clear();
            return;
        }
        long now = sys.nanotime();
        for (long[] w : running) {
            if (now >= w[1]) {
                sys.kill((int) -w[0], Signals.SIGKILL);
                sys.kill((int) w[0], Signals.SIGKILL);
            }
        }
        sys.nanosleep(POLL_NANOS);
    }

    /** A worker: a process group of its own, the program's signal set-up and user, no terminal; then its calls. */
    private int worker(Sys s, List<Call> body, String path) {
        for (int sig : CATCHABLE) s.signal(sig, SignalHandler.DEFAULT);
        s.setpgid(0, 0);
        // Most programs catch the signals whose default would end them at once, so that they live long enough to
        // reach deep states; the rest keep every default (their children inherit either).
        if (prog.catches()) {
            s.signal(Signals.SIGPIPE, SignalHandler.IGNORE);
            for (int sig : new int[] {Signals.SIGHUP, Signals.SIGINT, Signals.SIGTERM, Signals.SIGUSR1, Signals.SIGUSR2}) {
                s.signal(sig, (t, n) -> { });
            }
            s.signal(Signals.SIGALRM, (t, n) -> t.alarm(1));
        }
        // No terminal, as syzkaller's programs have none: the console's job control would stop them at once.
        int fd = s.open("/dev/null", Fcntl.O_RDWR);
        for (int std = 0; std < 3 && fd >= 0; std++) s.dup2(fd, std);
        if (fd > 2) s.close(fd);
        if (prog.uid() != 0) {
            s.setgid(prog.uid());
            s.setuid(prog.uid());
        }
        return new Executor(s, Resources.initial(), journal, this).process(body, path + ".");
    }
}
