package sprocket.fs.procfs;

/**
 * The text of /proc/stat, the CPU lines of Linux proc(5)'s layout: "cpu  user nice system idle iowait ..." in units
 * of USER_HZ (sysconf(_SC_CLK_TCK)), "The 'cpu' line aggregates the numbers in all of the other 'cpuN' lines", then
 * a "cpuN" line per CPU. The five fields after iowait (irq, softirq, steal, guest, guest_nice) are 0: the kernel
 * does not tell interrupt time apart from the time it interrupted, and runs no guests.
 */
final class ProcStat {

    private ProcStat() {
    }

    static String text(long[][] cpus) {
        long[] all = new long[5];
        for (long[] c : cpus) {
            for (int i = 0; i < all.length; i++) all[i] += c[i];
        }
        StringBuilder s = new StringBuilder();
        line(s, "cpu ", all);
        for (int i = 0; i < cpus.length; i++) line(s, "cpu" + i, cpus[i]);
        return s.toString();
    }

    private static void line(StringBuilder s, String name, long[] t) {
        s.append(name);
        for (int i = 0; i < 5; i++) s.append(' ').append(t[i]);
        s.append(" 0 0 0 0 0\n");
    }
}
