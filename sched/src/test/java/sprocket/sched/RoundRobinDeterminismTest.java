package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sprocket.api.sched.Scheduler;

/**
 * Drives the policy as a kernel would (wake, tick, block, idle CPUs picking) from a seeded random sequence,
 * checking the protocol's promises at every step and recording every pick.
 */
class RoundRobinDeterminismTest {

    private static final int CPUS = 4;
    private static final int TASKS = 12;

    @Test
    void the_same_seed_gives_the_same_picks() {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(run(seed)).as("seed %d", seed).isEqualTo(run(seed));
        }
    }

    @Test
    void different_seeds_give_different_schedules() {
        assertThat(run(1)).isNotEqualTo(run(2));
    }

    /** Runs 3000 random kernel events and returns the trace of picks. */
    private static List<String> run(long seed) {
        var random = new SplittableRandom(seed);
        var ctx = new FakeSchedulerContext(CPUS, 1 + random.nextInt(3));
        RoundRobin rr = ctx.scheduler();
        var tasks = new FakeTask[TASKS];
        var queued = new boolean[TASKS];
        for (int i = 0; i < TASKS; i++) {
            long mask = random.nextInt(4) == 0 ? 1L << random.nextInt(CPUS) : (1L << CPUS) - 1;
            tasks[i] = new FakeTask(100 + i, mask);
            rr.taskCreated(tasks[i]);
        }
        var trace = new ArrayList<String>();
        for (int step = 0; step < 3000; step++) {
            int cpu = random.nextInt(CPUS);
            FakeTask cur = (FakeTask) ctx.current[cpu];
            switch (random.nextInt(4)) {
                case 0 -> { // a sleeping task wakes
                    int i = random.nextInt(TASKS);
                    if (queued[i] || running(ctx, tasks[i])) break;
                    int target = rr.selectCpu(tasks[i], -1);
                    assertThat(tasks[i].allowedOn(target)).isTrue();
                    rr.enqueue(tasks[i], target, Scheduler.ENQ_WAKEUP);
                    queued[i] = true;
                }
                case 1 -> { // the clock
                    if (rr.tick(cpu, cur) && cur != null) {
                        rr.stopping(cur, cpu, true);
                        rr.enqueue(cur, cpu, Scheduler.ENQ_PREEMPTED);
                        queued[cur.pid() - 100] = true;
                        switchTo(ctx, rr, cpu, tasks, queued, trace, step);
                    }
                }
                case 2 -> { // the running task blocks
                    if (cur == null) break;
                    rr.stopping(cur, cpu, false);
                    switchTo(ctx, rr, cpu, tasks, queued, trace, step);
                }
                default -> { // an idle CPU looks for work
                    if (cur == null) switchTo(ctx, rr, cpu, tasks, queued, trace, step);
                }
            }
        }
        return trace;
    }

    private static void switchTo(FakeSchedulerContext ctx, RoundRobin rr, int cpu, FakeTask[] tasks,
            boolean[] queued, List<String> trace, int step) {
        var next = (FakeTask) rr.pickNext(cpu);
        ctx.current[cpu] = next;
        if (next == null) {
            // Work conservation: a CPU idles only when no queued task may run on it.
            for (int i = 0; i < queued.length; i++) {
                if (queued[i]) assertThat(tasks[i].allowedOn(cpu)).as("%s waits while CPU %d idles", tasks[i], cpu).isFalse();
            }
            trace.add(step + ":" + cpu + ":idle");
            return;
        }
        assertThat(queued[next.pid() - 100]).as("picked task was in custody").isTrue();
        assertThat(next.allowedOn(cpu)).as("picked task is allowed on CPU %d", cpu).isTrue();
        queued[next.pid() - 100] = false;
        rr.running(next, cpu);
        trace.add(step + ":" + cpu + ":" + next.pid());
    }

    private static boolean running(FakeSchedulerContext ctx, FakeTask t) {
        for (var c : ctx.current) {
            if (c == t) return true;
        }
        return false;
    }
}
