package sprocket.sched.tck;

import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;

/** Broken: when its queue is empty it returns a task of its own making, one the kernel never gave it. */
final class PhantomTaskPolicy extends Fifo {
    PhantomTaskPolicy(SchedulerContext context) {
        super(context);
    }

    @Override
    public Task pickNext(int cpu) {
        Task t = super.pickNext(cpu);
        return t != null ? t : PHANTOM;
    }

    private static final Task PHANTOM = new Task() {
        public int pid() {
            return 999;
        }

        public int shareGroup() {
            return 0;
        }

        public int nice() {
            return 0;
        }

        public int priority() {
            return 0;
        }

        public int weight() {
            return 1024;
        }

        public long affinity() {
            return -1L;
        }

        public int lastCpu() {
            return -1;
        }

        public long runtime() {
            return 0;
        }

        public long waitTime() {
            return 0;
        }

        public long runnableSince() {
            return 0;
        }

        public String command() {
            return "phantom";
        }
    };
}
