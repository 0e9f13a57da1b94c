package sprocket.cli.sh;

import java.util.Arrays;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/**
 * sh(1): the POSIX command language interpreter (XCU 2, "Shell Command Language"), in dash's manner: commands
 * from a string ({@code -c}), a file, or standard input; options as {@code set} takes them. The state lives in
 * {@link Shell}; job control reaches the terminal through {@link Terminal}.
 */
public final class Sh implements Program {

    private static final String USAGE = "Usage: sh [-aCefimnuvx] [-o option] [-c string [name [arg...]] | file [arg...]]";

    private final Terminal terminal;

    /** The shell as installed, on the kernel's terminals. */
    public Sh() {
        this(Terminal.SYSTEM);
    }

    /** A shell reaching the terminal through {@code terminal}. */
    Sh(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return "sh";
    }

    @Override
    public String summary() {
        return "sh [-c STRING | FILE] [ARG...]: the POSIX shell: pipelines, redirections, control flow, job control";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Shell sh = new Shell(sys, terminal, argv.length > 0 ? argv[0] : "sh");
        int a = 1;
        String command = null;
        boolean monitorGiven = false;
        Options o = sh.options;
        for (; a < argv.length; a++) {
            String arg = argv[a];
            if (arg.equals("--") || arg.equals("-")) {
                a++;
                break;
            }
            if (arg.length() < 2 || (arg.charAt(0) != '-' && arg.charAt(0) != '+')) break;
            boolean on = arg.charAt(0) == '-';
            for (char c : arg.substring(1).toCharArray()) {
                switch (c) {
                    case 'c' -> o.command = on;
                    case 's' -> o.stdin = on;
                    case 'i' -> o.interactive = on;
                    case 'o' -> {
                        char letter = a + 1 < argv.length ? Options.letter(argv[++a]) : 0;
                        if (letter == 0) return usage(sh, "Illegal option -o " + (a < argv.length ? argv[a] : ""));
                        o.set(letter, on);
                        monitorGiven |= letter == 'm';
                    }
                    default -> {
                        if (!o.set(c, on)) return usage(sh, "Illegal option " + arg.charAt(0) + c);
                        monitorGiven |= c == 'm';
                    }
                }
            }
        }
        Input in;
        if (o.command) {
            if (a >= argv.length) return usage(sh, "-c requires an argument");
            command = argv[a++];
            if (a < argv.length) sh.name = argv[a++];
            in = Input.of(command);
        } else if (a < argv.length && !o.stdin) {
            String file = argv[a++];
            sh.name = file;
            int fd = sys.open(file, Fcntl.O_RDONLY);
            if (fd == -1) {
                sh.err(argv[0] + ": 0: cannot open " + file + ": " + Directories.errmsg(sys.errno()) + "\n");
                return sys.errno() == Errno.ENOENT ? 127 : 126;
            }
            try {
                fd = Directories.privateFd(sys, fd);
            } catch (ShellError e) {
                sh.err(argv[0] + ": 0: " + e.getMessage() + "\n");
                return 2;
            }
            in = Input.of(sys, fd, false, null);
            sh.sources.add(in);
        } else {
            o.stdin = true;
            // XCU sh: with no operands, a shell whose standard input and error are terminals is interactive.
            if (a >= argv.length && sh.terminal.isatty(sys, 0) && sh.terminal.isatty(sys, 2)) o.interactive = true;
            in = Input.of(sys, Fcntl.STDIN_FILENO, true, o.interactive ? sh::prompt : null);
        }
        sh.vars.positional(Arrays.asList(argv).subList(a, argv.length));
        sh.initialize();
        if (o.interactive) {
            for (int sig : Pipelines.SHELL_IGNORES) Pipelines.dispose(sys, sig, false);
            if (!monitorGiven) o.monitor = true;
        }
        // set -v echoes input lines as they are read; a -c string was read whole before any of it ran (as in dash).
        if (!o.command) {
            in.listener = line -> {
                if (sh.options.verbose) sh.err(line.endsWith("\n") ? line : line + "\n");
            };
        }
        if (o.monitor) sh.enableJobControl();
        int status;
        try {
            status = sh.run(in);
        } catch (Jump j) {
            status = j.kind == Jump.Kind.EXIT || j.kind == Jump.Kind.RETURN ? j.value : sh.status;
        }
        sh.status = status;
        try {
            sh.exitTrap();
        } catch (Jump j) {
            return j.value & 0xff;
        }
        return sh.status & 0xff;
    }

    private static int usage(Shell sh, String why) {
        sh.err(sh.name + ": 0: " + why + "\n" + USAGE + "\n");
        return 2;
    }
}
