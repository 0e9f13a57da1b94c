package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.libc.Exec;
import sprocket.libc.Strerror;

/**
 * Simple commands (XCU 2.9.1): expansion, then in this order a special built-in, a function, a regular built-in or
 * a program found on PATH. Assignments before a special built-in stay; before anything else they last for the
 * command only. A program runs in a forked child, or in this process when it is the last thing a child does.
 */
final class Commands {
    /** The search path when PATH is unset: where this system keeps its programs. */
    static final String DEFAULT_PATH = Exec.DEFAULT_PATH;

    private final Shell sh;
    /** Command substitutions run so far: a command with no name takes the status of its last one. */
    private long substitutions;

    Commands(Shell sh) {
        this.sh = sh;
    }

    void substituted() {
        substitutions++;
    }

    int simple(Node.Simple c, boolean exit) {
        sh.lineNo = c.line();
        try {
            return expandAndRun(c, exit);
        } catch (ShellError e) {
            if (e.fatal) throw e;
            sh.error(e.getMessage());
            return e.status;
        }
    }

    private int expandAndRun(Node.Simple c, boolean exit) {
        long before = substitutions;
        List<String> argv = sh.expander.fields(c.words());
        List<String[]> assignments = new ArrayList<>();
        for (Node.Assignment a : c.assignments()) {
            assignments.add(new String[] {a.name(), sh.expander.assignment(a.value())});
            if (argv.isEmpty()) assign(a.name(), assignments.get(assignments.size() - 1)[1]);
        }
        if (sh.options.xtrace) trace(assignments, argv);
        if (argv.isEmpty()) {
            Redirections.apply(sh, c.redirections(), true).restore();
            return substitutions != before ? sh.status : 0;
        }
        return invoke(argv, assignments, c.redirections(), exit, false, c);
    }

    /**
     * Runs a command named by {@code argv[0]}; {@code command} skips functions and makes special built-ins plain
     * ones (the {@code command} built-in).
     */
    int invoke(List<String> argv, List<String[]> assignments, List<Node.Redirection> redirections, boolean exit,
            boolean command, Node.Simple source) {
        String name = argv.get(0);
        boolean path = name.indexOf('/') >= 0;
        Builtin special = path || command ? null : Builtins.special(name);
        if (special != null) {
            for (String[] a : assignments) assign(a[0], a[1]);
            Redirections.Saved saved;
            try {
                // exec's redirections are for the rest of the shell's life; other built-ins' last for them alone.
                saved = Redirections.apply(sh, redirections, !exit && !name.equals("exec"));
            } catch (ShellError e) {
                throw ShellError.fatal(e.getMessage()); // XCU 2.8.1: a special built-in's redirection error
            }
            try {
                return builtin(name, special, argv, true);
            } finally {
                saved.restore();
            }
        }
        Node.FunctionDefinition f = path || command ? null : sh.functions.get(name);
        Builtin regular = path ? null : command && Builtins.special(name) != null ? Builtins.special(name)
                : Builtins.regular(name);
        if (f != null || regular != null) {
            sh.vars.beginTemporaries();
            try {
                for (String[] a : assignments) sh.vars.setTemporarily(a[0], a[1]);
                Redirections.Saved saved = Redirections.apply(sh, redirections, true);
                try {
                    return f != null ? call(f, argv) : builtin(name, regular, argv, false);
                } finally {
                    saved.restore();
                }
            } finally {
                sh.vars.restoreTemporaries();
            }
        }
        String[] env = environment(assignments);
        String[] args = argv.toArray(new String[0]);
        if (exit) {
            try {
                Redirections.apply(sh, redirections, false);
            } catch (ShellError e) {
                sh.error(e.getMessage());
                throw Jump.exit(e.status);
            }
            for (String[] a : assignments) sh.vars.set(a[0], a[1]); // PATH=dir cmd searches dir
            throw Jump.exit(exec(sh, args, env));
        }
        Job job = sh.jobs.create(false);
        Pipelines.fork(sh, job, Pipelines.Mode.FOREGROUND, source == null ? String.join(" ", argv) : Unparse.text(source),
                child -> {
                    try {
                        Redirections.apply(child, redirections, false);
                    } catch (ShellError e) {
                        child.error(e.getMessage());
                        return e.status;
                    }
                    for (String[] a : assignments) child.vars.set(a[0], a[1]); // PATH=dir cmd searches dir
                    return exec(child, args, env);
                });
        return Pipelines.waitForeground(sh, job);
    }

    private void assign(String name, String value) {
        sh.vars.set(name, value);
        if (sh.options.allexport) sh.vars.export(name);
    }

    private int builtin(String name, Builtin b, List<String> argv, boolean special) {
        String outer = sh.commandName;
        sh.commandName = name;
        try {
            return b.run(sh, argv.toArray(new String[0]));
        } catch (ShellError e) {
            if (e.reported) throw e;
            sh.error(e.getMessage()); // while the built-in's name is still there to go before the message
            if (e.fatal || special) throw e.reportedFatal();
            return e.status;
        } finally {
            sh.commandName = outer;
        }
    }

    /** Calls a function: its own positional parameters and loop nesting; return ends it. */
    int call(Node.FunctionDefinition f, List<String> argv) {
        if (sh.functionDepth >= Limits.MAX_CALL_DEPTH) throw ShellError.fatal(f.name() + ": nesting too deep");
        List<String> positional = sh.vars.positional();
        int loops = sh.loops;
        sh.vars.positional(argv.subList(1, argv.size()));
        sh.loops = 0;
        sh.functionDepth++;
        sh.vars.beginLocals();
        try {
            return sh.executor.eval(f.body(), false);
        } catch (Jump j) {
            if (j.kind != Jump.Kind.RETURN) throw j;
            return j.value;
        } finally {
            sh.vars.endLocals();
            sh.functionDepth--;
            sh.loops = loops;
            sh.vars.positional(positional);
        }
    }

    private String[] environment(List<String[]> assignments) {
        if (assignments.isEmpty()) return sh.vars.environment();
        sh.vars.beginTemporaries();
        try {
            for (String[] a : assignments) sh.vars.setTemporarily(a[0], a[1]);
            return sh.vars.environment();
        } finally {
            sh.vars.restoreTemporaries();
        }
    }

    private void trace(List<String[]> assignments, List<String> argv) {
        String ps4 = sh.vars.get("PS4");
        StringBuilder b = new StringBuilder(ps4 == null ? "" : ps4);
        String sep = "";
        for (String[] a : assignments) {
            b.append(sep).append(a[0]).append('=').append(a[1]);
            sep = " ";
        }
        for (String w : argv) {
            b.append(sep).append(w);
            sep = " ";
        }
        sh.err(b.append('\n').toString());
    }

    /**
     * Execs a program: the name itself if it has a slash, else each directory of PATH in turn. A file exec(2)
     * refuses with ENOEXEC is a shell script: /bin/sh runs it (XCU 2.9.1.1). Returns only on failure, with the
     * status: 127 when nothing was found, 126 when something was found but could not be run.
     */
    static int exec(Shell sh, String[] argv, String[] env) {
        String name = argv[0];
        String path = sh.vars.get("PATH");
        Exec.execvP(sh.sys, name, path == null ? DEFAULT_PATH : path, argv, env);
        int error = sh.sys.errno();
        boolean notFound = error == Errno.ENOENT || error == Errno.ENOTDIR;
        sh.error(name + ": " + (notFound ? "not found" : Strerror.strerror(error)));
        return notFound ? 127 : 126;
    }
}
