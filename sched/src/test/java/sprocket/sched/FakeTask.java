package sprocket.sched;

import sprocket.api.sched.Task;

/** A task with a pid and an affinity mask; everything else at its default. */
final class FakeTask implements Task {

    private final int pid;
    long affinity;

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

    @Override
    public int weight() {
        return 1024;
    }

    @Override
    public long affinity() {
        return affinity;
    }

    @Override
    public int lastCpu() {
        return -1;
    }

    @Override
    public long runtime() {
        return 0;
    }

    @Override
    public long waitTime() {
        return 0;
    }

    @Override
    public long runnableSince() {
        return 0;
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
