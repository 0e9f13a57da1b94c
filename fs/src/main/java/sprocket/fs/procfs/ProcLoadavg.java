package sprocket.fs.procfs;

import java.util.Locale;
import sprocket.api.kernel.LoadAverage;

/**
 * The text of /proc/loadavg, Linux proc(5)'s layout: "The first three fields in this file are load average figures
 * giving the number of jobs in the run queue (state R) ... averaged over 1, 5, and 15 minutes. ... The fourth field
 * consists of two numbers separated by a slash (/). The first of these is the number of currently runnable kernel
 * scheduling entities (processes, threads). The value after the slash is the number of kernel scheduling entities
 * that currently exist on the system. The fifth field is the PID of the process that was most recently created on
 * the system." Each average with two decimals, cut rather than rounded, as Linux's LOAD_FRAC cuts them.
 */
final class ProcLoadavg {

    private ProcLoadavg() {
    }

    static String text(LoadAverage l) {
        return String.format(Locale.ROOT, "%s %s %s %d/%d %d%n", two(l.one()), two(l.five()), two(l.fifteen()),
                l.runnable(), l.processes(), l.lastPid());
    }

    private static String two(double v) {
        long hundredths = (long) Math.floor(v * 100 + 1e-9);
        return String.format(Locale.ROOT, "%d.%02d", hundredths / 100, hundredths % 100);
    }
}
