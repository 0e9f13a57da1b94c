package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields a word expands to, built as its parts are expanded: field splitting (XCU 2.6.5) happens as the results
 * of unquoted expansions arrive, and each field keeps a pattern form, with its quoted characters escaped, for
 * pathname expansion.
 */
final class Fields {

    /** One field: its text, its pattern form, and whether an unquoted pattern character is in it. */
    record Field(String text, String pattern, boolean glob) {
    }

    /** Where the builder stands: between fields, in one, or just after a white-space or other IFS delimiter. */
    private enum State { NONE, STARTED, AFTER_WHITESPACE, AFTER_DELIMITER }

    private final String ifs;
    private final List<Field> out = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder pattern = new StringBuilder();
    private boolean glob;
    private State state = State.NONE;

    /** {@code ifs}: the value of IFS, or null when unset (then space, tab and newline). */
    Fields(String ifs) {
        this.ifs = ifs == null ? " \t\n" : ifs;
    }

    /** Characters that are not split: literal text of the word, quoted or not, and quoted expansions. */
    void append(String s, boolean quoted) {
        state = State.STARTED;
        for (int i = 0; i < s.length(); i++) add(s.charAt(i), quoted);
    }

    /** The result of an unquoted expansion: split at IFS characters. */
    void split(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ifs.indexOf(c) < 0) {
                state = State.STARTED;
                add(c, false);
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (state == State.STARTED) {
                    end();
                    state = State.AFTER_WHITESPACE;
                }
            } else {
                // A non-white-space IFS character delimits a field even with nothing before it ("a::b" is three).
                if (state != State.STARTED && state != State.AFTER_WHITESPACE) end();
                if (state == State.STARTED) end();
                state = State.AFTER_DELIMITER;
            }
        }
    }

    /** A boundary between positional parameters in "$@" or unquoted $@ and $*. */
    void boundary(boolean quoted) {
        if (quoted || state == State.STARTED) end();
        state = quoted ? State.NONE : State.AFTER_WHITESPACE;
    }

    /** Ends the word: the fields it made. */
    List<Field> finish() {
        if (state == State.STARTED) end();
        return out;
    }

    private void add(char c, boolean quoted) {
        text.append(c);
        if (c == '\\' || ((c == '*' || c == '?' || c == '[' || c == ']') && quoted)) {
            pattern.append('\\');
        } else if (c == '*' || c == '?' || c == '[') {
            glob = true;
        }
        pattern.append(c);
    }

    private void end() {
        out.add(new Field(text.toString(), pattern.toString(), glob));
        text.setLength(0);
        pattern.setLength(0);
        glob = false;
        state = State.NONE;
    }
}
