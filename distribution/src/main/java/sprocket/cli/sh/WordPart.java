package sprocket.cli.sh;

import java.util.List;

/** One piece of a word as the lexer found it; expansion turns the pieces into fields (POSIX.1 XCU 2.6). */
sealed interface WordPart {

    /** Unquoted characters: field splitting does not touch them, but pathname patterns in them are live. */
    record Literal(String text) implements WordPart {
    }

    /** Characters in single quotes or after a backslash: taken as they are. */
    record Quoted(String text) implements WordPart {
    }

    /** A double-quoted string: its literals are quoted, its expansions expanded but neither split nor globbed. */
    record DoubleQuoted(List<WordPart> parts) implements WordPart {
    }

    /** {@code ~} or {@code ~user} at the start of a word or of an assignment's value (or after its colons). */
    record Tilde(String user) implements WordPart {
    }

    /** {@code $name}, {@code ${name}}, {@code ${name:-word}}, {@code ${#name}}, {@code ${name%pattern}}... */
    record Parameter(String name, Op op, boolean colon, Word arg) implements WordPart {
    }

    /** {@code $(list)} or {@code `list`}: the list's output, its trailing newlines removed. */
    record CommandSubstitution(Node body) implements WordPart {
    }

    /** {@code $((expression))}: the expression is expanded as in double quotes, then evaluated. */
    record Arithmetic(Word expression) implements WordPart {
    }

    /** What a parameter expansion does with its word. */
    enum Op {
        /** {@code $name}, {@code ${name}}. */
        PLAIN(""),
        /** {@code ${name-word}}: word if unset (with a colon: or null). */
        DEFAULT("-"),
        /** {@code ${name=word}}: assign word if unset. */
        ASSIGN("="),
        /** {@code ${name?word}}: error if unset. */
        ERROR("?"),
        /** {@code ${name+word}}: word if set. */
        ALTERNATE("+"),
        /** {@code ${#name}}: the length. */
        LENGTH(""),
        /** {@code ${name%pattern}}: the smallest matching suffix removed. */
        SMALL_SUFFIX("%"),
        /** {@code ${name%%pattern}}. */
        LARGE_SUFFIX("%%"),
        /** {@code ${name#pattern}}. */
        SMALL_PREFIX("#"),
        /** {@code ${name##pattern}}. */
        LARGE_PREFIX("##"),
        /** Something {@code ${} cannot hold, such as {@code ${x!}}: an error when expanded, as in dash. */
        BAD("");

        final String text;

        Op(String text) {
            this.text = text;
        }

        /** Whether the word is a pattern, matched against the value rather than substituted for it. */
        boolean pattern() {
            return this == SMALL_SUFFIX || this == LARGE_SUFFIX || this == SMALL_PREFIX || this == LARGE_PREFIX;
        }
    }
}
