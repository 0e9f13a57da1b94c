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
 * sar(1), the System V activity reporter: {@code -u} "report CPU utilization", the share of CPU time spent in user
 * mode (%usr, nice included), in the kernel (%sys), idle waiting for I/O (%wio) and idle (%idle); {@code -v} "report
 * status of process, i-node, file tables" ({@link SarTables}); {@code -u} when neither is given. Each sample is taken
 * every {@code interval} seconds of the simulated clock, {@code count} times (1), the CPU shares then averaged (the
 * tables' status has no average, as System V's sar prints none); with no interval, the figures since boot. With both
 * options each sample's lines follow one another, the time on the first. The CPU times are the "cpu" line of
 * /proc/stat in Linux's proc(5) layout (user, nice, system, idle and iowait clock ticks summed over the CPUs). Exit 0,
 * 1 when /proc/stat or /proc/sysinfo cannot be read (no /proc mounted), 2 for a usage error.
 */
public final class Sar implements Program {

    private static final String USAGE = "usage: sar [-uv] [interval [count]]\n";
    /** The label column's width, which a line without a time fills with blanks. */
    private static final String NO_LABEL = "        ";

    @Override
    public String name() {
        return "sar";
    }

    @Override
    public String summary() {
        return "sar [-uv] [INTERVAL [COUNT]]: CPU utilisation from /proc/stat, table status from /proc/sysinfo";
    }

    /** One sample: the CPU times ({@link #cpu}) and the tables ({@link SarTables#read}), each null when not asked. */
    private record Sample(long[] cpu, long[][] tables) {
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Getopt g = new Getopt(sys, argv, "uv");
        boolean u = false;
        boolean v = false;
        for (int c; (c = g.getopt()) != -1;) {
            if (c == 'u') u = true;
            else if (c == 'v') v = true;
            else return Usage.fail(sys, USAGE);
        }
        if (!v) u = true;
        String[] ops = g.operands();
        if (ops.length > 2) return Usage.fail(sys, USAGE);
        long interval = ops.length > 0 ? Strtol.number(ops[0], 1, Integer.MAX_VALUE) : 0;
        long count = ops.length > 1 ? Strtol.number(ops[1], 1, Integer.MAX_VALUE) : 1;
        if (interval == Strtol.BAD_NUMBER || count == Strtol.BAD_NUMBER) return Usage.fail(sys, USAGE);
        Sample first = sample(sys, u, v);
        if (first == null) return 1;
        Stream out = Stream.stdout(sys);
        String label = stamp(sys);
        if (u) {
            out.fputs(label + String.format(Locale.ROOT, " %7s %7s %7s %7s\n", "%usr", "%sys", "%wio", "%idle"));
            label = NO_LABEL;
        }
        if (v) out.fputs(label + SarTables.header() + "\n");
        if (interval == 0) {
            out.fputs(lines(stamp(sys), first, null));
            return Text.finish(sys, "sar", out, 0);
        }
        Sample before = first;
        for (long i = 0; i < count; i++) {
            out.fflush();
            sys.sleep((int) interval);
            Sample now = sample(sys, u, v);
            if (now == null) return Text.finish(sys, "sar", out, 1);
            out.fputs(lines(stamp(sys), now, before));
            before = now;
        }
        if (u) out.fputs(cpuLine("Average", difference(before.cpu, first.cpu)));
        return Text.finish(sys, "sar", out, 0);
    }

    private static String stamp(Sys sys) {
        return String.format(Locale.ROOT, "%-8s", Strftime.strftime("%H:%M:%S", sys.time()));
    }

    /** The figures asked for, null after reporting the file that could not be read. */
    private static Sample sample(Sys sys, boolean u, boolean v) {
        long[] cpu = u ? cpu(sys) : null;
        if (u && cpu == null) {
            Strerror.perror(sys, "sar: /proc/stat");
            return null;
        }
        long[][] tables = v ? SarTables.read(sys) : null;
        if (v && tables == null) {
            Strerror.perror(sys, "sar: " + SarTables.FILE);
            return null;
        }
        return new Sample(cpu, tables);
    }

    /** A sample's lines, the time on the first; {@code before} null for the figures since boot. */
    private static String lines(String label, Sample now, Sample before) {
        StringBuilder b = new StringBuilder();
        if (now.cpu != null) {
            b.append(cpuLine(label, before == null ? now.cpu : difference(now.cpu, before.cpu)));
            label = NO_LABEL;
        }
        if (now.tables != null) {
            b.append(label).append(SarTables.line(now.tables, before == null ? null : before.tables)).append('\n');
        }
        return b.toString();
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
    private static String cpuLine(String label, long[] t) {
        long total = t[0] + t[1] + t[2] + t[3];
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s", label));
        for (long x : t) b.append(String.format(Locale.ROOT, " %7d", total == 0 ? 0 : Math.round(100.0 * x / total)));
        return b.append('\n').toString();
    }
}
