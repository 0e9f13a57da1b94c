package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.List;

/**
 * Token recognition (POSIX.1 XCU 2.3): operators, words with their quoting and expansions found as they are read
 * ({@code $(...)} by parsing the command inside, as dash does), IO_NUMBERs, newlines, comments, and here-document
 * bodies read from the lines after the newline that ends their command.
 */
final class Lexer {
    private final Input in;
    /** How deep in command substitutions this lexer is, so that nesting cannot exhaust the Java stack. */
    final int depth;
    private final HereDocuments hereDocuments = new HereDocuments();

    /** Where a word ends and what is special in it. */
    private enum Context { WORD, BRACE, BRACE_DQ, ARITH, HEREDOC }

    Lexer(Input in, int depth) {
        this.in = in;
        this.depth = depth;
    }

    Input input() {
        return in;
    }

    /** The next token. */
    Token next() {
        int c;
        while (true) {
            c = in.next();
            if (c == ' ' || c == '\t') continue;
            if (c == '\\') {
                if (in.peek() == '\n') {
                    in.next();
                    continue;
                }
            } else if (c == '#') {
                while ((c = in.next()) != Input.EOF && c != '\n') {
                    // a comment runs to the end of the line
                }
            }
            break;
        }
        int line = in.lineNo;
        if (c == Input.EOF) {
            readHereDocuments();
            return new Token(Token.Kind.EOF, null, line);
        }
        if (c == '\n') {
            Token t = new Token(Token.Kind.NEWLINE, null, line - 1);
            readHereDocuments();
            return t;
        }
        Token.Kind op = operator(c);
        if (op != null) return new Token(op, null, line);
        in.back(c);
        Word w = word(Context.WORD);
        String digits = w.plain();
        if (digits != null && !digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            int d = in.peek();
            if (d == '<' || d == '>') return new Token(Token.Kind.IO_NUMBER, w, line);
        }
        return new Token(Token.Kind.WORD, w, line);
    }

    /** A here-document whose body is the lines after the next newline, up to {@code delimiter}. */
    void hereDocument(Node.HereDocument here, Word delimiter, boolean stripTabs) {
        hereDocuments.add(here, delimiter, stripTabs);
    }

    private void readHereDocuments() {
        hereDocuments.read(in, text -> new Lexer(Input.of(text), depth).word(Context.HEREDOC));
    }

    private Token.Kind operator(int c) {
        return switch (c) {
            case '&' -> take('&') ? Token.Kind.AND_IF : Token.Kind.AMP;
            case '|' -> take('|') ? Token.Kind.OR_IF : Token.Kind.PIPE;
            case ';' -> take(';') ? Token.Kind.DSEMI : Token.Kind.SEMI;
            case '(' -> Token.Kind.LPAREN;
            case ')' -> Token.Kind.RPAREN;
            case '<' -> take('<') ? (take('-') ? Token.Kind.DLESSDASH : Token.Kind.DLESS)
                    : take('&') ? Token.Kind.LESSAND : take('>') ? Token.Kind.LESSGREAT : Token.Kind.LESS;
            case '>' -> take('>') ? Token.Kind.DGREAT : take('&') ? Token.Kind.GREATAND
                    : take('|') ? Token.Kind.CLOBBER : Token.Kind.GREAT;
            default -> null;
        };
    }

    private boolean take(int want) {
        int c = in.next();
        if (c == want) return true;
        in.back(c);
        return false;
    }

    private static boolean metacharacter(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                || c == '(' || c == ')';
    }

    /** Words within words being read (${x:-"${y}"}...), so that nesting cannot exhaust the Java stack. */
    private int nesting;

    /** Reads one word in {@code context}; its raw text is what was consumed. */
    private Word word(Context context) {
        if (++nesting > Parser.MAX_NESTING) throw ShellError.syntax("words nested too deeply");
        try {
            return wordParts(context);
        } finally {
            nesting--;
        }
    }

    private Word wordParts(Context context) {
        int mark = in.record();
        try {
            List<WordPart> parts = wordParts(context, new ArrayList<>());
            return new Word(parts, in.recorded(mark));
        } catch (ShellError e) {
            in.recorded(mark);
            throw e;
        }
    }

    private List<WordPart> wordParts(Context context, List<WordPart> parts) {
        StringBuilder lit = new StringBuilder();
        int parens = 0;
        boolean first = true;
        while (true) {
            int c = in.next();
            if (c == Input.EOF) {
                if (context == Context.BRACE || context == Context.BRACE_DQ) throw ShellError.syntax("Missing '}'");
                if (context == Context.ARITH) throw ShellError.syntax("Missing '))'");
                break;
            }
            if (context == Context.WORD && metacharacter(c)) {
                in.back(c);
                break;
            }
            if ((context == Context.BRACE || context == Context.BRACE_DQ) && c == '}') break;
            if (context == Context.ARITH) {
                if (c == '(') {
                    parens++;
                } else if (c == ')' && parens > 0) {
                    parens--;
                } else if (c == ')') {
                    if (in.next() != ')') throw ShellError.syntax("Missing '))'");
                    break;
                }
            }
            if (c == '~' && first && context == Context.WORD) {
                String user = loginName();
                int d = in.peek();
                // A tilde-prefix is unquoted up to the first slash (XCU 2.6.1); otherwise it is plain text.
                if (d == Input.EOF || d == '/' || metacharacter(d)) {
                    parts.add(new WordPart.Tilde(user));
                } else {
                    lit.append('~').append(user);
                }
                first = false;
                continue;
            }
            first = false;
            switch (c) {
                case '\\' -> backslash(context, parts, lit);
                case '\'' -> {
                    if (context == Context.WORD || context == Context.BRACE) {
                        flush(parts, lit);
                        parts.add(new WordPart.Quoted(singleQuoted()));
                    } else {
                        lit.append('\'');
                    }
                }
                case '"' -> {
                    if (context == Context.HEREDOC || context == Context.ARITH) {
                        lit.append('"');
                    } else {
                        flush(parts, lit);
                        parts.add(new WordPart.DoubleQuoted(doubleQuoted()));
                    }
                }
                case '$' -> dollar(parts, lit, context == Context.BRACE_DQ);
                case '`' -> {
                    flush(parts, lit);
                    parts.add(backquoted(context == Context.BRACE_DQ));
                }
                default -> lit.append((char) c);
            }
        }
        flush(parts, lit);
        return List.copyOf(parts);
    }

    private static void flush(List<WordPart> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new WordPart.Literal(lit.toString()));
            lit.setLength(0);
        }
    }

    private void backslash(Context context, List<WordPart> parts, StringBuilder lit) {
        int d = in.next();
        if (d == '\n') return; // a line continuation
        if (d == Input.EOF) {
            lit.append('\\');
            return;
        }
        boolean escapes = switch (context) {
            case WORD, BRACE -> true;
            case HEREDOC, ARITH -> d == '$' || d == '`' || d == '\\';
            case BRACE_DQ -> d == '$' || d == '`' || d == '\\' || d == '"' || d == '}';
        };
        if (!escapes) {
            lit.append('\\').append((char) d);
            return;
        }
        flush(parts, lit);
        parts.add(new WordPart.Quoted(String.valueOf((char) d)));
    }

    /** After a word-initial {@code ~}: the characters a login name may have. */
    private String loginName() {
        StringBuilder user = new StringBuilder();
        int c;
        while ((c = in.next()) != Input.EOF && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
            user.append((char) c);
        }
        in.back(c);
        return user.toString();
    }

    private String singleQuoted() {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.next()) != '\'') {
            if (c == Input.EOF) throw ShellError.syntax("Unterminated quoted string");
            b.append((char) c);
        }
        return b.toString();
    }

    private List<WordPart> doubleQuoted() {
        if (++nesting > Parser.MAX_NESTING) throw ShellError.syntax("words nested too deeply");
        try {
            return doubleQuotedParts();
        } finally {
            nesting--;
        }
    }

    private List<WordPart> doubleQuotedParts() {
        List<WordPart> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (true) {
            int c = in.next();
            switch (c) {
                case Input.EOF -> throw ShellError.syntax("Unterminated quoted string");
                case '"' -> {
                    flush(parts, lit);
                    return List.copyOf(parts);
                }
                case '\\' -> {
                    int d = in.next();
                    if (d == '\n') continue;
                    if (d == '$' || d == '`' || d == '"' || d == '\\') {
                        lit.append((char) d);
                    } else {
                        lit.append('\\');
                        in.back(d);
                    }
                }
                case '$' -> dollar(parts, lit, true);
                case '`' -> {
                    flush(parts, lit);
                    parts.add(backquoted(true));
                }
                default -> lit.append((char) c);
            }
        }
    }

    /** After {@code $}: a parameter, a command substitution, arithmetic, or just a dollar sign. */
    private void dollar(List<WordPart> parts, StringBuilder lit, boolean inDoubleQuotes) {
        int c = in.next();
        WordPart part;
        if (c == '{') {
            part = braced(inDoubleQuotes);
        } else if (c == '(') {
            if (take('(')) {
                part = new WordPart.Arithmetic(word(Context.ARITH));
            } else {
                part = new WordPart.CommandSubstitution(nested().substitution());
            }
        } else if (nameStart(c)) {
            StringBuilder name = new StringBuilder().append((char) c);
            while (nameChar(c = in.next())) name.append((char) c);
            in.back(c);
            part = new WordPart.Parameter(name.toString(), WordPart.Op.PLAIN, false, null);
        } else if (Character.isDigit(c) || "@*#?-$!".indexOf(c) >= 0 && c != Input.EOF) {
            part = new WordPart.Parameter(String.valueOf((char) c), WordPart.Op.PLAIN, false, null);
        } else {
            in.back(c);
            lit.append('$');
            return;
        }
        flush(parts, lit);
        parts.add(part);
    }

    private WordPart braced(boolean inDoubleQuotes) {
        int c = in.next();
        boolean length = false;
        if (c == '#') {
            int d = in.peek();
            if (d == '}' || d == ':' || d == '=' || d == '?' || d == '+' || d == '%') {
                c = '#';
            } else {
                length = true;
                c = in.next();
            }
        }
        String name;
        if (nameStart(c)) {
            StringBuilder b = new StringBuilder().append((char) c);
            while (nameChar(c = in.next())) b.append((char) c);
            in.back(c);
            name = b.toString();
        } else if (Character.isDigit(c)) {
            StringBuilder b = new StringBuilder().append((char) c);
            while (Character.isDigit(c = in.next())) b.append((char) c);
            in.back(c);
            name = b.toString();
        } else if (c != Input.EOF && "@*#?-$!".indexOf(c) >= 0) {
            name = String.valueOf((char) c);
        } else {
            if (c == Input.EOF) throw ShellError.syntax("Missing '}'");
            return bad(c);
        }
        c = in.next();
        if (length) {
            if (c != '}') return bad(c);
            return new WordPart.Parameter(name, WordPart.Op.LENGTH, false, null);
        }
        boolean colon = false;
        if (c == ':') {
            colon = true;
            c = in.next();
            if (c != '-' && c != '=' && c != '?' && c != '+') return bad(c);
        }
        WordPart.Op op = switch (c) {
            case '}' -> WordPart.Op.PLAIN;
            case '-' -> WordPart.Op.DEFAULT;
            case '=' -> WordPart.Op.ASSIGN;
            case '?' -> WordPart.Op.ERROR;
            case '+' -> WordPart.Op.ALTERNATE;
            case '%' -> take('%') ? WordPart.Op.LARGE_SUFFIX : WordPart.Op.SMALL_SUFFIX;
            case '#' -> take('#') ? WordPart.Op.LARGE_PREFIX : WordPart.Op.SMALL_PREFIX;
            case Input.EOF -> throw ShellError.syntax("Missing '}'");
            default -> null;
        };
        if (op == null) return bad(c);
        if (op == WordPart.Op.PLAIN) return new WordPart.Parameter(name, op, false, null);
        Word arg = word(inDoubleQuotes ? Context.BRACE_DQ : Context.BRACE);
        return new WordPart.Parameter(name, op, colon, arg);
    }

    /** A substitution ${ cannot hold: read to its closing brace, and an error only if it is ever expanded. */
    private WordPart bad(int c) {
        while (c != '}') {
            if (c == Input.EOF) throw ShellError.syntax("Missing '}'");
            c = in.next();
        }
        return new WordPart.Parameter("", WordPart.Op.BAD, false, null);
    }

    /** {@code `...`}: backslash keeps its meaning only before $, ` and \ (and " within double quotes). */
    private WordPart backquoted(boolean inDoubleQuotes) {
        StringBuilder text = new StringBuilder();
        int line = in.lineNo;
        while (true) {
            int c = in.next();
            if (c == Input.EOF) throw ShellError.syntax("EOF in backquote substitution");
            if (c == '`') break;
            if (c == '\\') {
                int d = in.next();
                if (d == '$' || d == '`' || d == '\\' || (inDoubleQuotes && d == '"')) {
                    text.append((char) d);
                    continue;
                }
                text.append('\\');
                in.back(d);
                continue;
            }
            text.append((char) c);
        }
        Input inner = Input.of(text.toString());
        inner.lineNo = line;
        return new WordPart.CommandSubstitution(new Parser(new Lexer(inner, depth + 1)).substitutionToEnd());
    }

    private Parser nested() {
        return new Parser(new Lexer(in, depth + 1));
    }

    static boolean nameStart(int c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean nameChar(int c) {
        return nameStart(c) || (c >= '0' && c <= '9');
    }
}
