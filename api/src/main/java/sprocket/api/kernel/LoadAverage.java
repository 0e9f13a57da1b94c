package sprocket.api.kernel;

/**
 * The system's load, as Linux's /proc/loadavg shows it: the 1, 5 and 15 minute load averages (runnable threads,
 * decayed), the threads runnable now, the processes that exist, and the pid given most recently.
 */
public record LoadAverage(double one, double five, double fifteen, int runnable, int processes, int lastPid) {
}
