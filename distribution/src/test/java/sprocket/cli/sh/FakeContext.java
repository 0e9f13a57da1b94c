package sprocket.cli.sh;

import java.util.List;

/** A shell's state as expansion sees it, with no kernel: "files" for globbing, substitution echoes the command. */
final class FakeContext implements Expander.Context {
    final Variables vars = new Variables();
    final Options options = new Options();
    final List<String> files = List.of("a.c", "b.c", "b.h", ".hidden.c");

    @Override
    public Variables variables() {
        return vars;
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    public String special(char name) {
        return switch (name) {
            case '?' -> "3";
            case '$' -> "42";
            case '0' -> "sh";
            default -> null;
        };
    }

    @Override
    public String substitute(Node body) {
        return body == null ? "" : "<" + Unparse.text(body) + ">";
    }

    @Override
    public List<String> glob(String pattern) {
        return files.stream().filter(f -> !f.startsWith(".") && Pattern.matches(pattern, f)).sorted().toList();
    }

    @Override
    public String home(String user) {
        return user.isEmpty() ? "/home/me" : user.equals("bin") ? "/bin" : null;
    }
}
