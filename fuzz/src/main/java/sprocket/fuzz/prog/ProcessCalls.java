package sprocket.fuzz.prog;

import java.util.List;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/** Processes: fork(2), vfork(2), exec(2), exit(2), wait(2), ids, groups, kill(2), priorities, prctl(2). */
final class ProcessCalls {
    /** Programs in /bin an image may become besides the fuzzer, with arguments that end soon. */
    private static final List<String[]> OTHERS = List.of(new String[] {"/bin/true", "true"},
            new String[] {"/bin/false", "false"}, new String[] {"/bin/echo", "echo", "fz"},
            new String[] {"/bin/sleep", "sleep", "1"}, new String[] {"/bin/cat", "cat", "/dev/null"},
            new String[] {"/bin/ls", "ls", "/tmp"}, new String[] {"/bin/kill", "kill", "-0", "1"});

    private final Executor x;

    ProcessCalls(Executor x) {
        this.x = x;
    }

    /** Runs one call; false when the process exits (it makes no more calls). */
    boolean run(Call c, Args a, String path) {
        Sys sys = x.sys;
        Resources res = x.res;
        switch (c.op()) {
            case FORK -> {
                Resources copy = res.copy();
                int status = a.below(256);
                int pid = sys.fork(s -> child(s, copy, c.body(), path, status));
                if (pid > 0) res.children.add(pid);
            }
            case VFORK -> {
                Resources copy = res.copy();
                int status = a.below(256);
                int pid = sys.vfork(s -> child(s, copy, c.body(), path, status));
                if (pid > 0) res.children.add(pid);
            }
            case EXEC -> exec(c, a, path);
            case EXIT -> {
                sys.exit(a.chance(90) ? a.below(256) : a.oneOf(-1, 256, Integer.MIN_VALUE));
                return false;
            }
            case WAITPID -> {
                int[] st = a.chance(90) ? new int[1] : a.chance(50) ? null : new int[0];
                int options = a.chance(70) ? Wait.WNOHANG : a.chance(60) ? 0 : a.flags(Wait.WNOHANG, Wait.WUNTRACED, 1);
                int r = sys.waitpid(a.chance(40) ? -1 : a.pid(sys.getpid(), sys.getppid()), st, options);
                if (r > 0) res.children.remove((Integer) r);
            }
            case IDS -> {
                switch (a.below(7)) {
                    case 0 -> sys.getpid();
                    case 1 -> sys.getppid();
                    case 2 -> sys.getuid();
                    case 3 -> sys.geteuid();
                    case 4 -> sys.getgid();
                    case 5 -> sys.getegid();
                    default -> sys.getpgrp();
                }
            }
            case PGRP -> {
                int self = sys.getpid();
                int parent = sys.getppid();
                switch (a.below(4)) {
                    case 0 -> sys.setpgid(a.chance(50) ? 0 : a.pid(self, parent), a.chance(50) ? 0 : a.pid(self, parent));
                    case 1 -> sys.getpgid(a.pid(self, parent));
                    case 2 -> sys.setsid();
                    default -> sys.getsid(a.pid(self, parent));
                }
            }
            case SETUID -> {
                if (a.chance(60)) sys.setuid(a.id());
                else sys.setgid(a.id());
            }
            case KILL -> {
                int pid = a.pid(sys.getpid(), sys.getppid());
                // Most signals end or stop a process: mostly one that does not, to oneself or a group all the more.
                boolean many = pid == sys.getpid() || pid <= 0;
                int sig = a.chance(many ? 85 : 60) ? a.oneOf(0, Signals.SIGCHLD, Signals.SIGPWR, Signals.SIGWINCH,
                        Signals.SIGURG, Signals.SIGCONT, Signals.SIGUSR1, Signals.SIGUSR2, Signals.SIGHUP,
                        Signals.SIGALRM, Signals.SIGTERM, Signals.SIGINT) : a.signal();
                sys.kill(pid, sig);
            }
            case NICE -> sys.nice(a.chance(85) ? a.below(11) - 3 : a.oneOf(-40, 40, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case YIELD -> sys.sched_yield();
            case AFFINITY -> {
                int pid = a.chance(60) ? 0 : a.pid(sys.getpid(), sys.getppid());
                if (a.chance(60)) sys.sched_setaffinity(pid, a.chance(85) ? 1 + a.below(15) : a.nextLong());
                else sys.sched_getaffinity(pid);
            }
            case PRIOCNTL -> sys.priocntl(a.chance(60) ? 0 : a.pid(sys.getpid(), sys.getppid()),
                    a.chance(90) ? a.oneOf(List.of("TS", "RT", "FX", "")) : null,
                    a.chance(85) ? a.below(70) - 5 : a.oneOf(Integer.MIN_VALUE, Integer.MAX_VALUE));
            case PRCTL -> prctl(a);
            case RUSAGE -> sys.getrusage(a.oneOf(0, -1, 1, 2, 100));
            case SYSCONF -> sys.sysconf(a.chance(90) ? a.below(20) : a.oneOf(-1, 1000, Integer.MAX_VALUE));
            case FORKS -> forks(a);
            default -> throw new IllegalArgumentException(c.op().name());
        }
        return true;
    }

    /** A fork, vfork or share-group child: its own executor over a copy of its parent's resources. */
    int child(Sys s, Resources copy, List<Call> body, String path, int status) {
        x.child(s, copy).process(body, path + ".");
        return status;
    }

    private void exec(Call c, Args a, String path) {
        Sys sys = x.sys;
        String[] env = a.chance(90) ? sys.environ() : a.chance(50) ? null : new String[] {null};
        if (a.chance(80)) {
            sys.execve("/bin/" + FuzzProgram.NAME, FuzzProgram.imageArgv(path, x.res), env);
            return;
        }
        switch (a.below(8)) {
            case 0 -> sys.execve(null, new String[] {"x"}, env);
            case 1 -> sys.execve("/bin/true", null, env);
            case 2 -> sys.execve("/bin/true", new String[0], env);
            case 3 -> sys.execve("/bin/echo", new String[] {"echo", null}, env);
            case 4 -> sys.execve(a.path(), new String[] {"x"}, env);
            case 5 -> sys.execve("/bin/echo", new String[] {"echo", "y".repeat(a.chance(50) ? 70_000 : 5_000)}, env);
            default -> {
                String[] p = a.oneOf(OTHERS);
                sys.execve(p[0], java.util.Arrays.copyOfRange(p, 1, p.length), env);
            }
        }
    }

    private void prctl(Args a) {
        Sys sys = x.sys;
        int option = a.chance(90) ? a.oneOf(Prctl.PR_MAXPROCS, Prctl.PR_ISBLOCKED, Prctl.PR_SETSTACKSIZE,
                Prctl.PR_GETSTACKSIZE, Prctl.PR_MAXPPROCS, Prctl.PR_UNBLKONEXEC, Prctl.PR_SETEXITSIG,
                Prctl.PR_TERMCHILD, Prctl.PR_GETSHMASK, Prctl.PR_GETNSHARE, Prctl.PR_INIT_THREADS)
                : a.oneOf(0, 7, 99, -1);
        long arg = switch (option) {
            case Prctl.PR_ISBLOCKED, Prctl.PR_GETSHMASK, Prctl.PR_UNBLKONEXEC ->
                a.chance(70) ? a.pid(sys.getpid(), sys.getppid()) : 0;
            case Prctl.PR_SETSTACKSIZE -> a.chance(70) ? 65_536L * (1 + a.below(64)) : a.llen(1 << 20);
            case Prctl.PR_SETEXITSIG -> a.signal();
            default -> a.chance(50) ? 0 : a.nextLong();
        };
        sys.prctl(option, arg);
    }

    /** Makes children until refused or enough: each pauses or exits at once (process-table pressure). */
    private void forks(Args a) {
        Sys sys = x.sys;
        int n = 4 + a.below(a.chance(80) ? 28 : 500);
        for (int i = 0; i < n; i++) {
            boolean pause = a.chance(40);
            int pid = sys.fork(s -> {
                if (pause) s.pause();
                return 0;
            });
            if (pid < 0) break;
            x.res.children.add(pid);
        }
    }
}
