package sprocket.sched;

import sprocket.api.sched.Task;

/** A task with a pid and an affinity mask; nice, share group and accounting are set by the test or FakeKernel. */
final class FakeTask implements Task {

    /** Linux's sched_prio_to_weight, nice -20..19: the kernel's weights, 1024 at nice 0. */
    private static final int[] WEIGHTS = {
        88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
        110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
    };

    private final int pid;
    long affinity;
    int nice;
    int shareGroup;
    int lastCpu = -1;
    long runtime;
    long waitTime;
    long runnableSince;
    /** FakeKernel's bookkeeping: in the policy's custody, and ticks waited since it last ran. */
    boolean queued;
    long waitedTicks;
    long longestWait;

    FakeTask(int pid, long affinity) {
        this.pid = pid;
        this.affinity = affinity;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int shareGroup() {
        return shareGroup;
    }

    @Override
    public int nice() {
        return nice;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public int weight() {
        return WEIGHTS[nice + 20];
    }

    @Override
    public long affinity() {
        return affinity;
    }

    @Override
    public int lastCpu() {
        return lastCpu;
    }

    @Override
    public long runtime() {
        return runtime;
    }

    @Override
    public long waitTime() {
        return waitTime;
    }

    @Override
    public long runnableSince() {
        return runnableSince;
    }

    @Override
    public String command() {
        return "t" + pid;
    }

    @Override
    public String toString() {
        return command();
    }
}
