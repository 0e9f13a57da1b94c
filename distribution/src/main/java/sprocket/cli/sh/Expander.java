package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.List;

/**
 * Word expansions (XCU 2.6) in their order: tilde, parameter, command substitution and arithmetic in one pass from
 * left to right, then field splitting, pathname expansion and quote removal. What the expansions need from the
 * shell (variables, running a command substitution, reading directories) comes through {@link Context}.
 */
final class Expander {

    /** What expansion needs from the running shell. */
    interface Context {
        Variables variables();

        Options options();

        /** {@code $?}, {@code $$}, {@code $!}, {@code $-} or {@code $0}; null when unset. */
        String special(char name);

        /** Runs a command substitution: its output without trailing newlines. */
        String substitute(Node body);

        /** The pathnames matching {@code pattern}, sorted; empty when none does. */
        List<String> glob(String pattern);

        /** The home directory of {@code user} ("" for the current user), or null when unknown. */
        String home(String user);
    }

    /** Where the pieces of an expanded word go: fields, a single string, or a pattern. */
    private interface Sink {
        /** Literal text of the word, or a quoted expansion: never split. */
        void text(String s, boolean quoted);

        /** The result of an expansion; split when unquoted and the sink splits. */
        void expansion(String s, boolean quoted);

        /** Between the positional parameters of {@code $@}. */
        void boundary(boolean quoted);
    }

    private final Context cx;

    Expander(Context cx) {
        this.cx = cx;
    }

    /** Full expansion of a command's words into its arguments: split, globbed, quotes removed. */
    List<String> fields(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) fields(w, out);
        return out;
    }

    private void fields(Word w, List<String> out) {
        Fields f = new Fields(cx.variables().get("IFS"));
        expand(w.parts(), new Sink() {
            @Override
            public void text(String s, boolean quoted) {
                f.append(s, quoted);
            }

            @Override
            public void expansion(String s, boolean quoted) {
                if (quoted) {
                    f.append(s, true);
                } else {
                    f.split(s);
                }
            }

            @Override
            public void boundary(boolean quoted) {
                f.boundary(quoted);
            }
        }, false);
        for (Fields.Field field : f.finish()) {
            List<String> matches = field.glob() && !cx.options().noglob ? cx.glob(field.pattern()) : List.of();
            if (matches.isEmpty()) {
                out.add(field.text());
            } else {
                out.addAll(matches);
            }
        }
    }

    /** Expansion without splitting or globbing: assignments, redirection targets, here-documents, case words. */
    String string(Word w) {
        StringBuilder b = new StringBuilder();
        expand(w.parts(), joiner(b, false), false);
        return b.toString();
    }

    /** An assignment's value: as {@link #string}, with tilde-prefixes after = and each unquoted colon (XCU 2.6.1). */
    String assignment(Word w) {
        List<WordPart> parts = new ArrayList<>();
        boolean start = true;
        for (WordPart p : w.parts()) {
            if (p instanceof WordPart.Literal l && l.text().indexOf('~') >= 0) {
                tildes(l.text(), start, parts);
            } else {
                parts.add(p);
            }
            start = false;
        }
        StringBuilder b = new StringBuilder();
        expand(parts, joiner(b, false), false);
        return b.toString();
    }

    /** A case pattern or a pattern of {@code ${x%pattern}}: quoted characters escaped, the rest live. */
    String pattern(Word w) {
        StringBuilder b = new StringBuilder();
        expand(w.parts(), joiner(b, true), false);
        return b.toString();
    }

    private static Sink joiner(StringBuilder b, boolean escapeQuoted) {
        return new Sink() {
            @Override
            public void text(String s, boolean quoted) {
                b.append(escapeQuoted && quoted ? Pattern.quote(s) : s);
            }

            @Override
            public void expansion(String s, boolean quoted) {
                text(s, quoted);
            }

            @Override
            public void boundary(boolean quoted) {
                b.append(' ');
            }
        };
    }

    private void tildes(String text, boolean start, List<WordPart> parts) {
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean prefixStart = (i == 0 && start) || (i > 0 && text.charAt(i - 1) == ':');
            if (i < text.length() && prefixStart && text.charAt(i) == '~') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '/' && text.charAt(end) != ':') end++;
                if (i > from) parts.add(new WordPart.Literal(text.substring(from, i)));
                parts.add(new WordPart.Tilde(text.substring(i + 1, end)));
                from = end;
                i = end - 1;
            }
        }
        if (from < text.length()) parts.add(new WordPart.Literal(text.substring(from)));
    }

    private void expand(List<WordPart> parts, Sink sink, boolean inDoubleQuotes) {
        for (WordPart p : parts) {
            switch (p) {
                case WordPart.Literal l -> sink.text(l.text(), inDoubleQuotes);
                case WordPart.Quoted q -> sink.text(q.text(), true);
                case WordPart.DoubleQuoted d -> {
                    // "$@" with no positional parameters makes no field at all; any other quotes make one, if empty.
                    if (!onlyAt(d.parts())) sink.text("", true);
                    expand(d.parts(), sink, true);
                }
                case WordPart.Tilde t -> {
                    String home = cx.home(t.user());
                    if (home == null) {
                        sink.text("~" + t.user(), false);
                    } else {
                        sink.text(home, true);
                    }
                }
                case WordPart.Parameter param -> parameter(param, sink, inDoubleQuotes);
                case WordPart.CommandSubstitution c -> sink.expansion(cx.substitute(c.body()), inDoubleQuotes);
                case WordPart.Arithmetic a -> {
                    StringBuilder b = new StringBuilder();
                    expand(a.expression().parts(), joiner(b, false), true);
                    sink.expansion(Long.toString(new Arithmetic(b.toString(), cx.variables(), cx.options()).evaluate()),
                            inDoubleQuotes);
                }
            }
        }
    }

    private static boolean onlyAt(List<WordPart> parts) {
        return parts.size() == 1 && parts.get(0) instanceof WordPart.Parameter p && p.name().equals("@")
                && p.op() == WordPart.Op.PLAIN;
    }

    private void parameter(WordPart.Parameter p, Sink sink, boolean inDoubleQuotes) {
        if (p.op() == WordPart.Op.BAD) throw ShellError.fatal("Bad substitution");
        String name = p.name();
        boolean all = name.equals("@") || name.equals("*");
        String value = value(name);
        boolean set = value != null;
        boolean nonEmpty = set && !value.isEmpty();
        switch (p.op()) {
            case BAD -> throw new IllegalStateException("handled above");
            case PLAIN -> {
                if (!set && cx.options().nounset && !all) throw ShellError.fatal(name + ": parameter not set");
                if (all) {
                    positional(name.equals("@"), sink, inDoubleQuotes);
                } else if (set) {
                    sink.expansion(value, inDoubleQuotes);
                }
            }
            case LENGTH -> {
                if (!set && cx.options().nounset && !all) throw ShellError.fatal(name + ": parameter not set");
                String n = all ? Integer.toString(cx.variables().positional().size())
                        : Integer.toString(set ? value.length() : 0);
                sink.expansion(n, inDoubleQuotes);
            }
            case DEFAULT, ALTERNATE -> {
                boolean use = (p.colon() ? nonEmpty : set) == (p.op() == WordPart.Op.ALTERNATE);
                if (use) {
                    expand(p.arg().parts(), sink, inDoubleQuotes);
                } else if (p.op() == WordPart.Op.DEFAULT) {
                    if (all) {
                        positional(name.equals("@"), sink, inDoubleQuotes);
                    } else {
                        sink.expansion(value, inDoubleQuotes);
                    }
                }
            }
            case ASSIGN -> {
                if (p.colon() ? nonEmpty : set) {
                    sink.expansion(value, inDoubleQuotes);
                } else {
                    if (!Variables.validName(name)) throw ShellError.fatal(name + ": bad variable name");
                    String v = string(p.arg());
                    cx.variables().set(name, v);
                    if (cx.options().allexport) cx.variables().export(name);
                    sink.expansion(v, inDoubleQuotes);
                }
            }
            case ERROR -> {
                if (p.colon() ? nonEmpty : set) {
                    sink.expansion(value, inDoubleQuotes);
                } else {
                    String message = string(p.arg());
                    if (message.isEmpty()) message = p.colon() ? "parameter not set or null" : "parameter not set";
                    throw ShellError.fatal(name + ": " + message);
                }
            }
            case SMALL_SUFFIX, LARGE_SUFFIX, SMALL_PREFIX, LARGE_PREFIX -> {
                if (!set && cx.options().nounset && !all) throw ShellError.fatal(name + ": parameter not set");
                sink.expansion(remove(set ? value : "", pattern(p.arg()), p.op()), inDoubleQuotes);
            }
        }
    }

    /** {@code $@} and {@code $*}: one field per parameter, or in double quotes "$*" joined by IFS's first character. */
    private void positional(boolean at, Sink sink, boolean inDoubleQuotes) {
        List<String> args = cx.variables().positional();
        if (!at && inDoubleQuotes) {
            sink.expansion(value("*"), true);
            return;
        }
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sink.boundary(inDoubleQuotes);
            sink.expansion(args.get(i), inDoubleQuotes);
        }
    }

    /** The value of a parameter, or null when unset. */
    String value(String name) {
        char c = name.charAt(0);
        if (name.length() == 1 && "?$!-0".indexOf(c) >= 0) return cx.special(c);
        List<String> args = cx.variables().positional();
        if (name.equals("#")) return Integer.toString(args.size());
        if (name.equals("@") || name.equals("*")) {
            String ifs = cx.variables().get("IFS");
            String sep = ifs == null ? " " : ifs.isEmpty() ? "" : ifs.substring(0, 1);
            return args.isEmpty() && name.equals("@") ? null : String.join(sep, args);
        }
        if (Character.isDigit(c)) {
            int n;
            try {
                n = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return null;
            }
            return n >= 1 && n <= args.size() ? args.get(n - 1) : null;
        }
        return cx.variables().get(name);
    }

    /** Removes the smallest or largest prefix or suffix of {@code v} matching {@code pattern}. */
    static String remove(String v, String pattern, WordPart.Op op) {
        int n = v.length();
        switch (op) {
            case SMALL_PREFIX -> {
                for (int i = 0; i <= n; i++) if (Pattern.matches(pattern, v.substring(0, i))) return v.substring(i);
            }
            case LARGE_PREFIX -> {
                for (int i = n; i >= 0; i--) if (Pattern.matches(pattern, v.substring(0, i))) return v.substring(i);
            }
            case SMALL_SUFFIX -> {
                for (int i = n; i >= 0; i--) if (Pattern.matches(pattern, v.substring(i))) return v.substring(0, i);
            }
            case LARGE_SUFFIX -> {
                for (int i = 0; i <= n; i++) if (Pattern.matches(pattern, v.substring(i))) return v.substring(0, i);
            }
            default -> throw new IllegalArgumentException(op.name());
        }
        return v;
    }
}
