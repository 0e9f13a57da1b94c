package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's variables (XCU 2.5.3) with their export and readonly attributes, and the positional parameters.
 * A subshell gets a copy ({@link #copy}), since a forked child's changes must not reach its parent.
 */
final class Variables {

    /** One variable: a value (null: declared by export or readonly without one), exported, read-only. */
    record Var(String value, boolean exported, boolean readonly) {
    }

    private final Map<String, Var> vars;
    private List<String> positional;
    /** Variables saved by a command's temporary assignments (XCU 2.9.1), restored afterwards; innermost last. */
    private final List<Map<String, Var>> saved = new ArrayList<>();

    Variables() {
        this(new LinkedHashMap<>(), new ArrayList<>());
    }

    private Variables(Map<String, Var> vars, List<String> positional) {
        this.vars = vars;
        this.positional = positional;
    }

    /** A copy for a subshell. */
    Variables copy() {
        return new Variables(new LinkedHashMap<>(vars), new ArrayList<>(positional));
    }

    /** Whether {@code s} is a name: a letter or underscore, then letters, digits and underscores. */
    static boolean validName(String s) {
        if (s == null || s.isEmpty() || !Lexer.nameStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) {
            if (!Lexer.nameChar(s.charAt(i))) return false;
        }
        return true;
    }

    /** The value, or null when unset. */
    String get(String name) {
        Var v = vars.get(name);
        return v == null ? null : v.value();
    }

    Var lookup(String name) {
        return vars.get(name);
    }

    /** Sets a value; a read-only variable refuses with "NAME: is read only" (fatal, status 2). */
    void set(String name, String value) {
        Var v = vars.get(name);
        if (v != null && v.readonly()) throw ShellError.fatal(name + ": is read only");
        vars.put(name, new Var(value, v != null && v.exported(), false));
    }

    void export(String name) {
        Var v = vars.get(name);
        vars.put(name, new Var(v == null ? null : v.value(), true, v != null && v.readonly()));
    }

    void readonly(String name) {
        Var v = vars.get(name);
        vars.put(name, new Var(v == null ? null : v.value(), v != null && v.exported(), true));
    }

    /** unset: "NAME: is read only" for a read-only one. */
    void unset(String name) {
        Var v = vars.get(name);
        if (v != null && v.readonly()) throw ShellError.fatal(name + ": is read only");
        vars.remove(name);
    }

    /** Functions' local variables (the {@code local} built-in), innermost call last. */
    private final List<Map<String, Var>> locals = new ArrayList<>();

    /** A function call begins: {@code local} saves variables into its scope. */
    void beginLocals() {
        locals.add(new LinkedHashMap<>());
    }

    /** The call ends: its local variables get their old values back. */
    void endLocals() {
        restore(locals.remove(locals.size() - 1));
    }

    /** {@code local name}: false outside a function. The variable keeps its value until assigned. */
    boolean local(String name) {
        if (locals.isEmpty()) return false;
        Map<String, Var> frame = locals.get(locals.size() - 1);
        if (!frame.containsKey(name)) frame.put(name, vars.get(name));
        return true;
    }

    /** Sets {@code name} for one command only: the old state comes back at {@link #restoreTemporaries}. */
    void setTemporarily(String name, String value) {
        Map<String, Var> frame = saved.get(saved.size() - 1);
        if (!frame.containsKey(name)) frame.put(name, vars.get(name));
        set(name, value);
        export(name);
    }

    /** Opens a frame of temporary assignments. */
    void beginTemporaries() {
        saved.add(new LinkedHashMap<>());
    }

    /** Puts back every variable the innermost frame of temporary assignments changed. */
    void restoreTemporaries() {
        restore(saved.remove(saved.size() - 1));
    }

    private void restore(Map<String, Var> frame) {
        frame.forEach((name, old) -> {
            if (old == null) {
                vars.remove(name);
            } else {
                vars.put(name, old);
            }
        });
    }

    /** The environment for exec(2): every exported variable with a value, as NAME=value. */
    String[] environment() {
        List<String> env = new ArrayList<>();
        vars.forEach((name, v) -> {
            if (v.exported() && v.value() != null) env.add(name + "=" + v.value());
        });
        return env.toArray(new String[0]);
    }

    /** Every variable, sorted by name: for {@code set}, {@code export -p}, {@code readonly -p}. */
    Map<String, Var> sorted() {
        return new TreeMap<>(vars);
    }

    List<String> positional() {
        return positional;
    }

    void positional(List<String> args) {
        positional = new ArrayList<>(args);
    }
}
