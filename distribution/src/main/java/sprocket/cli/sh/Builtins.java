package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.libc.Getopt;
import sprocket.libc.Strtol;

/**
 * The built-in utilities by name: the special ones of XCU 2.14 (whose errors end a non-interactive shell and whose
 * assignments stay) and the regular ones, with the small built-ins that steer the shell itself.
 */
final class Builtins {
    private static final Map<String, Builtin> SPECIAL = new TreeMap<>();
    private static final Map<String, Builtin> REGULAR = new TreeMap<>();
    static final Set<String> RESERVED = Set.of("!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi",
            "for", "if", "in", "then", "until", "while");

    static {
        SPECIAL.put(":", (sh, argv) -> 0);
        SPECIAL.put("break", (sh, argv) -> loopControl(sh, argv, true));
        SPECIAL.put("continue", (sh, argv) -> loopControl(sh, argv, false));
        SPECIAL.put("return", (sh, argv) -> {
            throw Jump.returnFrom(argv.length > 1 ? number(argv[1]) & 0xff : sh.status);
        });
        SPECIAL.put("exit", Builtins::exit);
        SPECIAL.put("eval", (sh, argv) -> argv.length < 2 ? 0
                : sh.executor.evalString(String.join(" ", Arrays.asList(argv).subList(1, argv.length))));
        SPECIAL.put(".", Builtins::dot);
        SPECIAL.put("exec", Builtins::exec);
        SPECIAL.put("shift", (sh, argv) -> {
            int n = argv.length > 1 ? number(argv[1]) : 1;
            List<String> args = sh.vars.positional();
            if (n > args.size()) throw ShellError.command("can't shift that many", 2);
            sh.vars.positional(args.subList(n, args.size()));
            return 0;
        });
        SPECIAL.put("set", VariableBuiltins::set);
        SPECIAL.put("export", (sh, argv) -> VariableBuiltins.attribute(sh, argv, true));
        SPECIAL.put("readonly", (sh, argv) -> VariableBuiltins.attribute(sh, argv, false));
        SPECIAL.put("unset", VariableBuiltins::unset);
        SPECIAL.put("times", Resources::times);
        SPECIAL.put("trap", Traps::trap);

        REGULAR.put("true", (sh, argv) -> 0);
        REGULAR.put("false", (sh, argv) -> 1);
        REGULAR.put("cd", Directories::cd);
        REGULAR.put("pwd", Directories::pwd);
        REGULAR.put("echo", Printing::echo);
        REGULAR.put("printf", Printing::printf);
        REGULAR.put("test", TestBuiltin::test);
        REGULAR.put("[", TestBuiltin::test);
        REGULAR.put("read", ReadBuiltin::read);
        REGULAR.put("umask", Resources::umask);
        REGULAR.put("ulimit", Resources::ulimit);
        REGULAR.put("jobs", JobBuiltins::jobs);
        REGULAR.put("fg", (sh, argv) -> JobBuiltins.resume(sh, argv, true));
        REGULAR.put("bg", (sh, argv) -> JobBuiltins.resume(sh, argv, false));
        REGULAR.put("wait", JobBuiltins::waitFor);
        REGULAR.put("kill", JobBuiltins::kill);
        REGULAR.put("local", VariableBuiltins::local);
        REGULAR.put("command", Builtins::command);
        REGULAR.put("type", Builtins::type);
        REGULAR.put("getopts", Getopts::getopts);
    }

    private Builtins() {
    }

    static Builtin special(String name) {
        return SPECIAL.get(name);
    }

    static Builtin regular(String name) {
        return REGULAR.get(name);
    }

    /**
     * A getopt(3C) parse of a built-in's arguments for the option letters {@code letters}, none taking an argument;
     * getopt's own message is off ({@code opterr}), since {@link #options} reports in dash's words.
     */
    static Getopt getopt(Shell sh, String[] argv, String letters) {
        Getopt g = new Getopt(sh.sys, argv, letters);
        g.opterr(false);
        return g;
    }

    /**
     * The option letters of a built-in's arguments, in order, as getopt(3C) finds them ({@code g.optind()} is then the
     * first operand); an unknown one is "Illegal option -x", as dash says.
     */
    static String options(Getopt g) {
        StringBuilder b = new StringBuilder();
        for (int c; (c = g.getopt()) != -1;) {
            if (c == '?') throw ShellError.command("Illegal option -" + (char) g.optopt(), 2);
            b.append((char) c);
        }
        return b.toString();
    }

    /** A non-negative decimal number, or "Illegal number: s". */
    static int number(String s) {
        long n = Strtol.number(s, 0, Integer.MAX_VALUE);
        if (n == Strtol.BAD_NUMBER || s.startsWith("+") || s.startsWith("-")) {
            throw ShellError.command("Illegal number: " + s, 2);
        }
        return (int) n;
    }

    private static int loopControl(Shell sh, String[] argv, boolean isBreak) {
        int n = argv.length > 1 ? number(argv[1]) : 1;
        if (n == 0) throw ShellError.command("Illegal number: " + argv[1], 2);
        if (sh.loops == 0) return 0; // outside a loop, as in dash, nothing happens
        n = Math.min(n, sh.loops);
        throw isBreak ? Jump.breakLoops(n) : Jump.continueLoop(n);
    }

    private static int exit(Shell sh, String[] argv) {
        int status = argv.length > 1 ? number(argv[1]) & 0xff : sh.status;
        if (sh.options.interactive && !sh.warnedStoppedJobs) {
            sh.jobs.poll(sh.sys, sh.options.monitor);
            for (Job j : sh.jobs.byRecency()) {
                if (j.state == Job.State.STOPPED) {
                    sh.err("You have stopped jobs.\n");
                    sh.warnedStoppedJobs = true;
                    return 1;
                }
            }
        }
        throw Jump.exit(status);
    }

    /**
     * {@code . file}: reads and runs the file in this shell; a name without a slash is sought on PATH. Further
     * operands are ignored, as dash ignores them (POSIX gives dot none).
     */
    private static int dot(Shell sh, String[] argv) {
        if (argv.length < 2) return 0;
        String file = argv[1];
        String path = file;
        if (file.indexOf('/') < 0) {
            path = null;
            String dirs = sh.vars.get("PATH");
            for (String dir : (dirs == null ? Commands.DEFAULT_PATH : dirs).split(":", -1)) {
                String p = dir.isEmpty() ? file : dir + "/" + file;
                Stat st = sh.sys.stat(p);
                if (st != null && st.type() == FileMode.S_IFREG) {
                    path = p;
                    break;
                }
            }
            if (path == null) throw ShellError.fatal(file + ": not found");
        }
        if (sh.dotDepth + sh.functionDepth >= Limits.MAX_CALL_DEPTH) throw ShellError.fatal(file + ": nesting too deep");
        int fd = sh.sys.open(path, Fcntl.O_RDONLY);
        if (fd == -1) throw ShellError.fatal("cannot open " + path + ": " + Directories.errmsg(sh.sys.errno()));
        int moved = Directories.privateFd(sh.sys, fd);
        Input in = Input.of(sh.sys, moved, false, null);
        sh.sources.add(in);
        sh.dotDepth++;
        String outer = sh.commandName;
        int line = sh.lineNo;
        sh.commandName = file; // dash names the file in messages about its commands: "sh: 2: f: x: not found"
        try {
            return sh.runNested(in);
        } catch (Jump j) {
            if (j.kind != Jump.Kind.RETURN) throw j;
            return j.value;
        } finally {
            sh.commandName = outer;
            sh.lineNo = line;
            sh.dotDepth--;
            sh.sources.remove(in);
            sh.sys.close(in.fd());
        }
    }

    /** {@code exec [command [args]]}: replaces the shell with the command; without one, its redirections stay. */
    private static int exec(Shell sh, String[] argv) {
        if (argv.length < 2) return 0;
        int status = Commands.exec(sh, Arrays.copyOfRange(argv, 1, argv.length), sh.vars.environment());
        // XCU exec: "If command is not found, the shell shall exit" (a non-interactive one).
        if (!sh.options.interactive) throw Jump.exit(status);
        return status;
    }

    /** {@code command [-v|-V] name [args]}: runs name skipping functions, or says what it is. */
    private static int command(Shell sh, String[] argv) {
        Getopt g = Builtins.getopt(sh, argv, "pvV");
        String opts = options(g).replace("p", "");
        char describe = opts.isEmpty() ? 0 : opts.charAt(opts.length() - 1);
        int a = g.optind();
        if (a >= argv.length) return 0;
        if (describe != 0) return describe(sh, argv[a], describe == 'V') ? 0 : 127;
        List<String> rest = new ArrayList<>(Arrays.asList(argv).subList(a, argv.length));
        return sh.executor.commands().invoke(rest, List.of(), List.of(), false, true, null);
    }

    private static int type(Shell sh, String[] argv) {
        int status = 0;
        for (int i = 1; i < argv.length; i++) {
            if (!describe(sh, argv[i], true)) status = 127;
        }
        return status;
    }

    /** What {@code command -v} and {@code type} say of a name; false when it is nothing the shell could run. */
    private static boolean describe(Shell sh, String name, boolean verbose) {
        String what;
        if (RESERVED.contains(name)) {
            what = verbose ? name + " is a shell keyword" : name;
        } else if (sh.functions.containsKey(name)) {
            what = verbose ? name + " is a shell function" : name;
        } else if (SPECIAL.containsKey(name)) {
            what = verbose ? name + " is a special shell builtin" : name;
        } else if (REGULAR.containsKey(name)) {
            what = verbose ? name + " is a shell builtin" : name;
        } else {
            String path = Directories.findProgram(sh, name);
            if (path == null) {
                if (verbose) sh.err(name + ": not found\n");
                return false;
            }
            what = verbose ? name + " is " + path : path;
        }
        if (!sh.out(what + "\n")) throw ShellError.command("I/O error", 1);
        return true;
    }
}
