package sprocket.cli.sh;

import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Rusage;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/** umask, ulimit and times: the built-ins for the process's file mode mask, resource limits and CPU times. */
final class Resources {

    /** ulimit's resources: option letter, rlimit, unit in bytes (or 1), and the name -a shows. */
    private record Resource(char letter, int rlimit, long unit, String name) {
    }

    private static final Resource[] RESOURCES = {
        new Resource('t', Rlimit.RLIMIT_CPU, 1, "time(seconds)"),
        new Resource('f', Rlimit.RLIMIT_FSIZE, 512, "file(blocks)"),
        new Resource('d', Rlimit.RLIMIT_DATA, 1024, "data(kbytes)"),
        new Resource('s', Rlimit.RLIMIT_STACK, 1024, "stack(kbytes)"),
        new Resource('c', Rlimit.RLIMIT_CORE, 512, "coredump(blocks)"),
        new Resource('n', Rlimit.RLIMIT_NOFILE, 1, "nofiles"),
        new Resource('v', Rlimit.RLIMIT_VMEM, 1024, "vmemory(kbytes)"),
    };

    private Resources() {
    }

    /** {@code umask [-S] [mask]}: octal or symbolic ("u=rwx,g=rx,o=", "g-w"). */
    static int umask(Shell sh, String[] argv) {
        Getopt g = Builtins.getopt(sh, argv, "S");
        boolean symbolic = !Builtins.options(g).isEmpty();
        int a = g.optind();
        int old = sh.sys.umask(0);
        sh.sys.umask(old);
        if (a >= argv.length) {
            String s = symbolic ? symbolic(~old & 0777) : String.format("%04o", old);
            if (!sh.out(s + "\n")) throw ShellError.command("I/O error", 1);
            return 0;
        }
        String m = argv[a];
        int mask;
        if (Character.isDigit(m.charAt(0))) {
            mask = 0;
            for (char c : m.toCharArray()) {
                if (c < '0' || c > '7' || mask > 0777) throw ShellError.command("Illegal number: " + m, 2);
                mask = mask * 8 + (c - '0');
            }
            if (mask > 0777) throw ShellError.command("Illegal number: " + m, 2);
        } else {
            int perms = sprocket.cli.bin.Mode.apply(m, ~old & 0777, 0, true);
            if (perms == sprocket.cli.bin.Mode.BAD) throw ShellError.command("Illegal mode: " + m, 2);
            mask = ~perms & 0777;
        }
        sh.sys.umask(mask);
        return 0;
    }

    private static String symbolic(int perms) {
        StringBuilder b = new StringBuilder();
        String[] who = {"u", "g", "o"};
        for (int i = 0; i < 3; i++) {
            int bits = (perms >> (6 - 3 * i)) & 7;
            if (i > 0) b.append(',');
            b.append(who[i]).append('=');
            if ((bits & 4) != 0) b.append('r');
            if ((bits & 2) != 0) b.append('w');
            if ((bits & 1) != 0) b.append('x');
        }
        return b.toString();
    }

    /** {@code ulimit [-HSa] [-tfdscnv] [limit|unlimited]}: the file size in blocks unless another is named. */
    static int ulimit(Shell sh, String[] argv) {
        Getopt g = Builtins.getopt(sh, argv, "HSatfdscnv");
        String opts = Builtins.options(g);
        boolean hard = opts.indexOf('H') >= 0;
        boolean soft = opts.indexOf('S') >= 0;
        boolean all = opts.indexOf('a') >= 0;
        String named = opts.replaceAll("[HSa]", "");
        Resource which = named.isEmpty() ? RESOURCES[1] : resource(named.charAt(named.length() - 1));
        int a = g.optind();
        if (all) {
            StringBuilder b = new StringBuilder();
            for (Resource r : RESOURCES) b.append(String.format("%-20s %s\n", r.name(), show(sh, r, hard)));
            if (!sh.out(b.toString())) throw ShellError.command("I/O error", 1);
            return 0;
        }
        if (a >= argv.length) {
            if (!sh.out(show(sh, which, hard) + "\n")) throw ShellError.command("I/O error", 1);
            return 0;
        }
        long value;
        if (argv[a].equals("unlimited")) {
            value = Rlimit.RLIM_INFINITY;
        } else {
            long n = Strtol.number(argv[a], 0, Long.MAX_VALUE / which.unit());
            if (n == Strtol.BAD_NUMBER) throw ShellError.command("bad number", 2);
            value = n * which.unit();
        }
        Rlimit[] old = new Rlimit[1];
        if (sh.sys.getrlimit(which.rlimit(), old) == -1) {
            throw ShellError.command("error getting limit (" + Strerror.strerror(sh.sys.errno()) + ")", 2);
        }
        if (!hard && !soft) {
            hard = true;
            soft = true;
        }
        Rlimit r = new Rlimit(soft ? value : old[0].cur(), hard ? value : old[0].max());
        if (sh.sys.setrlimit(which.rlimit(), r) == -1) {
            throw ShellError.command("error setting limit (" + Strerror.strerror(sh.sys.errno()) + ")", 2);
        }
        return 0;
    }

    private static Resource resource(char c) {
        for (Resource r : RESOURCES) {
            if (r.letter() == c) return r;
        }
        throw ShellError.command("Illegal option -" + c, 2);
    }

    private static String show(Shell sh, Resource r, boolean hard) {
        Rlimit[] out = new Rlimit[1];
        if (sh.sys.getrlimit(r.rlimit(), out) == -1) {
            throw ShellError.command("error getting limit (" + Strerror.strerror(sh.sys.errno()) + ")", 2);
        }
        long v = hard ? out[0].max() : out[0].cur();
        return v == Rlimit.RLIM_INFINITY ? "unlimited" : Long.toString(v / r.unit());
    }

    /** {@code times}: user and system time of the shell, then of its children, as "0m0.010000s 0m0.002000s". */
    static int times(Shell sh, String[] argv) {
        Rusage self = sh.sys.getrusage(Rusage.RUSAGE_SELF);
        Rusage children = sh.sys.getrusage(Rusage.RUSAGE_CHILDREN);
        if (self == null || children == null) throw ShellError.command(Strerror.strerror(sh.sys.errno()), 2);
        String s = time(self.utime()) + " " + time(self.stime()) + "\n" + time(children.utime()) + " "
                + time(children.stime()) + "\n";
        if (!sh.out(s)) throw ShellError.command("I/O error", 1);
        return 0;
    }

    private static String time(long nanoseconds) {
        long micros = nanoseconds / 1000;
        return String.format("%dm%d.%06ds", micros / 60_000_000, micros / 1_000_000 % 60, micros % 1_000_000);
    }
}
