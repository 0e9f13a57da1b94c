package sprocket.cli.bin;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/**
 * touch(1): "change file access and modification times" with utime(2), to now or to the time {@code -t}
 * ([[CC]YY]MMDDhhmm[.SS]), {@code -d} (YYYY-MM-DDThh:mm:SS) or {@code -r} (another file's times) name, creating a
 * file that does not exist (unless {@code -c}). {@code -a} or {@code -m} alone changes that time only. The system's
 * time zone is UTC. Exit 0, 1 when a file could not be touched, 2 for a usage error.
 */
public final class Touch implements Program {

    private static final String USAGE = "usage: touch [-acm] [-r ref_file | -t time | -d date] file...\n";

    @Override
    public String name() {
        return "touch";
    }

    @Override
    public String summary() {
        return "touch [-acm] [-r FILE|-t TIME|-d DATE] FILE...: set access and modification times, creating files";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean access = false;
        boolean modification = false;
        boolean create = true;
        long[] chosen = null;
        Getopt g = new Getopt(sys, argv, "acmr:t:d:");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'a' -> access = true;
                case 'm' -> modification = true;
                case 'c' -> create = false;
                case 'r' -> {
                    Stat ref = sys.stat(g.optarg());
                    if (ref == null) {
                        Strerror.perror(sys, "touch: " + g.optarg());
                        return 1;
                    }
                    chosen = new long[] {ref.atime(), ref.mtime()};
                }
                case 't', 'd' -> {
                    long t = c == 't' ? posixTime(g.optarg()) : isoTime(g.optarg());
                    if (t == Long.MIN_VALUE) {
                        Text.error(sys, "touch: invalid date format '" + g.optarg() + "'");
                        return 1;
                    }
                    chosen = new long[] {t, t};
                }
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        if (!access && !modification) access = modification = true;
        String[] files = g.operands();
        if (files.length == 0) return Usage.fail(sys, USAGE);
        int status = 0;
        for (String file : files) {
            Stat st = sys.stat(file);
            if (st == null && sys.errno() == Errno.ENOENT) {
                if (!create) continue;
                int fd = sys.open(file, Fcntl.O_WRONLY | Fcntl.O_CREAT, 0666);
                if (fd == -1) {
                    Strerror.perror(sys, "touch: " + file);
                    status = 1;
                    continue;
                }
                sys.close(fd);
                if (chosen == null) continue;
                st = sys.stat(file);
            }
            if (st == null) {
                Strerror.perror(sys, "touch: " + file);
                status = 1;
                continue;
            }
            long[] times = chosen;
            if (!access || !modification) {
                // utime(2) sets both times: the one not asked for keeps its value.
                long[] to = times != null ? times : new long[] {sys.time(), sys.time()};
                times = new long[] {access ? to[0] : st.atime(), modification ? to[1] : st.mtime()};
            }
            if (sys.utime(file, times) == -1) {
                Strerror.perror(sys, "touch: " + file);
                status = 1;
            }
        }
        return status;
    }

    /** touch -t [[CC]YY]MMDDhhmm[.SS] (XCU touch), as seconds since the Epoch; Long.MIN_VALUE when malformed. */
    static long posixTime(String s) {
        if (!s.matches("([0-9]{2}){4,6}(\\.[0-9]{2})?")) return Long.MIN_VALUE;
        int dot = s.indexOf('.');
        String digits = dot < 0 ? s : s.substring(0, dot);
        int seconds = dot < 0 ? 0 : Integer.parseInt(s.substring(dot + 1));
        if (seconds > 60) return Long.MIN_VALUE;
        int n = digits.length();
        String tail = digits.substring(n - 8);
        int year = 1970;
        if (n == 10) {
            int yy = Integer.parseInt(digits.substring(0, 2));
            // XCU touch: "If YY is specified but CC is not, a value for YY between 69 and 99 shall correspond to a
            // year in the range 1969 to 1999 ... between 00 and 68 shall correspond to a year in the range 2000 to
            // 2068".
            year = yy >= 69 ? 1900 + yy : 2000 + yy;
        } else if (n == 12) {
            year = Integer.parseInt(digits.substring(0, 4));
        }
        try {
            // XCU touch: "The range of SS shall be [00,60]"; a leap second's 60 is the next minute's 00.
            LocalDateTime t = LocalDateTime.of(year, Integer.parseInt(tail.substring(0, 2)),
                    Integer.parseInt(tail.substring(2, 4)), Integer.parseInt(tail.substring(4, 6)),
                    Integer.parseInt(tail.substring(6, 8)), Math.min(seconds, 59));
            return t.toEpochSecond(ZoneOffset.UTC) + (seconds == 60 ? 1 : 0);
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** touch -d YYYY-MM-DDThh:mm:SS[.frac][Z] (XCU touch; a space may stand for the T), in whole seconds. */
    static long isoTime(String s) {
        String t = s.replace(' ', 'T');
        if (t.endsWith("Z")) t = t.substring(0, t.length() - 1);
        t = t.replace(',', '.');
        try {
            return LocalDateTime.parse(t).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
