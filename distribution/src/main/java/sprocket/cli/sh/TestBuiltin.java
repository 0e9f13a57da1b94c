package sprocket.cli.sh;

import java.util.Arrays;
import java.util.Set;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;

/**
 * test and [ (XCU test): POSIX's rules by the number of arguments for up to four, and the usual grammar with
 * {@code !}, {@code -a}, {@code -o} and parentheses beyond. Status 0 true, 1 false, 2 for an error.
 */
final class TestBuiltin {
    private static final Set<String> UNARY = Set.of("-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-L", "-n", "-p",
            "-r", "-s", "-S", "-t", "-u", "-w", "-x", "-z");
    private static final Set<String> BINARY = Set.of("=", "!=", "<", ">", "-eq", "-ne", "-gt", "-ge", "-lt", "-le",
            "-nt", "-ot", "-ef");

    private final Shell sh;
    private final String[] args;
    private int pos;
    private int depth;

    private TestBuiltin(Shell sh, String[] args) {
        this.sh = sh;
        this.args = args;
    }

    static int test(Shell sh, String[] argv) {
        String[] args = Arrays.copyOfRange(argv, 1, argv.length);
        if (argv[0].equals("[")) {
            if (args.length == 0 || !args[args.length - 1].equals("]")) throw ShellError.command("missing ]", 2);
            args = Arrays.copyOf(args, args.length - 1);
        }
        return new TestBuiltin(sh, args).evaluate() ? 0 : 1;
    }

    private boolean evaluate() {
        int n = args.length;
        switch (n) {
            case 0 -> {
                return false;
            }
            case 1 -> {
                return !args[0].isEmpty();
            }
            case 2 -> {
                if (args[0].equals("!")) return args[1].isEmpty();
                if (UNARY.contains(args[0])) return unary(args[0], args[1]);
                if (BINARY.contains(args[1])) throw ShellError.command(args[1] + ": argument expected", 2);
                throw ShellError.command(args[0] + ": unexpected operator", 2);
            }
            case 3 -> {
                if (BINARY.contains(args[1])) return binary(args[0], args[1], args[2]);
                if (args[0].equals("!")) return !sub(1, 3);
                if (args[0].equals("(") && args[2].equals(")")) return !args[1].isEmpty();
            }
            case 4 -> {
                if (args[0].equals("!")) return !sub(1, 4);
                if (args[0].equals("(") && args[3].equals(")")) return sub(1, 3);
            }
            default -> {
                // the grammar below
            }
        }
        boolean v = or();
        if (pos < args.length) throw ShellError.command(args[pos] + ": unexpected operator", 2);
        return v;
    }

    private boolean sub(int from, int to) {
        return new TestBuiltin(sh, Arrays.copyOfRange(args, from, to)).evaluate();
    }

    private boolean or() {
        boolean v = and();
        while (pos < args.length && args[pos].equals("-o")) {
            pos++;
            v = and() | v;
        }
        return v;
    }

    private boolean and() {
        boolean v = not();
        while (pos < args.length && args[pos].equals("-a")) {
            pos++;
            v = not() & v;
        }
        return v;
    }

    private boolean not() {
        boolean negate = false;
        while (pos < args.length && args[pos].equals("!")) {
            pos++;
            negate = !negate;
        }
        return primary() != negate;
    }

    private boolean primary() {
        if (pos >= args.length) throw ShellError.command("argument expected", 2);
        String a = args[pos++];
        if (a.equals("(")) {
            if (++depth > Parser.MAX_NESTING) throw ShellError.command("expression nested too deeply", 2);
            boolean v = or();
            depth--;
            if (pos >= args.length || !args[pos].equals(")")) throw ShellError.command("closing paren expected", 2);
            pos++;
            return v;
        }
        if (UNARY.contains(a) && pos < args.length) return unary(a, args[pos++]);
        if (pos + 1 < args.length && BINARY.contains(args[pos])) {
            String op = args[pos];
            String b = args[pos + 1];
            pos += 2;
            return binary(a, op, b);
        }
        if (pos < args.length && BINARY.contains(args[pos])) throw ShellError.command(args[pos] + ": argument expected", 2);
        return !a.isEmpty();
    }

    private boolean unary(String op, String arg) {
        Sys sys = sh.sys;
        switch (op) {
            case "-n" -> {
                return !arg.isEmpty();
            }
            case "-z" -> {
                return arg.isEmpty();
            }
            case "-t" -> {
                return sh.terminal.isatty(sys, (int) integer(arg));
            }
            case "-r" -> {
                return sys.access(arg, Fcntl.R_OK) == 0;
            }
            case "-w" -> {
                return sys.access(arg, Fcntl.W_OK) == 0;
            }
            case "-x" -> {
                return sys.access(arg, Fcntl.X_OK) == 0;
            }
            case "-h", "-L" -> {
                Stat st = sys.lstat(arg);
                return st != null && st.type() == FileMode.S_IFLNK;
            }
            default -> {
                Stat st = sys.stat(arg);
                if (st == null) return false;
                return switch (op) {
                    case "-b" -> st.type() == FileMode.S_IFBLK;
                    case "-c" -> st.type() == FileMode.S_IFCHR;
                    case "-d" -> st.type() == FileMode.S_IFDIR;
                    case "-f" -> st.type() == FileMode.S_IFREG;
                    case "-p" -> st.type() == FileMode.S_IFIFO;
                    case "-S" -> st.type() == FileMode.S_IFSOCK;
                    case "-g" -> (st.mode() & FileMode.S_ISGID) != 0;
                    case "-u" -> (st.mode() & FileMode.S_ISUID) != 0;
                    case "-k" -> (st.mode() & FileMode.S_ISVTX) != 0;
                    case "-s" -> st.size() > 0;
                    default -> true; // -e
                };
            }
        }
    }

    private boolean binary(String a, String op, String b) {
        switch (op) {
            case "=" -> {
                return a.equals(b);
            }
            case "!=" -> {
                return !a.equals(b);
            }
            case "<" -> {
                return a.compareTo(b) < 0;
            }
            case ">" -> {
                return a.compareTo(b) > 0;
            }
            case "-nt", "-ot", "-ef" -> {
                Stat x = sh.sys.stat(a);
                Stat y = sh.sys.stat(b);
                if (op.equals("-ef")) return x != null && y != null && x.dev() == y.dev() && x.ino() == y.ino();
                if (x == null || y == null) return op.equals("-nt") ? x != null : y != null;
                return op.equals("-nt") ? x.mtime() > y.mtime() : x.mtime() < y.mtime();
            }
            default -> {
                long x = integer(a);
                long y = integer(b);
                return switch (op) {
                    case "-eq" -> x == y;
                    case "-ne" -> x != y;
                    case "-gt" -> x > y;
                    case "-ge" -> x >= y;
                    case "-lt" -> x < y;
                    default -> x <= y;
                };
            }
        }
    }

    private static long integer(String s) {
        String t = s.strip();
        try {
            if (!t.isEmpty() && (Character.isDigit(t.charAt(t.length() - 1)))) return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ShellError.command("Illegal number: " + s, 2);
    }
}
