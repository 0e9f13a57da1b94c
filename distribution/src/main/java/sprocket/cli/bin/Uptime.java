package sprocket.cli.bin;

import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;
import sprocket.libc.Strftime;
import sprocket.libc.Utmp;

/**
 * uptime(1): "the current time, how long the system has been running, and the system load averages for the past 1, 5
 * and 15 minutes", with "how many users are currently logged on", as procps writes it: " 00:02:05 up 2 min,  1 user,
 * load average: 0.50, 0.20, 0.05". The time is time(2)'s, the time up the monotonic clock's (time since boot, which
 * stime(2) does not move); the users are the USER_PROCESS entries of /var/adm/utmp (none without the file), the load
 * averages /proc/loadavg's first three numbers, in Linux's proc(5) layout. Exit 0, 1 without load averages (no /proc
 * mounted).
 */
public final class Uptime implements Program {

    @Override
    public String name() {
        return "uptime";
    }

    @Override
    public String summary() {
        return "uptime: the time, the time since boot and the load averages (from /proc/loadavg)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length > 1) return Usage.fail(sys, "usage: uptime\n");
        StringBuilder line = new StringBuilder(" ").append(Strftime.strftime("%H:%M:%S", sys.time())).append(" up ")
                .append(up(sys.nanotime() / 1_000_000_000L));
        int users = users(sys);
        line.append(String.format(java.util.Locale.ROOT, ",  %d user%s", users, users == 1 ? "" : "s"));
        String[] load = loadavg(sys);
        int status = 0;
        if (load == null) {
            Strerror.perror(sys, "uptime: /proc/loadavg");
            status = 1;
        } else {
            line.append(",  load average: ").append(load[0]).append(", ").append(load[1]).append(", ").append(load[2]);
        }
        if (Stdio.puts(sys, line.toString()) == Stdio.EOF) {
            Strerror.perror(sys, "uptime: write");
            return 1;
        }
        return status;
    }

    /** The USER_PROCESS entries of utmp: the users logged on, 0 when there is no utmp. */
    private static int users(Sys sys) {
        List<Utmp> all = Utmp.entries(sys, Utmp.UTMP_FILE);
        if (all == null) return 0;
        int n = 0;
        for (Utmp u : all) {
            if (u.type() == Utmp.USER_PROCESS) n++;
        }
        return n;
    }

    /** The time up as procps writes it: "N min", "H:MM", "D days, H:MM". */
    static String up(long seconds) {
        long days = seconds / 86400;
        long hours = seconds / 3600 % 24;
        long minutes = seconds / 60 % 60;
        String clock = hours > 0 ? String.format(java.util.Locale.ROOT, "%2d:%02d", hours, minutes) : minutes + " min";
        return days > 0 ? days + (days == 1 ? " day, " : " days, ") + clock : clock;
    }

    /** The 1, 5 and 15 minute load averages of /proc/loadavg; null with errno set when it cannot be read. */
    static String[] loadavg(Sys sys) {
        Stream in = Stream.fopen(sys, "/proc/loadavg", "r");
        if (in == null) return null;
        byte[] line = in.getline();
        boolean failed = in.ferror();
        in.fclose();
        if (failed || line == null) return null;
        String[] f = Text.chars(line, 0, Text.length(line)).trim().split("\\s+");
        if (f.length < 3) {
            sys.errno(Errno.EINVAL);
            return null;
        }
        return new String[] {f[0], f[1], f[2]};
    }
}
