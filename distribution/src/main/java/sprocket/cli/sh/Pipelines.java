package sprocket.cli.sh;

import java.util.List;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;
import sprocket.libc.Strerror;

/**
 * Children: forking a copy of the shell for a pipeline's elements, a subshell, a background job or a command
 * substitution, and waiting for foreground jobs. With job control each job is its own process group, set by both
 * parent and child so that neither can run ahead of the other (the race every job-control shell avoids this way);
 * the terminal follows the foreground group through {@link Terminal}.
 */
final class Pipelines {

    enum Mode { FOREGROUND, BACKGROUND, NOJOB }

    /** The signals an interactive shell ignores (XCU sh: SIGINT, SIGQUIT and SIGTERM), and their mask. */
    static final int[] SHELL_IGNORES = {Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTERM};
    private static final int SHELL_IGNORES_MASK =
            Signals.bit(Signals.SIGINT) | Signals.bit(Signals.SIGQUIT) | Signals.bit(Signals.SIGTERM);

    /** What a forked child runs, on its own copy of the shell; returns its exit status. */
    @FunctionalInterface
    interface Task {
        int run(Shell child);
    }

    private Pipelines() {
    }

    /** {@code a | b | c} or {@code ! a}: every element in its own child, joined by pipes; the last one's status. */
    static int run(Shell sh, Node.Pipeline p) {
        if (p.commands().size() == 1) {
            int s = sh.executor.tested(p.commands().get(0));
            return p.negate() ? (s == 0 ? 1 : 0) : s;
        }
        Job job = sh.jobs.create(false);
        if (p.negate()) sh.errexitSuppressed++;
        int status;
        try {
            forkAll(sh, job, p.commands(), Mode.FOREGROUND);
            status = waitForeground(sh, job);
        } finally {
            if (p.negate()) sh.errexitSuppressed--;
        }
        return p.negate() ? (status == 0 ? 1 : 0) : status;
    }

    /** {@code list &}: started, not waited for; {@code $!} is its last process. */
    static int background(Shell sh, Node body) {
        Job job = sh.jobs.create(true);
        if (body instanceof Node.Pipeline p && !p.negate()) {
            forkAll(sh, job, p.commands(), Mode.BACKGROUND);
        } else {
            fork(sh, job, Mode.BACKGROUND, Unparse.text(body), child -> child.executor.eval(body, true));
        }
        sh.lastBackground = job.lastPid();
        sh.jobs.makeCurrent(job);
        if (sh.options.interactive || (sh.options.monitor && !sh.subshell)) {
            sh.err("[" + job.id + "] " + job.lastPid() + "\n");
        }
        return 0;
    }

    private static void forkAll(Shell sh, Job job, List<Node> commands, Mode mode) {
        Sys sys = sh.sys;
        int[] barrier = groupBarrier(sh);
        int previous = -1;
        try {
            for (int i = 0; i < commands.size(); i++) {
                int[] out = null;
                if (i < commands.size() - 1) {
                    out = new int[2];
                    if (sys.pipe(out) == -1) {
                        int e = sys.errno();
                        if (previous >= 0) sys.close(previous);
                        throw ShellError.fatal("Pipe call failed: " + Strerror.strerror(e));
                    }
                }
                int in = previous;
                int[] pipe = out;
                Node cmd = commands.get(i);
                boolean leader = i == 0;
                try {
                    fork(sh, job, mode, Unparse.text(cmd), child -> {
                        Sys s = child.sys;
                        if (barrier != null && !passBarrier(child, barrier, leader)) return 2;
                        if (pipe != null) s.close(pipe[0]);
                        if (in >= 0 && !move(s, in, 0)) return 2;
                        if (pipe != null && !move(s, pipe[1], 1)) return 2;
                        return child.executor.eval(cmd, true);
                    });
                } catch (ShellError e) {
                    if (in >= 0) sys.close(in);
                    if (pipe != null) {
                        sys.close(pipe[0]);
                        sys.close(pipe[1]);
                    }
                    throw e;
                }
                if (in >= 0) sys.close(in);
                if (pipe != null) sys.close(pipe[1]);
                previous = pipe == null ? -1 : pipe[0];
            }
        } finally {
            // Every member has joined the group: the leader, reading the barrier, sees end of file and goes on.
            if (barrier != null) {
                sys.close(barrier[0]);
                sys.close(barrier[1]);
            }
        }
    }

    /**
     * With job control, a pipe that holds a pipeline's first process until every other has joined its process group
     * (bash's pgrp_pipe): setpgid(2) may name only a group that still has a member, and this kernel does not count a
     * leader that has already exited (a zombie) as one. Null without job control, or if no pipe can be had (then
     * the race is only run, as shells without the barrier run it).
     */
    private static int[] groupBarrier(Shell sh) {
        if (!sh.options.monitor || sh.subshell) return null;
        int[] barrier = new int[2];
        return sh.sys.pipe(barrier) == 0 ? barrier : null;
    }

    /** In a pipeline's child: the leader waits for the barrier to close, the others only let go of it. */
    private static boolean passBarrier(Shell child, int[] barrier, boolean leader) {
        Sys s = child.sys;
        s.close(barrier[1]);
        if (leader) {
            byte[] b = new byte[1];
            int n;
            while ((n = s.read(barrier[0], b, 0, 1)) != 0) {
                if (n == -1 && s.errno() != Errno.EINTR) {
                    child.error("pipeline barrier: " + Strerror.strerror(s.errno()));
                    return false;
                }
            }
        }
        s.close(barrier[0]);
        return true;
    }

    /** Makes {@code from} descriptor {@code to} and closes {@code from}; false (reported) if dup2(2) failed. */
    private static boolean move(Sys s, int from, int to) {
        if (from == to) return true;
        if (s.dup2(from, to) == -1) {
            Strerror.perror(s, "sh: dup2");
            return false;
        }
        s.close(from);
        return true;
    }

    /**
     * Forks a child of {@code job} running {@code task} on a copy of the shell, as dash's forkshell does: with job
     * control the child joins the job's process group (the first child's pid) and, in the foreground, gets the
     * terminal; without it a background child ignores SIGINT and SIGQUIT and reads /dev/null. Returns the pid; a
     * failed fork is a fatal "Cannot fork".
     */
    static int fork(Shell sh, Job job, Mode mode, String command, Task task) {
        boolean control = job != null && mode != Mode.NOJOB && sh.options.monitor && !sh.subshell;
        int leader = job == null || job.processes.isEmpty() ? 0 : job.processes.get(0).pid;
        boolean interactive = sh.options.interactive;
        int tty = sh.ttyFd;
        int[] caught = sh.caughtSignals();
        Shell copy = sh.copy();
        // An interactive shell ignores SIGINT, SIGQUIT and SIGTERM, and its children must not: they are forked with
        // those at their defaults but blocked, so a kill that comes before the child runs waits for it, not lost.
        int[] old = new int[1];
        if (interactive) {
            sh.sys.sigprocmask(Sigaction.SIG_BLOCK, SHELL_IGNORES_MASK, old);
            for (int sig : SHELL_IGNORES) dispose(sh.sys, sig, true);
        }
        int pid = sh.sys.fork(s -> {
            // XCU 2.12: a subshell's caught signals go back to their defaults; ignored ones stay ignored.
            for (int sig : caught) dispose(s, sig, true);
            if (control) {
                int group = leader == 0 ? s.getpid() : leader;
                setpgid(copy, 0, group);
                if (mode == Mode.FOREGROUND && tty >= 0 && copy.terminal.tcsetpgrp(s, tty, group) == -1) {
                    copy.error("Cannot set tty process group (" + Strerror.strerror(s.errno()) + ")");
                }
                for (int sig : new int[] {Signals.SIGTSTP, Signals.SIGTTIN, Signals.SIGTTOU}) dispose(s, sig, true);
            } else if (mode == Mode.BACKGROUND) {
                dispose(s, Signals.SIGINT, false);
                dispose(s, Signals.SIGQUIT, false);
                if (leader == 0) {
                    // XCU 2.9.3: without job control an asynchronous list's standard input is /dev/null.
                    s.close(0);
                    if (s.open("/dev/null", Fcntl.O_RDONLY) != 0) {
                        copy.error("Can't open /dev/null");
                        return 2;
                    }
                }
            }
            if (interactive) s.sigprocmask(Sigaction.SIG_SETMASK, old[0], null);
            return copy.runChild(task);
        });
        if (interactive) {
            for (int sig : SHELL_IGNORES) dispose(sh.sys, sig, false);
            sh.sys.sigprocmask(Sigaction.SIG_SETMASK, old[0], null);
        }
        if (pid == -1) {
            int e = sh.sys.errno();
            if (job != null && job.processes.isEmpty()) sh.jobs.forget(job);
            throw ShellError.fatal("Cannot fork: " + Strerror.strerror(e));
        }
        if (job != null) {
            if (control) {
                int group = leader == 0 ? pid : leader;
                setpgid(sh, pid, group);
                job.pgid = group;
            }
            job.processes.add(new Job.Process(pid, command));
        }
        return pid;
    }

    /** A child outside any job (a command substitution, a here-document's writer): no process group of its own. */
    static int forkPlain(Shell sh, Task task, int[] closeOnFailure) {
        try {
            return fork(sh, null, Mode.NOJOB, "", task);
        } catch (ShellError e) {
            for (int fd : closeOnFailure) sh.sys.close(fd);
            throw e;
        }
    }

    /**
     * setpgid(2) from the parent or the child; the one that comes second may find the work done: EACCES (the child
     * has exec'd, so it made the call itself), ESRCH (it has already exited), or EPERM (the group's first process
     * has exited, and this kernel does not count a zombie as a member of its group). Anything else is reported.
     */
    private static void setpgid(Shell sh, int pid, int group) {
        if (sh.sys.setpgid(pid, group) == 0) return;
        int e = sh.sys.errno();
        if (e != Errno.EACCES && e != Errno.ESRCH && e != Errno.EPERM) sh.error("setpgid: " + Strerror.strerror(e));
    }

    /** Sets {@code sig} to its default action, or to be ignored. */
    static void dispose(Sys s, int sig, boolean byDefault) {
        if (s.signal(sig, byDefault ? SignalHandler.DEFAULT : SignalHandler.IGNORE) == null) {
            Strerror.perror(s, "sh: signal " + Signals.name(sig));
        }
    }

    /**
     * Waits for a foreground job to finish (or, with job control, to stop), takes the terminal back, and returns
     * its status; a finished job is forgotten, a stopped one becomes the current job.
     */
    static int waitForeground(Shell sh, Job job) {
        sh.jobs.waitFor(sh, job, job.pgid != 0);
        if (job.pgid != 0 && sh.ttyFd >= 0 && sh.terminal.tcsetpgrp(sh.sys, sh.ttyFd, sh.sys.getpgrp()) == -1) {
            sh.error("Cannot set tty process group (" + Strerror.strerror(sh.sys.errno()) + ")");
        }
        int status = job.status();
        // dash: an interrupted foreground job leaves an interactive shell on a new line (its EXINT handling).
        if (sh.options.interactive && job.state == Job.State.DONE && status == 128 + Signals.SIGINT) sh.err("\n");
        if (job.state == Job.State.DONE) {
            sh.jobs.forget(job);
        } else {
            sh.jobs.makeCurrent(job);
        }
        return status;
    }
}
