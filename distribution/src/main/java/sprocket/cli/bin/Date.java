package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strftime;
import sprocket.libc.Strtol;

/**
 * date(1): "write the date and time" of the system clock, time(2)'s seconds (on this machine, counted from boot: the
 * machine has no battery clock, so it wakes at the Epoch, 1 January 1970), in the C locale and UTC ({@code -u} says so
 * too): "Thu Jan  1 00:00:05 UTC 1970", or as {@code +FORMAT} says with strftime(3C)'s conversions. {@code -r
 * SECONDS} formats that time instead (BSD). {@code date mmddHHMM[[cc]yy][.ss]} sets the date with stime(2) (the
 * super-user only: EPERM otherwise) and writes the new one, as BSD's and GNU's date do; without {@code yy} the year is
 * the current one, {@code yy} 69 to 99 meaning 1969 to 1999 and 00 to 68 meaning 2000 to 2068 (POSIX touch's rule).
 * Exit 0, 1 when the date could not be set or written, 2 for a usage error.
 */
public final class Date implements Program {

    /** The last second strftime formats: 31 December 9999, 23:59:59 UTC, four-digit years' end. */
    private static final long LAST_SECOND = 253_402_300_799L;
    private static final String USAGE = "usage: date [-u] [-r seconds] [+format]\n       date [-u] mmddHHMM[[cc]yy][.ss]\n";

    @Override
    public String name() {
        return "date";
    }

    @Override
    public String summary() {
        return "date [-u] [-r SECONDS] [+FORMAT]: the simulated date and time (from the Epoch at boot)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long when = -1;
        int a = 1;
        for (; a < argv.length && argv[a].startsWith("-") && !argv[a].equals("-"); a++) {
            if (argv[a].equals("--")) {
                a++;
                break;
            } else if (argv[a].equals("-u")) {
                continue;
            } else if (argv[a].equals("-r") && a + 1 < argv.length) {
                when = Strtol.number(argv[++a], 0, LAST_SECOND);
                if (when == Strtol.BAD_NUMBER) return Usage.fail(sys, USAGE);
            } else {
                return Usage.fail(sys, USAGE);
            }
        }
        if (argv.length - a > 1) return Usage.fail(sys, USAGE);
        String format = Strftime.DATE_FORMAT;
        if (a < argv.length) {
            if (!argv[a].startsWith("+")) {
                int status = set(sys, argv[a]);
                if (status != 0) return status;
            } else {
                format = argv[a].substring(1);
            }
        }
        if (when < 0) when = sys.time();
        if (Stdio.puts(sys, Strftime.strftime(format, when)) == Stdio.EOF) {
            Strerror.perror(sys, "date: write");
            return 1;
        }
        return 0;
    }

    /** date mmddHHMM[[cc]yy][.ss]: the time it names, set by stime(2). */
    private static int set(Sys sys, String arg) {
        if (!arg.matches("[0-9]{8}([0-9]{2}){0,2}(\\.[0-9]{2})?")) return Usage.fail(sys, USAGE);
        int dot = arg.indexOf('.');
        String spec = dot < 0 ? arg : arg.substring(0, dot);
        int second = dot < 0 ? 0 : Integer.parseInt(arg.substring(dot + 1));
        int month = Integer.parseInt(spec.substring(0, 2));
        int day = Integer.parseInt(spec.substring(2, 4));
        int hour = Integer.parseInt(spec.substring(4, 6));
        int minute = Integer.parseInt(spec.substring(6, 8));
        int year = java.time.LocalDateTime.ofEpochSecond(sys.time(), 0, java.time.ZoneOffset.UTC).getYear();
        if (spec.length() == 10) {
            int yy = Integer.parseInt(spec.substring(8));
            // POSIX: yy 69 to 99 are 1969 to 1999, 00 to 68 are 2000 to 2068.
            year = yy >= 69 ? 1900 + yy : 2000 + yy;
        } else if (spec.length() == 12) {
            year = Integer.parseInt(spec.substring(8));
        }
        long seconds;
        try {
            seconds = java.time.LocalDateTime.of(year, month, day, hour, minute, second)
                    .toEpochSecond(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            Text.error(sys, "date: " + arg + ": not a date");
            return 2;
        }
        if (sys.stime(seconds) == -1) {
            Strerror.perror(sys, "date: cannot set the date");
            return 1;
        }
        return 0;
    }
}
