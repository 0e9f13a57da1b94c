package sprocket.cli.bin;

import java.util.List;
import java.util.Locale;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;
import sprocket.libc.Strftime;
import sprocket.libc.Tty;
import sprocket.libc.Utmp;

/**
 * who(1): "who is on the system": "the user's login name, terminal line, login time" of each USER_PROCESS entry of
 * /var/adm/utmp (or of FILE), as System V writes them, "name line time" with the time as "Mmm dd hh:mm". {@code -H}
 * "print column headings above the regular output"; {@code -q} "quick who: display only the names and the number of
 * users currently logged on"; {@code -m} and {@code who am i}: only the entry of the terminal on standard input.
 * Exit 0, 1 when the file cannot be read, 2 for a usage error.
 */
public final class Who implements Program {

    private static final String USAGE = "usage: who [-Hmq] [file]\n       who am i\n";

    @Override
    public String name() {
        return "who";
    }

    @Override
    public String summary() {
        return "who [-Hmq] [FILE]: the users logged in, their terminals and login times, from /var/adm/utmp";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Getopt g = new Getopt(sys, argv, "Hmq");
        boolean headings = false;
        boolean mine = false;
        boolean quick = false;
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'H' -> headings = true;
                case 'm' -> mine = true;
                case 'q' -> quick = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = g.operands();
        String file = Utmp.UTMP_FILE;
        if (ops.length == 2 && ops[0].equals("am") && (ops[1].equals("i") || ops[1].equals("I"))) {
            mine = true;
        } else if (ops.length == 1) {
            file = ops[0];
        } else if (ops.length > 1) {
            return Usage.fail(sys, USAGE);
        }
        List<Utmp> entries = Utmp.entries(sys, file);
        if (entries == null) {
            Strerror.perror(sys, "who: " + file);
            return 1;
        }
        String myLine = null;
        if (mine) {
            myLine = line(sys);
            if (myLine == null) myLine = "";
        }
        Stream out = Stream.stdout(sys);
        if (quick) {
            int users = 0;
            StringBuilder names = new StringBuilder();
            for (Utmp u : entries) {
                if (u.type() != Utmp.USER_PROCESS) continue;
                names.append(users++ == 0 ? "" : " ").append(u.user());
            }
            out.fputs(names + "\n# users=" + users + "\n");
            return Text.finish(sys, "who", out, 0);
        }
        if (headings) out.fputs(String.format(Locale.ROOT, "%-8s %-12s %s\n", "NAME", "LINE", "TIME"));
        for (Utmp u : entries) {
            if (u.type() != Utmp.USER_PROCESS || myLine != null && !u.line().equals(myLine)) continue;
            out.fputs(String.format(Locale.ROOT, "%-8s %-12s %s\n", u.user(), u.line(),
                    Strftime.strftime("%b %e %H:%M", u.time())));
        }
        return Text.finish(sys, "who", out, 0);
    }

    /** utmp's ut_line for the terminal on standard input: its name under /dev ("console"); null when it is none. */
    static String line(Sys sys) {
        String tty = Tty.ttyname(sys, Fcntl.STDIN_FILENO);
        return tty == null ? null : tty.startsWith("/dev/") ? tty.substring("/dev/".length()) : tty;
    }
}
