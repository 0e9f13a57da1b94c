package sprocket.cli.bin;

import java.util.Arrays;
import java.util.Locale;
import sprocket.api.Errno;
import sprocket.api.sys.Sys;
import sprocket.libc.Stream;
import sprocket.libc.Strtol;

/**
 * sar(1) -v: "Report status of process, i-node, file tables": proc-sz, inod-sz and file-sz, each as the entries in
 * use over the table's size, with "ov", "the number of overflows occurring between sampling points", beside it. The
 * figures are /proc/sysinfo's lines "NAME used size overflows" for the proc, inode and file tables.
 */
final class SarTables {

    /** The tables in the order sar -v shows them, as /proc/sysinfo names them. */
    private static final String[] NAMES = {"proc", "inode", "file"};
    static final String FILE = "/proc/sysinfo";

    private SarTables() {
    }

    /** The column headings after the time. */
    static String header() {
        return String.format(Locale.ROOT, " %10s %4s %10s %4s %10s %4s", "proc-sz", "ov", "inod-sz", "ov", "file-sz",
                "ov");
    }

    /** {used, size, overflows} of each table, in {@link #NAMES} order; null with errno set. */
    static long[][] read(Sys sys) {
        Stream in = Stream.fopen(sys, FILE, "r");
        if (in == null) return null;
        long[][] t = new long[NAMES.length][];
        for (byte[] line; (line = in.getline()) != null;) {
            String[] f = Text.chars(line, 0, Text.length(line)).trim().split("\\s+");
            int which = Arrays.asList(NAMES).indexOf(f[0]);
            if (which < 0 || f.length < 4) continue;
            long[] v = new long[3];
            for (int i = 0; i < v.length && v != null; i++) {
                v[i] = Strtol.number(f[i + 1], 0, Long.MAX_VALUE);
                if (v[i] == Strtol.BAD_NUMBER) v = null;
            }
            t[which] = v;
        }
        boolean failed = in.ferror();
        in.fclose();
        if (failed) return null;
        for (long[] v : t) {
            if (v == null) {
                sys.errno(Errno.EINVAL);
                return null;
            }
        }
        return t;
    }

    /** The figures of {@code now}, the overflows counted since {@code before} (null: since boot). */
    static String line(long[][] now, long[][] before) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < now.length; i++) {
            long ov = now[i][2] - (before == null ? 0 : before[i][2]);
            b.append(String.format(Locale.ROOT, " %10s %4d", now[i][0] + "/" + now[i][1], Math.max(0, ov)));
        }
        return b.toString();
    }
}
