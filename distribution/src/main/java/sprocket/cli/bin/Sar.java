package sprocket.cli.bin;

import java.util.Locale;
import sprocket.api.Errno;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;
import sprocket.libc.Strftime;
import sprocket.libc.Strtol;

/**
 * sar(1) {@code -u}: "report CPU utilization": the share of CPU time spent in user mode (%usr, nice included), in the
 * kernel (%sys), idle waiting for I/O (%wio) and idle (%idle), over each {@code interval} seconds, {@code count}
 * times (1), then their average; with no interval, since boot. The times are the "cpu" line of /proc/stat in Linux's
 * proc(5) layout (user, nice, system, idle and iowait clock ticks summed over the CPUs). Exit 0, 1 when /proc/stat
 * cannot be read (no /proc mounted), 2 for a usage error.
 */
public final class Sar implements Program {

    private static final String USAGE = "usage: sar [-u] [interval [count]]\n";

    @Override
    public String name() {
        return "sar";
    }

    @Override
    public String summary() {
        return "sar [-u] [INTERVAL [COUNT]]: CPU utilisation (%usr %sys %wio %idle) from /proc/stat";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Getopt g = new Getopt(sys, argv, "u");
        for (int c; (c = g.getopt()) != -1;) {
            if (c != 'u') return Usage.fail(sys, USAGE);
        }
        String[] ops = g.operands();
        if (ops.length > 2) return Usage.fail(sys, USAGE);
        long interval = ops.length > 0 ? Strtol.number(ops[0], 1, Integer.MAX_VALUE) : 0;
        long count = ops.length > 1 ? Strtol.number(ops[1], 1, Integer.MAX_VALUE) : 1;
        if (interval == Strtol.BAD_NUMBER || count == Strtol.BAD_NUMBER) return Usage.fail(sys, USAGE);
        long[] first = cpu(sys);
        if (first == null) {
            Strerror.perror(sys, "sar: /proc/stat");
            return 1;
        }
        Stream out = Stream.stdout(sys);
        out.printf("%-8s %7s %7s %7s %7s\n", Strftime.strftime("%H:%M:%S", sys.time()), "%usr", "%sys", "%wio",
                "%idle");
        if (interval == 0) {
            out.fputs(line(Strftime.strftime("%H:%M:%S", sys.time()), first));
            return Text.finish(sys, "sar", out, 0);
        }
        long[] before = first;
        for (long i = 0; i < count; i++) {
            out.fflush();
            sys.sleep((int) interval);
            long[] now = cpu(sys);
            if (now == null) {
                Strerror.perror(sys, "sar: /proc/stat");
                return Text.finish(sys, "sar", out, 1);
            }
            out.fputs(line(Strftime.strftime("%H:%M:%S", sys.time()), difference(now, before)));
            before = now;
        }
        out.fputs(line("Average", difference(before, first)));
        return Text.finish(sys, "sar", out, 0);
    }

    /** {user + nice, system, iowait, idle} of the "cpu" line of /proc/stat; null with errno set. */
    static long[] cpu(Sys sys) {
        Stream in = Stream.fopen(sys, "/proc/stat", "r");
        if (in == null) return null;
        long[] t = null;
        for (byte[] line; t == null && (line = in.getline()) != null;) {
            String[] f = Text.chars(line, 0, Text.length(line)).trim().split("\\s+");
            if (!f[0].equals("cpu") || f.length < 5) continue;
            long[] v = new long[Math.min(f.length - 1, 5)];
            for (int i = 0; i < v.length; i++) v[i] = Strtol.number(f[i + 1], 0, Long.MAX_VALUE);
            for (long x : v) {
                if (x == Strtol.BAD_NUMBER) v = null;
                if (v == null) break;
            }
            if (v != null) t = new long[] {v[0] + v[1], v[2], v.length > 4 ? v[4] : 0, v[3]};
        }
        boolean failed = in.ferror();
        in.fclose();
        if (t == null && !failed) sys.errno(Errno.EINVAL);
        return failed ? null : t;
    }

    private static long[] difference(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) d[i] = Math.max(0, a[i] - b[i]);
        return d;
    }

    /** A line of percentages of the total of {@code t}, rounded to whole numbers as System V's sar writes them. */
    private static String line(String label, long[] t) {
        long total = t[0] + t[1] + t[2] + t[3];
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s", label));
        for (long x : t) b.append(String.format(Locale.ROOT, " %7d", total == 0 ? 0 : Math.round(100.0 * x / total)));
        return b.append('\n').toString();
    }
}
