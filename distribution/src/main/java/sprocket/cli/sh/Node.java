package sprocket.cli.sh;

import java.util.List;

/** The command language's syntax tree (POSIX.1 XCU 2.9, "Shell Commands"). Nodes are immutable once parsed. */
sealed interface Node {

    /** Assignments, words and redirections: {@code A=1 cmd arg >file}. {@code line} is where it began. */
    record Simple(List<Assignment> assignments, List<Word> words, List<Redirection> redirections, int line)
            implements Node {
    }

    /** {@code [!] a | b | c}: two or more commands, or one negated. */
    record Pipeline(List<Node> commands, boolean negate) implements Node {
    }

    /** {@code left && right} or {@code left || right}; chains lean left. */
    record AndOr(Node left, boolean and, Node right) implements Node {
    }

    /** Commands run one after another ({@code ;} or newline). */
    record Sequence(List<Node> items) implements Node {
    }

    /** {@code command &}: run without waiting. */
    record Background(Node body) implements Node {
    }

    /** {@code ( list )}: run in a child, so nothing it changes reaches the shell. */
    record Subshell(Node body) implements Node {
    }

    /** {@code { list; }}. */
    record Group(Node body) implements Node {
    }

    /** A compound command with redirections after it: {@code while ...; done <file}. */
    record Redirected(Node body, List<Redirection> redirections) implements Node {
    }

    /** {@code if cond; then body; [elif...] [else otherwise;] fi}; {@code otherwise} may be null. */
    record If(Node condition, Node body, Node otherwise) implements Node {
    }

    /** {@code while cond; do body; done}, or {@code until} when {@code until}. */
    record Loop(Node condition, Node body, boolean until) implements Node {
    }

    /** {@code for name [in words]; do body; done}; {@code words} null means "$@". */
    record For(String name, List<Word> words, Node body, int line) implements Node {
    }

    /** {@code case word in pattern) list;; ... esac}. */
    record Case(Word subject, List<CaseItem> items, int line) implements Node {
    }

    /** {@code name() command}: defines a function when run. */
    record FunctionDefinition(String name, Node body, int line) implements Node {
    }

    /** {@code name=value} before a command or alone. */
    record Assignment(String name, Word value) {
    }

    /** One {@code pattern|pattern) list ;;}; the body may be null (an empty list). */
    record CaseItem(List<Word> patterns, Node body) {
    }

    /**
     * {@code [n]op target}: {@code fd} is the descriptor redirected; {@code here} holds a here-document's body,
     * which the lexer fills in once it has read the lines after the command.
     */
    record Redirection(int fd, RedirectionOp op, Word target, HereDocument here) {
    }

    /** The redirection operators and the descriptor each applies to when none is written. */
    enum RedirectionOp {
        IN("<", 0), OUT(">", 1), CLOBBER(">|", 1), APPEND(">>", 1), READ_WRITE("<>", 0), DUP_IN("<&", 0),
        DUP_OUT(">&", 1), HERE("<<", 0), HERE_STRIP("<<-", 0);

        final String text;
        final int defaultFd;

        RedirectionOp(String text, int defaultFd) {
            this.text = text;
            this.defaultFd = defaultFd;
        }
    }

    /** A here-document's body: literal when the delimiter was quoted, else expanded as in double quotes. */
    final class HereDocument {
        Word body;
        boolean literal;
    }
}
