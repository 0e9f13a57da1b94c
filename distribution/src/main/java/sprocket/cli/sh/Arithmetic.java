package sprocket.cli.sh;

/**
 * Arithmetic expansion (XCU 2.6.4): the C expression language on signed 64-bit integers, with variables read as
 * numbers and assigned by {@code =} and the compound assignments. Errors read as dash's:
 * {@code arithmetic expression: division by zero: "1/0"}.
 */
final class Arithmetic {
    private final String text;
    private final Variables vars;
    private final Options options;
    private int pos;
    /** Above zero while evaluating a branch that is not taken (after a false && and the like): no assignments. */
    private int skip;
    /** Parentheses open, so that nesting cannot exhaust the Java stack. */
    private int depth;

    Arithmetic(String text, Variables vars, Options options) {
        this.text = text;
        this.vars = vars;
        this.options = options;
    }

    long evaluate() {
        blanks();
        if (pos == text.length()) return 0;
        long v = assignment();
        blanks();
        if (pos < text.length()) throw error("expecting EOF");
        return v;
    }

    private ShellError error(String what) {
        return ShellError.fatal("arithmetic expression: " + what + ": \"" + text + "\"");
    }

    private long assignment() {
        int start = pos;
        String name = name();
        if (name != null) {
            blanks();
            for (String op : new String[] {"<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "="}) {
                if (text.startsWith(op, pos) && !(op.equals("=") && text.startsWith("==", pos))) {
                    pos += op.length();
                    if (++depth > Parser.MAX_NESTING) throw error("nested too deeply");
                    long right = assignment();
                    depth--;
                    long v = op.equals("=") ? right : binary(op.substring(0, op.length() - 1), variable(name), right);
                    if (skip == 0) vars.set(name, Long.toString(v));
                    if (skip == 0 && options.allexport) vars.export(name);
                    return v;
                }
            }
        }
        pos = start;
        return conditional();
    }

    private long conditional() {
        long c = binaryLevel(0);
        blanks();
        if (!take("?")) return c;
        if (c == 0) skip++;
        if (++depth > Parser.MAX_NESTING) throw error("nested too deeply");
        long a = assignment();
        depth--;
        if (c == 0) skip--;
        blanks();
        if (!take(":")) throw error("expecting ':'");
        if (c != 0) skip++;
        if (++depth > Parser.MAX_NESTING) throw error("nested too deeply");
        long b = conditional();
        depth--;
        if (c != 0) skip--;
        return c != 0 ? a : b;
    }

    /** The binary operators by precedence, loosest first. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"}};

    private long binaryLevel(int level) {
        if (level == LEVELS.length) return unary();
        long left = binaryLevel(level + 1);
        while (true) {
            blanks();
            String op = operator(LEVELS[level]);
            if (op == null) return left;
            if (op.equals("||") || op.equals("&&")) {
                boolean decided = op.equals("||") ? left != 0 : left == 0;
                if (decided) skip++;
                long right = binaryLevel(level + 1);
                if (decided) skip--;
                left = op.equals("||") ? (left != 0 || right != 0 ? 1 : 0) : (left != 0 && right != 0 ? 1 : 0);
            } else {
                left = binary(op, left, binaryLevel(level + 1));
            }
        }
    }

    private String operator(String[] ops) {
        for (String op : ops) {
            if (!text.startsWith(op, pos)) continue;
            int after = pos + op.length();
            // "<" is not the start of "<<" or "<=", "&" not of "&&", "|" not of "||", and none is an assignment.
            if (after < text.length()) {
                char next = text.charAt(after);
                if (next == '=' && !op.equals("==") && !op.equals("!=") && !op.equals("<=") && !op.equals(">=")) continue;
                if (op.length() == 1 && next == op.charAt(0) && "&|<>".indexOf(next) >= 0) continue;
                if ((op.equals("<<") || op.equals(">>")) && next == '=') continue;
            }
            pos = after;
            return op;
        }
        return null;
    }

    private long binary(String op, long a, long b) {
        return switch (op) {
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "&" -> a & b;
            case "==" -> a == b ? 1 : 0;
            case "!=" -> a != b ? 1 : 0;
            case "<" -> a < b ? 1 : 0;
            case "<=" -> a <= b ? 1 : 0;
            case ">" -> a > b ? 1 : 0;
            case ">=" -> a >= b ? 1 : 0;
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) {
                    if (skip > 0) yield 0;
                    throw error("division by zero");
                }
                // Long.MIN_VALUE / -1 overflows; C leaves it undefined, and here it wraps as the hardware would.
                yield op.equals("/") ? (b == -1 ? -a : a / b) : (b == -1 ? 0 : a % b);
            }
            default -> throw error("expecting primary");
        };
    }

    private long unary() {
        blanks();
        if (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '-' || c == '+' || c == '!' || c == '~') {
                pos++;
                if (++depth > Parser.MAX_NESTING) throw error("nested too deeply");
                long v = unary();
                depth--;
                return switch (c) {
                    case '-' -> -v;
                    case '+' -> v;
                    case '!' -> v == 0 ? 1 : 0;
                    default -> ~v;
                };
            }
        }
        return primary();
    }

    private long primary() {
        blanks();
        if (take("(")) {
            if (++depth > Parser.MAX_NESTING) throw error("nested too deeply");
            long v = assignment();
            depth--;
            blanks();
            if (!take(")")) throw error("expecting ')'");
            return v;
        }
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
            Long v = number(text.substring(start, pos));
            if (v == null) throw ShellError.fatal("arithmetic expression: bad number: \"" + text + "\"");
            return v;
        }
        String name = name();
        if (name != null) return variable(name);
        throw error("expecting primary");
    }

    private long variable(String name) {
        String v = vars.get(name);
        if (v == null) {
            if (options.nounset && skip == 0) throw ShellError.fatal(name + ": parameter not set");
            return 0;
        }
        String t = v.strip();
        if (t.isEmpty()) return 0;
        boolean negative = t.startsWith("-");
        Long n = number(negative || t.startsWith("+") ? t.substring(1) : t);
        if (n == null) {
            if (skip > 0) return 0;
            throw ShellError.fatal("Illegal number: " + v);
        }
        return negative ? -n : n;
    }

    /** A C integer constant: decimal, 0x hexadecimal or 0 octal; null if it is not one. */
    static Long number(String s) {
        try {
            if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) return Long.parseUnsignedLong(s.substring(2), 16);
            if (s.length() > 1 && s.startsWith("0")) return Long.parseLong(s.substring(1), 8);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String name() {
        blanks();
        if (pos >= text.length() || !Lexer.nameStart(text.charAt(pos))) return null;
        int start = pos;
        while (pos < text.length() && Lexer.nameChar(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    private boolean take(String s) {
        if (!text.startsWith(s, pos)) return false;
        pos += s.length();
        return true;
    }

    private void blanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
