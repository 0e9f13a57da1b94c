package sprocket.cli.sh;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;
import sprocket.libc.Passwd;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * One shell's state: variables, functions, options, jobs, {@code $?}, {@code $!}, and where it reads commands. A
 * forked child (a subshell, a pipeline's element, a command substitution) runs on a {@link #copy}, since the Java
 * objects are not in the simulated address space fork(2) copies: what the child changes stays in the child.
 */
final class Shell implements Expander.Context {
    final Sys sys;
    final Terminal terminal;
    Variables vars;
    Map<String, Node.FunctionDefinition> functions;
    Options options;
    Jobs jobs;
    /** $0, and the name error messages begin with. */
    String name;
    /** $?. */
    int status;
    /** $!: the last background job's pid, or 0 before there is one. */
    int lastBackground;
    /** $$: the pid of the shell the user started; a subshell keeps its parent's. */
    final int rootPid;
    /** True in a forked child: job control is off there, and exit ends only the child. */
    boolean subshell;
    /** The terminal job control hands to the foreground job, or -1 when there is none. */
    int ttyFd = -1;
    /** The line of the command being run, for messages. */
    int lineNo;
    /** Above zero while set -e is suppressed: an if or while condition, a left side of && or ||, a ! pipeline. */
    int errexitSuppressed;
    /** Loops around the command being run, for break and continue. */
    int loops;
    /** The built-in being run, which messages name after the line number; null when none is. */
    String commandName;
    /** getopts's place: the OPTIND it last set, and how far into that argument's letters it is. */
    String getoptsOptind;
    int getoptsOffset;
    /** Whether exit has already warned of stopped jobs (the second exit leaves anyway). */
    boolean warnedStoppedJobs;
    /** Functions being run, for the nesting limit. */
    int functionDepth;
    /** Dot scripts, eval strings and traps being run, for the nesting limit. */
    int dotDepth;
    /** Signals caught by a trap and not yet acted on, bit n for signal n. */
    int pendingTraps;
    /** Actions set by trap, by signal number (0: EXIT); null or absent: default. */
    Map<Integer, String> traps = new HashMap<>();
    final Expander expander = new Expander(this);
    final Executor executor = new Executor(this);

    Shell(Sys sys, Terminal terminal, String name) {
        this.sys = sys;
        this.terminal = terminal;
        this.name = name;
        this.vars = new Variables();
        this.functions = new HashMap<>();
        this.options = new Options();
        this.jobs = new Jobs();
        this.rootPid = sys.getpid();
    }

    private Shell(Shell parent) {
        this.sys = parent.sys;
        this.terminal = parent.terminal;
        this.name = parent.name;
        this.vars = parent.vars.copy();
        this.functions = new HashMap<>(parent.functions);
        this.options = parent.options.clone();
        this.jobs = new Jobs();
        this.rootPid = parent.rootPid;
        this.status = parent.status;
        this.lastBackground = parent.lastBackground;
        this.lineNo = parent.lineNo;
        this.commandName = parent.commandName;
        this.errexitSuppressed = parent.errexitSuppressed;
        this.loops = parent.loops;
        this.functionDepth = parent.functionDepth;
        this.dotDepth = parent.dotDepth;
        this.traps = new HashMap<>();
        // A subshell keeps ignored signals ignored; other traps are reset (XCU 2.12).
        parent.traps.forEach((sig, action) -> {
            if (sig != 0 && action.isEmpty()) traps.put(sig, action);
        });
        this.subshell = true;
        this.options.monitor = false;
        this.options.interactive = false;
    }

    /**
     * The state a forked child starts with: everything copied, no jobs, job control off. Made in the parent before
     * fork(2), so that the child sees the shell as it was at the fork; system calls act for whichever process makes
     * them, so the copy's {@code sys} serves the child.
     */
    Shell copy() {
        return new Shell(this);
    }

    /** The signals a trap catches (not ignores): a child puts them back to their defaults. */
    int[] caughtSignals() {
        return traps.entrySet().stream().filter(e -> e.getKey() != 0 && !e.getValue().isEmpty())
                .mapToInt(java.util.Map.Entry::getKey).toArray();
    }

    /**
     * set -m: each job in its own process group. The shell leads a group of its own and, when it has a terminal
     * (through {@link Terminal}), takes it; it ignores the stop signals of the terminal, as job-control shells do.
     */
    void enableJobControl() {
        if (subshell) return;
        for (int fd : new int[] {0, 2}) {
            if (ttyFd < 0 && terminal.isatty(sys, fd)) {
                int copy = sys.fcntl(fd, sprocket.api.sys.Fcntl.F_DUPFD, Limits.FIRST_PRIVATE_FD);
                if (copy >= 0 && sys.fcntl(copy, sprocket.api.sys.Fcntl.F_SETFD, sprocket.api.sys.Fcntl.FD_CLOEXEC) == 0) {
                    ttyFd = copy;
                }
            }
        }
        // As dash does: started in the background, stop (SIGTTIN) until brought to the foreground; then ignore the
        // terminal's stop signals before leaving the foreground group, so that taking the terminal from the new
        // group does not stop the shell with SIGTTOU.
        while (ttyFd >= 0) {
            int fg = terminal.tcgetpgrp(sys, ttyFd);
            if (fg < 0 || fg == sys.getpgrp()) break;
            sys.kill(0, Signals.SIGTTIN);
        }
        for (int sig : new int[] {Signals.SIGTSTP, Signals.SIGTTIN, Signals.SIGTTOU}) {
            Pipelines.dispose(sys, sig, false);
        }
        int pid = sys.getpid();
        // EPERM: a session leader already leads its own group.
        if (sys.getpgrp() != pid && sys.setpgid(0, pid) == -1 && sys.errno() != Errno.EPERM) {
            error("setpgid: " + Strerror.strerror(sys.errno()));
        }
        if (ttyFd >= 0 && terminal.tcsetpgrp(sys, ttyFd, pid) == -1) {
            error("Cannot set tty process group (" + Strerror.strerror(sys.errno()) + ")");
        }
    }

    /** Runs a forked child's task: exit and errors end the child alone, with their status. */
    int runChild(Pipelines.Task task) {
        try {
            status = task.run(this);
        } catch (Jump j) {
            // exit, and return outside a function (which dash takes as exit); break and continue end the subshell
            status = j.kind == Jump.Kind.EXIT || j.kind == Jump.Kind.RETURN ? j.value : status;
        } catch (ShellError e) {
            if (!e.reported) error(e.getMessage());
            status = e.status;
        }
        // A subshell that set an EXIT trap of its own runs it as it ends.
        try {
            exitTrap();
        } catch (Jump j) {
            status = j.value;
        }
        return status;
    }

    /**
     * The variables a shell starts with: the environment, exported; IFS as POSIX sets it; the prompts; PPID; PWD
     * kept if it names the current directory, else the physical path.
     */
    void initialize() {
        for (String e : sys.environ()) {
            int eq = e.indexOf('=');
            if (eq <= 0 || !Variables.validName(e.substring(0, eq))) continue;
            vars.set(e.substring(0, eq), e.substring(eq + 1));
            vars.export(e.substring(0, eq));
        }
        vars.set("IFS", " \t\n");
        if (vars.get("PS1") == null) vars.set("PS1", sys.geteuid() == 0 ? "# " : "$ ");
        if (vars.get("PS2") == null) vars.set("PS2", "> ");
        if (vars.get("PS4") == null) vars.set("PS4", "+ ");
        vars.set("OPTIND", "1");
        vars.set("PPID", Integer.toString(sys.getppid()));
        if (Directories.logicalPwd(this) == null) {
            String cwd = sys.getcwd();
            if (cwd != null) vars.set("PWD", cwd);
        }
    }

    /** Writes PS1, or PS2 for a continuation line, before an interactive shell reads. */
    void prompt(boolean continuation) {
        String p = vars.get(continuation ? "PS2" : "PS1");
        if (p != null) err(p);
    }

    // ---- reading and running commands

    /**
     * Reads and runs every command of {@code in}, one complete command at a time; returns the last status. A
     * syntax or other fatal error ends a non-interactive shell (through {@link Jump#exit}); an interactive one
     * reports it and reads on.
     */
    int run(Input in) {
        Parser parser = new Parser(new Lexer(in, 0));
        while (true) {
            Node n;
            try {
                if (options.interactive || options.monitor && !subshell) reportJobs();
                n = parser.command();
            } catch (ShellError e) {
                lineNo = parser.line();
                fail(e);
                // An interactive shell throws away the rest of the line and reads on with a fresh parser.
                int c;
                while ((c = in.next()) != Input.EOF && c != '\n') {
                    // skip
                }
                parser = new Parser(new Lexer(in, 0));
                continue;
            }
            if (n == null) break;
            if (options.noexec && !options.interactive) continue;
            // The input's last command may be exec'd in place of the shell, as dash does for sh -c 'cmd'.
            boolean last = in.exhausted() && !options.interactive && !traps.containsKey(0);
            try {
                executor.eval(n, last);
            } catch (ShellError e) {
                fail(e);
            }
        }
        return status;
    }

    /** Runs every command of a dot script or an eval string; errors go to the caller. The last status, or 0. */
    int runNested(Input in) {
        Parser parser = new Parser(new Lexer(in, 0));
        int last = 0;
        while (true) {
            Node n;
            try {
                n = parser.command();
            } catch (ShellError e) {
                lineNo = parser.line();
                throw e;
            }
            if (n == null) return last;
            last = executor.eval(n, false);
        }
    }

    /** Reports an error; a fatal one ends a non-interactive shell (XCU 2.8.1). */
    void fail(ShellError e) {
        if (!e.reported) error(e.getMessage());
        status = e.status;
        if (e.fatal && !options.interactive) throw Jump.exit(e.status);
    }

    /** The inputs being read (the script, dot scripts), innermost last, which a redirection may have to move. */
    final java.util.List<Input> sources = new java.util.ArrayList<>();

    /** A redirection is about to replace {@code fd}: an input read from it moves to another descriptor first. */
    void sourceWillBeReplaced(int fd) {
        for (Input in : sources) in.relocate(sys, fd);
    }

    /** Runs the EXIT trap, if one is set, once. */
    void exitTrap() {
        String action = traps.remove(0);
        if (action == null || action.isEmpty()) return;
        int saved = status;
        try {
            executor.evalString(action);
        } catch (ShellError e) {
            error(e.getMessage());
        } catch (Jump j) {
            if (j.kind == Jump.Kind.EXIT) saved = j.value;
        }
        status = saved;
    }

    /** Writes any job that stopped or finished since the last report, as "[1] + Done    cmd". */
    void reportJobs() {
        jobs.poll(sys, options.monitor);
        String s = jobs.changes();
        if (!s.isEmpty()) err(s);
    }

    // ---- output

    /** Writes to standard output; false with errno set if it could not be written. */
    boolean out(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Stdio.writeAll(sys, Fcntl.STDOUT_FILENO, b, 0, b.length);
    }

    void err(String s) {
        Stdio.fputs(sys, Fcntl.STDERR_FILENO, s);
    }

    /** "sh: LINE: message" on standard error, with the built-in running, as dash does ("sh: 1: cd: ..."). */
    void error(String message) {
        err(name + ": " + lineNo + ": " + (commandName == null ? "" : commandName + ": ") + message + "\n");
    }

    // ---- what expansion needs

    @Override
    public Variables variables() {
        return vars;
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    public String special(char c) {
        return switch (c) {
            case '?' -> Integer.toString(status);
            case '$' -> Integer.toString(rootPid);
            case '!' -> lastBackground == 0 ? null : Integer.toString(lastBackground);
            case '-' -> options.flags();
            case '0' -> name;
            default -> null;
        };
    }

    @Override
    public String substitute(Node body) {
        return executor.substitute(body);
    }

    @Override
    public List<String> glob(String pattern) {
        return Glob.expand(sys, pattern);
    }

    @Override
    public String home(String user) {
        if (user.isEmpty()) return vars.get("HOME");
        // getpwnam(3C): the sixth field of the user's line in /etc/passwd; no such user (or no file) leaves ~user.
        Passwd pw = Passwd.getpwnam(sys, user);
        return pw == null ? null : pw.dir();
    }
}
