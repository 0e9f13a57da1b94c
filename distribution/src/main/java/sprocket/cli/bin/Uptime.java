package sprocket.cli.bin;

import sprocket.api.Errno;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;
import sprocket.libc.Strftime;

/**
 * uptime(1): "the current time, how long the system has been running, and the system load averages for the past 1, 5
 * and 15 minutes": " 00:02:05 up 2 min,  load average: 0.50, 0.20, 0.05". The time and the time up are time(2)'s
 * (seconds since boot, the Epoch on this machine); the load averages are /proc/loadavg's first three numbers, in
 * Linux's proc(5) layout. The users logged in are not counted: nothing keeps a utmp. Exit 0, 1 without load
 * averages (no /proc mounted).
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
        long now = sys.time();
        StringBuilder line = new StringBuilder(" ").append(Strftime.strftime("%H:%M:%S", now)).append(" up ")
                .append(up(now));
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
