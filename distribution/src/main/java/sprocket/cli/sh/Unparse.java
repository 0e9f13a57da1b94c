package sprocket.cli.sh;

import java.util.List;

/** The text of a command as {@code jobs} shows it, rebuilt from the tree the way dash's cmdtxt does. */
final class Unparse {

    private Unparse() {
    }

    static String text(Node n) {
        StringBuilder b = new StringBuilder();
        append(n, b);
        return b.toString();
    }

    private static void append(Node n, StringBuilder b) {
        switch (n) {
            case Node.Simple c -> {
                String sep = "";
                for (Word w : c.words()) {
                    b.append(sep).append(w.raw());
                    sep = " ";
                }
                redirections(c.redirections(), b, !c.words().isEmpty());
            }
            case Node.Pipeline p -> {
                if (p.negate()) b.append("! ");
                join(p.commands(), " | ", b);
            }
            case Node.AndOr a -> {
                append(a.left(), b);
                b.append(a.and() ? " && " : " || ");
                append(a.right(), b);
            }
            case Node.Sequence s -> join(s.items(), "; ", b);
            case Node.Background g -> append(g.body(), b);
            case Node.Subshell s -> {
                b.append('(');
                append(s.body(), b);
                b.append(')');
            }
            case Node.Group g -> {
                b.append("{ ");
                append(g.body(), b);
                b.append("; }");
            }
            case Node.Redirected r -> {
                append(r.body(), b);
                redirections(r.redirections(), b, true);
            }
            case Node.If i -> {
                b.append("if ");
                append(i.condition(), b);
                b.append("; then ");
                append(i.body(), b);
                if (i.otherwise() != null) {
                    b.append("; else ");
                    append(i.otherwise(), b);
                }
                b.append("; fi");
            }
            case Node.Loop l -> {
                b.append(l.until() ? "until " : "while ");
                append(l.condition(), b);
                b.append("; do ");
                append(l.body(), b);
                b.append("; done");
            }
            case Node.For f -> {
                b.append("for ").append(f.name());
                if (f.words() != null) {
                    b.append(" in");
                    for (Word w : f.words()) b.append(' ').append(w.raw());
                }
                b.append("; do ");
                append(f.body(), b);
                b.append("; done");
            }
            case Node.Case c -> {
                b.append("case ").append(c.subject().raw()).append(" in ");
                for (Node.CaseItem item : c.items()) {
                    String sep = "";
                    for (Word p : item.patterns()) {
                        b.append(sep).append(p.raw());
                        sep = "|";
                    }
                    b.append(") ");
                    if (item.body() != null) append(item.body(), b);
                    b.append(";; ");
                }
                b.append("esac");
            }
            case Node.FunctionDefinition f -> b.append(f.name()).append("() { ... }");
        }
    }

    private static void join(List<Node> nodes, String sep, StringBuilder b) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) b.append(sep);
            append(nodes.get(i), b);
        }
    }

    private static void redirections(List<Node.Redirection> rs, StringBuilder b, boolean space) {
        for (Node.Redirection r : rs) {
            if (space || b.length() > 0) b.append(' ');
            b.append(r.fd()).append(r.op().text);
            b.append(r.here() != null ? "..." : r.target().raw());
            space = true;
        }
    }
}
