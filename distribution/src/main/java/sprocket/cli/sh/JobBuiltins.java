package sprocket.cli.sh;

import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Wait;
import sprocket.cli.bin.Kill;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/**
 * jobs, fg, bg, wait and kill: the job-control built-ins (XCU 2.11). fg and bg continue a job's process group with
 * SIGCONT; fg hands it the terminal first and waits for it to finish or stop again.
 */
final class JobBuiltins {

    private JobBuiltins() {
    }

    /** {@code jobs [-lp] [job...]}: the current job first, as dash lists them; a Done job shown is forgotten. */
    static int jobs(Shell sh, String[] argv) {
        Getopt g = Builtins.getopt(sh, argv, "lp");
        String opts = Builtins.options(g);
        boolean pids = opts.indexOf('l') >= 0;
        boolean groups = opts.indexOf('p') >= 0;
        int a = g.optind();
        sh.jobs.poll(sh.sys, sh.options.monitor);
        StringBuilder b = new StringBuilder();
        java.util.List<Job> list = a < argv.length ? new java.util.ArrayList<>() : sh.jobs.byRecency();
        for (; a < argv.length; a++) list.add(sh.jobs.find(argv[a]));
        for (Job j : list) {
            if (groups) {
                b.append(j.pgid != 0 ? j.pgid : j.processes.get(0).pid).append('\n');
                continue;
            }
            b.append(sh.jobs.line(j, pids));
            j.changed = false;
        }
        for (Job j : list) {
            if (!groups && j.state == Job.State.DONE) sh.jobs.forget(j);
        }
        if (!sh.out(b.toString())) throw ShellError.command("I/O error", 1);
        return 0;
    }

    /** fg and bg: continue the job (the current one by default) in the foreground or the background. */
    static int resume(Shell sh, String[] argv, boolean foreground) {
        if (!sh.options.monitor || sh.subshell) throw ShellError.command("job control disabled", 2);
        int status = 0;
        int a = argv.length > 1 && argv[1].equals("--") ? 2 : 1;
        do {
            Job j = sh.jobs.find(a < argv.length ? argv[a] : null);
            sh.out(foreground ? j.command() + "\n" : "[" + j.id + "] " + j.command() + "\n");
            if (j.state != Job.State.DONE) {
                if (foreground && sh.ttyFd >= 0 && sh.terminal.tcsetpgrp(sh.sys, sh.ttyFd, j.pgid) == -1) {
                    sh.error("Cannot set tty process group (" + Strerror.strerror(sh.sys.errno()) + ")");
                }
                // A job started before job control was on shares the shell's group: continue its processes one by one.
                if (j.pgid != 0) {
                    if (sh.sys.kill(-j.pgid, Signals.SIGCONT) == -1 && sh.sys.errno() != Errno.ESRCH) {
                        throw ShellError.command(Strerror.strerror(sh.sys.errno()), 1);
                    }
                }
                for (Job.Process p : j.processes) {
                    boolean stopped = !p.running() && Wait.WIFSTOPPED(p.status);
                    if (j.pgid == 0 && (p.running() || stopped) && sh.sys.kill(p.pid, Signals.SIGCONT) == -1
                            && sh.sys.errno() != Errno.ESRCH) {
                        throw ShellError.command(Strerror.strerror(sh.sys.errno()), 1);
                    }
                    if (stopped) p.status = -1;
                }
                j.state = Job.State.RUNNING;
                j.changed = false;
            }
            if (foreground) {
                status = Pipelines.waitForeground(sh, j);
            } else {
                sh.jobs.makeCurrent(j);
            }
        } while (++a < argv.length);
        return status;
    }

    /** {@code wait [pid|job...]}: without operands every job; else each named one, the last one's status. */
    static int waitFor(Shell sh, String[] argv) {
        boolean untraced = sh.options.monitor && !sh.subshell;
        if (argv.length < 2) {
            for (Job j : sh.jobs.byRecency()) {
                int sig = sh.jobs.waitFor(sh, j, untraced, false);
                if (sig != 0) return 128 + sig;
                if (j.state == Job.State.DONE) sh.jobs.forget(j);
            }
            return 0;
        }
        int status = 0;
        for (int a = 1; a < argv.length; a++) {
            Job j;
            if (argv[a].startsWith("%")) {
                j = sh.jobs.find(argv[a]);
            } else {
                j = sh.jobs.byPid(Builtins.number(argv[a]));
                if (j == null) {
                    status = 127; // not a child of this shell, or already waited for
                    continue;
                }
            }
            int sig = sh.jobs.waitFor(sh, j, untraced, true);
            if (sig != 0) return 128 + sig;
            Job.Process p = argv[a].startsWith("%") ? null : j.process(Integer.parseInt(argv[a]));
            status = p != null && j.state != Job.State.STOPPED ? Job.statusOf(p.status) : j.status();
            if (j.state == Job.State.DONE) sh.jobs.forget(j);
        }
        return status;
    }

    /** {@code kill [-s sig | -sig] pid|%job...} and {@code kill -l [status]}. */
    static int kill(Shell sh, String[] argv) {
        int sig = Signals.SIGTERM;
        int a = 1;
        if (a < argv.length && argv[a].equals("-l")) {
            StringBuilder b = new StringBuilder();
            if (a + 1 < argv.length) {
                int n = Builtins.number(argv[a + 1]);
                if (n > 128) n -= 128;
                if (!Signals.valid(n)) throw ShellError.command("invalid signal number or exit status: " + argv[a + 1], 2);
                b.append(Signals.name(n).substring(3)).append('\n');
            } else {
                for (int s = 1; s < Signals.NSIG; s++) b.append(Signals.name(s).substring(3)).append('\n');
            }
            if (!sh.out(b.toString())) throw ShellError.command("I/O error", 1);
            return 0;
        }
        if (a < argv.length && argv[a].equals("-s")) {
            if (a + 1 >= argv.length) throw ShellError.command("option requires an argument -- s", 2);
            sig = signal(argv[a + 1]);
            a += 2;
        } else if (a < argv.length && argv[a].startsWith("-") && argv[a].length() > 1 && !argv[a].equals("--")) {
            // -SIG or -N is always a signal: a process group is written after it, or after --.
            sig = signal(argv[a].substring(1));
            a++;
        }
        if (a < argv.length && argv[a].equals("--")) a++;
        if (a >= argv.length) throw ShellError.command("usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]", 2);
        int status = 0;
        for (; a < argv.length; a++) {
            String t = argv[a];
            if (t.startsWith("%")) {
                Job j = sh.jobs.find(t);
                if (j.pgid != 0) {
                    int sent = send(sh, -j.pgid, sig);
                    status |= sent;
                    if (sent == 0) settle(sh, j, sig);
                } else {
                    for (Job.Process p : j.processes) {
                        if (p.running() || Wait.WIFSTOPPED(p.status)) status |= send(sh, p.pid, sig);
                    }
                }
                continue;
            }
            boolean negative = t.startsWith("-");
            int pid = Builtins.number(negative ? t.substring(1) : t);
            status |= send(sh, negative ? -pid : pid, sig);
        }
        return status;
    }

    /** How long kill waits after signalling a job, as ksh93's job_kill does ({@code sh_delay(.05)}). */
    private static final long SETTLE_NANOS = 50_000_000L;

    /**
     * After {@code sig} went to job {@code j}'s group: a stopped job is continued for SIGHUP and SIGTERM, which it
     * could not act on stopped, and the shell pauses 50 ms, both as ksh93's job_kill does, so that a job the signal
     * ends has ended by the next prompt, which then reports it ("[1] + Terminated").
     */
    private static void settle(Shell sh, Job j, int sig) {
        if (j.state == Job.State.STOPPED && (sig == Signals.SIGHUP || sig == Signals.SIGTERM)) {
            sh.sys.kill(-j.pgid, Signals.SIGCONT);
        }
        sh.sys.nanosleep(SETTLE_NANOS);
    }

    private static int send(Shell sh, int pid, int sig) {
        if (sh.sys.kill(pid, sig) == 0) return 0;
        sh.error(Strerror.strerror(sh.sys.errno()));
        return 1;
    }

    private static int signal(String name) {
        int sig = Kill.signal(name);
        if (sig < 0) throw ShellError.command("invalid signal number or name: " + name, 2);
        return sig;
    }
}
