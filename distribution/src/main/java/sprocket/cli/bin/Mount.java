package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/**
 * mount(1M) with no arguments: "lists all mounted file systems", one per line as "special on mount-point type type
 * (options)", from /proc/mounts (fstab(5)'s fields). Mounting is not offered here: the kernel mounts its file
 * systems at boot and has no mount(2), so an operand is a usage error. Exit 0, 1 when the table cannot be read, 2
 * for a usage error.
 */
public final class Mount implements Program {

    private static final String USAGE = "usage: mount\n";

    @Override
    public String name() {
        return "mount";
    }

    @Override
    public String summary() {
        return "mount: list the mounted file systems (from /proc/mounts)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Getopt g = new Getopt(argv, "");
        if (g.next() != -1) return g.usage(sys, "mount", USAGE);
        if (g.operands().length != 0) {
            Libc.eputs(sys, USAGE);
            return 2;
        }
        String table = Ps.contents(sys, "/proc/mounts");
        if (table == null) {
            Libc.perror(sys, "mount: /proc/mounts");
            return 1;
        }
        StringBuilder out = new StringBuilder();
        for (String line : table.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 4) continue;
            out.append(f[0]).append(" on ").append(f[1]).append(" type ").append(f[2]).append(" (").append(f[3])
                    .append(")\n");
        }
        if (!Libc.puts(sys, out.toString())) {
            Libc.perror(sys, "mount: write");
            return 1;
        }
        return 0;
    }
}
