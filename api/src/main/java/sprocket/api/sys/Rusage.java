package sprocket.api.sys;

/**
 * getrusage(2)'s {@code struct rusage}, with the fields the simulator measures; times are in simulated
 * nanoseconds. {@code tlbMisses} is the simulator's own addition: the TLB misses taken while the process ran.
 *
 * @param utime time spent running in user mode
 * @param stime time spent in the kernel on the process's behalf
 * @param minflt page faults served without I/O (zero fill, copy on write, stack growth)
 * @param nvcsw voluntary context switches (the process slept, stopped or yielded)
 * @param nivcsw involuntary context switches (preempted)
 * @param nsignals signals delivered
 */
public record Rusage(long utime, long stime, long minflt, long nvcsw, long nivcsw, long nsignals, long tlbMisses) {
    /** The calling process. */
    public static final int RUSAGE_SELF = 0;
    /** Its terminated and waited-for children, and theirs. */
    public static final int RUSAGE_CHILDREN = -1;
}
