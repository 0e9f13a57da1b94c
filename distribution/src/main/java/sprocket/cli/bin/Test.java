package sprocket.cli.bin;

import java.util.Arrays;
import java.util.Set;
import java.util.function.IntPredicate;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Tty;

/**
 * test(1) and [ (XCU test): "evaluate expression and indicate the result of evaluation by its exit status", 0 true,
 * 1 false, 2 for an error (with its message on standard error). POSIX's rules by the number of arguments for up to
 * four, and the usual grammar with {@code !}, {@code -a}, {@code -o} and parentheses beyond. The shell's built-in
 * test is this evaluator too; the program is for exec(2) and xargs. {@code -t} asks isatty(3C).
 */
public final class Test implements Program {
    private static final Set<String> UNARY = Set.of("-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-L", "-n", "-p",
            "-r", "-s", "-S", "-t", "-u", "-w", "-x", "-z");
    private static final Set<String> BINARY = Set.of("=", "!=", "<", ">", "-eq", "-ne", "-gt", "-ge", "-lt", "-le",
            "-nt", "-ot", "-ef");

    /** How deeply parentheses may nest, so that no expression overflows the process's Java stack. */
    private static final int MAX_NESTING = 200;

    /** A malformed expression: the message test writes ("argument expected", "missing ]"...), and status 2. */
    public static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final Sys sys;
    private final IntPredicate isatty;
    private final String[] args;
    private int pos;
    private int depth;

    public Test() {
        this(null, null, new String[0]);
    }

    private Test(Sys sys, IntPredicate isatty, String[] args) {
        this.sys = sys;
        this.isatty = isatty;
        this.args = args;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "test EXPRESSION: evaluate a condition (files, strings, integers) into the exit status";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        return run(sys, argv, "test");
    }

    /** test or [ ({@code name}) as a program: the status, with an error's message on standard error. */
    static int run(Sys sys, String[] argv, String name) {
        String[] words = argv.clone();
        if (words.length == 0) words = new String[] {name};
        words[0] = name;
        try {
            return test(sys, words, fd -> Tty.isatty(sys, fd)) ? 0 : 1;
        } catch (Malformed e) {
            Stdio.fputs(sys, Fcntl.STDERR_FILENO, name + ": " + e.getMessage() + "\n");
            return 2;
        }
    }

    /**
     * Evaluates {@code argv} as test ({@code argv[0]} "test") or [ ({@code argv[0]} "[", the last word "]") does,
     * with {@code isatty} answering -t; throws {@link Malformed} for an expression that is not one.
     */
    public static boolean test(Sys sys, String[] argv, IntPredicate isatty) {
        String[] args = Arrays.copyOfRange(argv, 1, argv.length);
        if (argv[0].equals("[")) {
            if (args.length == 0 || !args[args.length - 1].equals("]")) throw new Malformed("missing ]");
            args = Arrays.copyOf(args, args.length - 1);
        }
        return new Test(sys, isatty, args).evaluate();
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
                if (BINARY.contains(args[1])) throw new Malformed(args[1] + ": argument expected");
                throw new Malformed(args[0] + ": unexpected operator");
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
        if (pos < args.length) throw new Malformed(args[pos] + ": unexpected operator");
        return v;
    }

    private boolean sub(int from, int to) {
        return new Test(sys, isatty, Arrays.copyOfRange(args, from, to)).evaluate();
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
        if (pos >= args.length) throw new Malformed("argument expected");
        String a = args[pos++];
        if (a.equals("(")) {
            if (++depth > MAX_NESTING) throw new Malformed("expression nested too deeply");
            boolean v = or();
            depth--;
            if (pos >= args.length || !args[pos].equals(")")) throw new Malformed("closing paren expected");
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
        if (pos < args.length && BINARY.contains(args[pos])) throw new Malformed(args[pos] + ": argument expected");
        return !a.isEmpty();
    }

    private boolean unary(String op, String arg) {
        switch (op) {
            case "-n" -> {
                return !arg.isEmpty();
            }
            case "-z" -> {
                return arg.isEmpty();
            }
            case "-t" -> {
                return isatty.test((int) integer(arg));
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
                Stat x = sys.stat(a);
                Stat y = sys.stat(b);
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
        throw new Malformed("Illegal number: " + s);
    }
}
