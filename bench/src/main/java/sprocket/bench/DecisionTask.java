package sprocket.bench;

import sprocket.api.sched.Task;

/**
 * A process as the decision figure's kernel keeps it: the fields a policy reads through {@link Task}, plain and
 * mutable, advanced by {@link DecisionDriver} where the kernel's engine advances a {@code Proc}'s.
 */
final class DecisionTask implements Task {
    final int pid;
    final long affinity;
    int lastCpu = -1;
    long runtime;
    long waitTime;
    long runnableSince;
    /** In the policy's custody (the engine's {@code queued} set), so a pick of anything else is refused. */
    boolean queued;
    /** The CPU it runs on, or -1 (the engine's {@code Proc.cpu}). */
    int cpu = -1;
    /** Times a policy read {@link #affinity()} (allowedOn reads it): how many queued tasks its decisions look at. */
    long affinityReads;

    DecisionTask(int pid, long affinity) {
        this.pid = pid;
        this.affinity = affinity;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int shareGroup() {
        return 0;
    }

    @Override
    public int nice() {
        return 0;
    }

    @Override
    public int priority() {
        return 0;
    }

    /** nice 0: the weight Linux CFS gives it, as the kernel's table does. */
    @Override
    public int weight() {
        return 1024;
    }

    @Override
    public long affinity() {
        affinityReads++;
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
        return "bench-decide";
    }

    @Override
    public String toString() {
        return "pid " + pid;
    }
}
