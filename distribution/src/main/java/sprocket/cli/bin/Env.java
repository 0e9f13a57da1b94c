package sprocket.cli.bin;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Exec;
import sprocket.libc.Stream;

/**
 * env(1): "obtains the current environment, modifies it according to its arguments, then invokes the utility named
 * by the utility operand with the modified environment", searched on the new environment's PATH. {@code -i} (or a
 * lone {@code -}) starts from an empty environment, {@code -u NAME} removes a variable, NAME=VALUE sets one. Without
 * a utility it writes the environment, one variable a line. Exit 0; the utility's status; 126 when it could not be
 * run, 127 when it was not found; 125 for an error of env's own, as GNU env has it.
 */
public final class Env implements Program {

    private static final String USAGE = "usage: env [-i] [-u name]... [name=value]... [utility [argument...]]\n";

    @Override
    public String name() {
        return "env";
    }

    @Override
    public String summary() {
        return "env [-i] [-u NAME] [NAME=VALUE...] [CMD [ARG...]]: run a command in a changed environment, or print it";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        List<String> env = new ArrayList<>(List.of(sys.environ()));
        int a = 1;
        for (; a < argv.length; a++) {
            String w = argv[a];
            if (w.equals("--")) {
                a++;
                break;
            }
            if (w.equals("-i") || w.equals("-")) {
                env.clear();
            } else if (w.equals("-u") || (w.startsWith("-u") && w.length() > 2)) {
                String name = w.length() > 2 ? w.substring(2) : a + 1 < argv.length ? argv[++a] : null;
                if (name == null || name.isEmpty() || name.indexOf('=') >= 0) {
                    Usage.fail(sys, USAGE);
                    return 125;
                }
                env.removeIf(e -> e.startsWith(name + "="));
            } else if (w.startsWith("-")) {
                Usage.fail(sys, USAGE);
                return 125;
            } else {
                break;
            }
        }
        for (; a < argv.length && argv[a].indexOf('=') > 0; a++) {
            String name = argv[a].substring(0, argv[a].indexOf('=') + 1);
            env.removeIf(e -> e.startsWith(name));
            env.add(argv[a]);
        }
        String[] envp = env.toArray(new String[0]);
        if (a == argv.length) {
            Stream out = Stream.stdout(sys);
            for (String e : envp) out.fputs(e + "\n");
            return Text.finish(sys, "env", out, 0) == 0 ? 0 : 125;
        }
        String path = Exec.DEFAULT_PATH;
        for (String e : envp) {
            if (e.startsWith("PATH=")) path = e.substring(5);
        }
        return Run.exec(sys, "env", path, java.util.Arrays.copyOfRange(argv, a, argv.length), envp);
    }
}
