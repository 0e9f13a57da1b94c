package sprocket.kernel.engine;

/**
 * The load averages (SVR4's and IRIX's avenrun, 4.4BSD's averunnable): the number of runnable threads, running or
 * waiting for a CPU, sampled every five seconds and decayed over one, five and fifteen minutes. McKusick et al., "The
 * Design and Implementation of the 4.4BSD Operating System" (kern_synch.c's cexp[]): each sample moves an average
 * by exp(-5/60), exp(-5/300) and exp(-5/900) of the way to the new count. Sampled from the clock tick, so a run keeps
 * the same trace; five-second marks no tick reached were wholly idle (no CPU ticked), and count none.
 */
final class LoadAverage {
    /** The sampling period, seconds. */
    static final int PERIOD = 5;
    private static final double[] DECAY = {Math.exp(-PERIOD / 60.0), Math.exp(-PERIOD / 300.0),
        Math.exp(-PERIOD / 900.0)};

    private final long period;
    private final double[] avenrun = new double[3];
    private long nextSample;

    LoadAverage(long clockHz) {
        this.period = PERIOD * clockHz;
        this.nextSample = period;
    }

    /** At a clock tick at {@code now}: {@code runnable} threads are running or queued. */
    void tick(long now, int runnable) {
        while (nextSample <= now) {
            nextSample += period;
            // The marks before this one passed with no CPU ticking: nothing was runnable then.
            int n = nextSample <= now ? 0 : runnable;
            for (int i = 0; i < 3; i++) avenrun[i] = avenrun[i] * DECAY[i] + n * (1 - DECAY[i]);
        }
    }

    /** The 1, 5 and 15 minute averages. */
    double[] averages() {
        return avenrun.clone();
    }
}
