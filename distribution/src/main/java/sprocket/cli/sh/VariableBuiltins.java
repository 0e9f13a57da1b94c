package sprocket.cli.sh;

import java.util.Arrays;
import java.util.Map;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/** set, export, readonly, unset and local: the built-ins that change variables, options and $1... */
final class VariableBuiltins {

    private VariableBuiltins() {
    }

    /** {@code set [-+abCefmnuvx] [-+o name] [--] [arg...]}; alone, lists the variables. */
    static int set(Shell sh, String[] argv) {
        if (argv.length == 1) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, Variables.Var> e : sh.vars.sorted().entrySet()) {
                if (e.getValue().value() != null) b.append(e.getKey()).append('=').append(quote(e.getValue().value())).append('\n');
            }
            return write(sh, b.toString());
        }
        boolean monitor = sh.options.monitor;
        int a = 1;
        boolean positional = false;
        for (; a < argv.length; a++) {
            String arg = argv[a];
            if (arg.equals("--") || arg.equals("-")) {
                a++;
                positional = true;
                break;
            }
            if (arg.length() < 2 || (arg.charAt(0) != '-' && arg.charAt(0) != '+')) break;
            boolean on = arg.charAt(0) == '-';
            for (char c : arg.substring(1).toCharArray()) {
                if (c == 'o') {
                    if (a + 1 >= argv.length) {
                        write(sh, sh.options.listing(!on));
                        continue;
                    }
                    String name = argv[++a];
                    char letter = Options.letter(name);
                    if (letter == 0) throw ShellError.command("Illegal option -o " + name, 2);
                    sh.options.set(letter, on);
                } else if (!sh.options.set(c, on)) {
                    throw ShellError.command("Illegal option " + arg.charAt(0) + c, 2);
                }
            }
        }
        if (positional || a < argv.length) sh.vars.positional(Arrays.asList(argv).subList(a, argv.length));
        if (sh.options.monitor && !monitor) sh.enableJobControl();
        return 0;
    }

    /** export and readonly: with NAME=value they assign too; alone or with -p, they list. */
    static int attribute(Shell sh, String[] argv, boolean export) {
        int a = 1;
        if (a < argv.length && argv[a].equals("-p")) a++;
        if (a < argv.length && argv[a].equals("--")) a++;
        String word = export ? "export" : "readonly";
        if (a >= argv.length) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, Variables.Var> e : sh.vars.sorted().entrySet()) {
                Variables.Var v = e.getValue();
                if (!(export ? v.exported() : v.readonly())) continue;
                b.append(word).append(' ').append(e.getKey());
                if (v.value() != null) b.append('=').append(quote(v.value()));
                b.append('\n');
            }
            return write(sh, b.toString());
        }
        for (; a < argv.length; a++) {
            String arg = argv[a];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!Variables.validName(name)) throw ShellError.command(name + ": bad variable name", 2);
            if (eq >= 0) sh.vars.set(name, arg.substring(eq + 1));
            if (export) {
                sh.vars.export(name);
            } else {
                sh.vars.readonly(name);
            }
        }
        return 0;
    }

    /** {@code unset [-fv] name...}: variables (the default) or functions. */
    static int unset(Shell sh, String[] argv) {
        Getopt g = Builtins.getopt(sh, argv, "fv");
        String opts = Builtins.options(g);
        boolean functions = opts.lastIndexOf('f') > opts.lastIndexOf('v');
        for (int a = g.optind(); a < argv.length; a++) {
            if (functions) {
                sh.functions.remove(argv[a]);
                continue;
            }
            if (!Variables.validName(argv[a])) throw ShellError.command(argv[a] + ": bad variable name", 2);
            sh.vars.unset(argv[a]);
        }
        return 0;
    }

    /** {@code local name[=value]...}: the names get their old values back when the function returns. */
    static int local(Shell sh, String[] argv) {
        for (int a = 1; a < argv.length; a++) {
            String arg = argv[a];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!Variables.validName(name)) throw ShellError.command(name + ": bad variable name", 2);
            if (!sh.vars.local(name)) throw ShellError.command("not in a function", 2);
            if (eq >= 0) sh.vars.set(name, arg.substring(eq + 1));
        }
        return 0;
    }

    /** A value as set and export -p show it, as dash does: in single quotes, a quote itself as '"'"'. */
    static String quote(String v) {
        return "'" + v.replace("'", "'\"'\"'") + "'";
    }

    private static int write(Shell sh, String s) {
        if (!sh.out(s)) throw ShellError.command("I/O error: " + Strerror.strerror(sh.sys.errno()), 1);
        return 0;
    }
}
