package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the shell grammar of POSIX.1 XCU 2.10.2. It parses one complete command at a time,
 * so that a script runs each command before the next is read (a syntax error on line 5 comes after lines 1 to 4
 * ran, as in dash), and reports errors in dash's words: {@code Syntax error: "fi" unexpected (expecting "then")}.
 */
final class Parser {
    /** How deeply commands may nest; deeper input is refused rather than exhausting the Java stack. */
    static final int MAX_NESTING = 200;
    private static final Set<String> ENDS = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");

    private final Lexer lx;
    private Token peeked;
    private int nesting;

    Parser(Lexer lx) {
        if (lx.depth > MAX_NESTING) throw ShellError.syntax("command substitutions nested too deeply");
        this.lx = lx;
    }

    /** A parser of {@code text}: sh -c, eval, and the tests. */
    static Parser of(String text) {
        return new Parser(new Lexer(Input.of(text), 0));
    }

    /** The line being read, for messages about a syntax error. */
    int line() {
        return lx.input().lineNo;
    }

    /** The next complete command, a list ended by a newline or the end of the input; null at the end. */
    Node command() {
        if (peeked == null) lx.input().newCommand();
        while (peek().kind() == Token.Kind.NEWLINE) {
            take();
            if (peeked == null) lx.input().newCommand();
        }
        if (peek().kind() == Token.Kind.EOF) return null;
        Node n = list(true);
        Token t = peek();
        if (t.kind() == Token.Kind.NEWLINE) {
            take();
        } else if (t.kind() != Token.Kind.EOF) {
            throw unexpected(t, null);
        }
        return n;
    }

    /** The body of {@code $( ... )}, up to its closing parenthesis; null when empty. */
    Node substitution() {
        skipNewlines();
        if (peek().kind() == Token.Kind.RPAREN) {
            take();
            return null;
        }
        Node body = compoundList();
        expect(Token.Kind.RPAREN);
        return body;
    }

    /** Every command of the input, as one sequence: the text of a backquoted command substitution. */
    Node substitutionToEnd() {
        List<Node> items = new ArrayList<>();
        for (Node n; (n = command()) != null;) items.add(n);
        return items.isEmpty() ? null : items.size() == 1 ? items.get(0) : new Node.Sequence(List.copyOf(items));
    }

    // ---- lists

    /** A list; at the top level a newline ends it, within a compound command newlines separate its commands. */
    private Node list(boolean top) {
        List<Node> items = new ArrayList<>();
        while (true) {
            Node n = andOr();
            Token t = peek();
            if (t.kind() == Token.Kind.AMP) {
                take();
                n = new Node.Background(n);
            } else if (t.kind() == Token.Kind.SEMI || (!top && t.kind() == Token.Kind.NEWLINE)) {
                take();
            } else {
                items.add(n);
                break;
            }
            items.add(n);
            if (top) {
                Token.Kind k = peek().kind();
                if (k == Token.Kind.NEWLINE || k == Token.Kind.EOF) break;
            } else {
                skipNewlines();
                if (!startsCommand(peek())) break;
            }
        }
        return items.size() == 1 ? items.get(0) : new Node.Sequence(List.copyOf(items));
    }

    private Node compoundList() {
        skipNewlines();
        Token t = peek();
        if (!startsCommand(t)) throw unexpected(t, null);
        return list(false);
    }

    private static boolean startsCommand(Token t) {
        return switch (t.kind()) {
            case WORD -> !ENDS.contains(String.valueOf(t.plain()));
            case IO_NUMBER, LPAREN, LESS, GREAT, DLESS, DLESSDASH, DGREAT, LESSAND, GREATAND, LESSGREAT, CLOBBER -> true;
            default -> false;
        };
    }

    private Node andOr() {
        Node n = pipeline();
        while (peek().kind() == Token.Kind.AND_IF || peek().kind() == Token.Kind.OR_IF) {
            boolean and = take().kind() == Token.Kind.AND_IF;
            skipNewlines();
            n = new Node.AndOr(n, and, pipeline());
        }
        return n;
    }

    private Node pipeline() {
        boolean negate = false;
        while (peek().is("!")) {
            take();
            negate = !negate;
        }
        List<Node> commands = new ArrayList<>();
        commands.add(command(true));
        while (peek().kind() == Token.Kind.PIPE) {
            take();
            skipNewlines();
            commands.add(command(true));
        }
        if (commands.size() == 1 && !negate) return commands.get(0);
        return new Node.Pipeline(List.copyOf(commands), negate);
    }

    // ---- commands

    private Node command(boolean allowFunction) {
        if (++nesting > MAX_NESTING) throw ShellError.syntax("commands nested too deeply");
        try {
            Token t = peek();
            String w = t.plain();
            Node compound;
            if (t.kind() == Token.Kind.LPAREN) {
                take();
                compound = new Node.Subshell(compoundListUntilParen());
            } else if (w == null) {
                return simple(allowFunction);
            } else {
                compound = switch (w) {
                    case "if" -> ifClause();
                    case "while", "until" -> loop(w.equals("until"));
                    case "for" -> forClause();
                    case "case" -> caseClause();
                    case "{" -> group();
                    default -> {
                        if (ENDS.contains(w)) throw unexpected(t, null);
                        yield null;
                    }
                };
                if (compound == null) return simple(allowFunction);
            }
            List<Node.Redirection> redirections = new ArrayList<>();
            while (redirectionNext()) redirections.add(redirection());
            return redirections.isEmpty() ? compound : new Node.Redirected(compound, List.copyOf(redirections));
        } finally {
            nesting--;
        }
    }

    private Node compoundListUntilParen() {
        Node body = compoundList();
        expect(Token.Kind.RPAREN);
        return body;
    }

    private Node group() {
        take();
        Node body = compoundList();
        expectWord("}");
        return new Node.Group(body);
    }

    private Node ifClause() {
        take();
        Node condition = compoundList();
        expectWord("then");
        Node body = compoundList();
        Token t = peek();
        if (t.is("elif")) return new Node.If(condition, body, ifClause());
        Node otherwise = null;
        if (t.is("else")) {
            take();
            otherwise = compoundList();
        }
        expectWord("fi");
        return new Node.If(condition, body, otherwise);
    }

    private Node loop(boolean until) {
        take();
        Node condition = compoundList();
        expectWord("do");
        Node body = compoundList();
        expectWord("done");
        return new Node.Loop(condition, body, until);
    }

    private Node forClause() {
        int line = take().line();
        Token name = take();
        if (name.kind() != Token.Kind.WORD || !Variables.validName(name.plain())) {
            throw ShellError.syntax("Bad for loop variable");
        }
        List<Word> words = null;
        if (peek().kind() == Token.Kind.SEMI) {
            take();
        } else {
            skipNewlines();
            if (peek().is("in")) {
                take();
                words = new ArrayList<>();
                while (peek().kind() == Token.Kind.WORD) words.add(take().word());
                Token sep = take();
                if (sep.kind() != Token.Kind.SEMI && sep.kind() != Token.Kind.NEWLINE) throw unexpected(sep, "do");
                words = List.copyOf(words);
            }
        }
        skipNewlines();
        expectWord("do");
        Node body = compoundList();
        expectWord("done");
        return new Node.For(name.plain(), words, body, line);
    }

    private Node caseClause() {
        int line = take().line();
        Token subject = take();
        if (subject.kind() != Token.Kind.WORD) throw unexpected(subject, "word");
        skipNewlines();
        expectWord("in");
        skipNewlines();
        List<Node.CaseItem> items = new ArrayList<>();
        while (!peek().is("esac")) {
            if (peek().kind() == Token.Kind.LPAREN) take();
            List<Word> patterns = new ArrayList<>();
            patterns.add(pattern());
            while (peek().kind() == Token.Kind.PIPE) {
                take();
                patterns.add(pattern());
            }
            expect(Token.Kind.RPAREN);
            skipNewlines();
            Token t = peek();
            Node body = t.kind() == Token.Kind.DSEMI || t.is("esac") ? null : list(false);
            items.add(new Node.CaseItem(List.copyOf(patterns), body));
            t = peek();
            if (t.kind() == Token.Kind.DSEMI) {
                take();
                skipNewlines();
            } else if (!t.is("esac")) {
                throw unexpected(t, "esac");
            }
        }
        take();
        return new Node.Case(subject.word(), List.copyOf(items), line);
    }

    private Word pattern() {
        Token t = take();
        if (t.kind() != Token.Kind.WORD) throw unexpected(t, ")");
        return t.word();
    }

    private Node simple(boolean allowFunction) {
        List<Node.Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Node.Redirection> redirections = new ArrayList<>();
        int line = peek().line();
        while (true) {
            Token t = peek();
            if (redirectionNext()) {
                redirections.add(redirection());
            } else if (t.kind() == Token.Kind.WORD) {
                take();
                Node.Assignment a = words.isEmpty() ? assignment(t.word()) : null;
                if (a != null) {
                    assignments.add(a);
                } else if (words.isEmpty() && assignments.isEmpty() && redirections.isEmpty() && allowFunction
                        && peek().kind() == Token.Kind.LPAREN) {
                    return function(t);
                } else {
                    words.add(t.word());
                }
            } else {
                break;
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirections.isEmpty()) throw unexpected(peek(), null);
        return new Node.Simple(List.copyOf(assignments), List.copyOf(words), List.copyOf(redirections), line);
    }

    private Node function(Token name) {
        take();
        expect(Token.Kind.RPAREN);
        if (!Variables.validName(name.plain())) throw ShellError.syntax("Bad function name");
        skipNewlines();
        return new Node.FunctionDefinition(name.plain(), command(false), name.line());
    }

    /** {@code NAME=value} as the first part of a word (XCU 2.10.2 rule 7), or null. */
    static Node.Assignment assignment(Word w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof WordPart.Literal first)) return null;
        int eq = first.text().indexOf('=');
        if (eq <= 0 || !Variables.validName(first.text().substring(0, eq))) return null;
        List<WordPart> value = new ArrayList<>();
        String rest = first.text().substring(eq + 1);
        if (!rest.isEmpty()) value.add(new WordPart.Literal(rest));
        value.addAll(w.parts().subList(1, w.parts().size()));
        return new Node.Assignment(first.text().substring(0, eq),
                new Word(List.copyOf(value), w.raw().substring(w.raw().indexOf('=') + 1)));
    }

    private boolean redirectionNext() {
        Token t = peek();
        return t.kind() == Token.Kind.IO_NUMBER || t.kind().redirection() != null;
    }

    private Node.Redirection redirection() {
        int fd = -1;
        if (peek().kind() == Token.Kind.IO_NUMBER) {
            String digits = take().word().plain();
            fd = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }
        Token op = take();
        Node.RedirectionOp kind = op.kind().redirection();
        if (kind == null) throw unexpected(op, null);
        Token target = take();
        if (target.kind() != Token.Kind.WORD) throw unexpected(target, null);
        Node.HereDocument here = null;
        if (kind == Node.RedirectionOp.HERE || kind == Node.RedirectionOp.HERE_STRIP) {
            here = new Node.HereDocument();
            lx.hereDocument(here, target.word(), kind == Node.RedirectionOp.HERE_STRIP);
        } else if (kind == Node.RedirectionOp.DUP_IN || kind == Node.RedirectionOp.DUP_OUT) {
            String p = target.word().plain();
            if (p != null && !p.equals("-") && !(!p.isEmpty() && p.chars().allMatch(Character::isDigit))) {
                throw ShellError.syntax("Bad fd number");
            }
        }
        return new Node.Redirection(fd < 0 ? kind.defaultFd : fd, kind, target.word(), here);
    }

    // ---- tokens

    private Token peek() {
        if (peeked == null) peeked = lx.next();
        return peeked;
    }

    private Token take() {
        Token t = peek();
        peeked = null;
        return t;
    }

    private void skipNewlines() {
        while (peek().kind() == Token.Kind.NEWLINE) take();
    }

    private void expect(Token.Kind kind) {
        Token t = take();
        if (t.kind() != kind) throw unexpected(t, kind.text);
    }

    private void expectWord(String word) {
        Token t = take();
        if (!t.is(word)) throw unexpected(t, word);
    }

    private static ShellError unexpected(Token t, String expecting) {
        return ShellError.syntax(t.describe() + " unexpected" + (expecting == null ? "" : " (expecting \"" + expecting + "\")"));
    }
}
