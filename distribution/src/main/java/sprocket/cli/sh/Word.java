package sprocket.cli.sh;

import java.util.List;

/**
 * A word of the command language: its parts, and its text as written ({@code raw}), which reserved words, here-
 * document delimiters, function names and job listings go by.
 */
record Word(List<WordPart> parts, String raw) {

    /** A word made of literal text alone, as the shell builds for "$@" and the like. */
    static Word literal(String text) {
        return new Word(List.of(new WordPart.Literal(text)), text);
    }

    /** The text if the word is plain unquoted characters with no expansion in it, else null. */
    String plain() {
        if (parts.size() != 1 || !(parts.get(0) instanceof WordPart.Literal l)) return parts.isEmpty() ? "" : null;
        return l.text();
    }

    /** Whether any part was quoted: a quoted here-document delimiter makes the body literal. */
    boolean quoted() {
        for (WordPart p : parts) {
            if (p instanceof WordPart.Quoted || p instanceof WordPart.DoubleQuoted) return true;
        }
        return false;
    }

    /** Quote removal on the source text: the here-document delimiter as lines are compared with it. */
    String unquoted() {
        StringBuilder b = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == '\'' && c != '\'') {
                b.append(c);
            } else if (c == '\'' && quote != '"') {
                quote = quote == 0 ? '\'' : 0;
            } else if (c == '"') {
                quote = quote == 0 ? '"' : 0;
            } else if (c == '\\' && i + 1 < raw.length()
                    && (quote == 0 || "$`\"\\".indexOf(raw.charAt(i + 1)) >= 0)) {
                b.append(raw.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
