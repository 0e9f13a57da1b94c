package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sched.Scheduler.ENQ_WAKEUP;
import static sprocket.api.sched.Scheduler.ENQ_YIELD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GangTest {

    private static final long ANY = -1L;

    private static FakeKernel kernel(int cpus, long slice, long min) {
        return new FakeKernel(new FakeSchedulerContext(cpus, new GangProvider(),
                Map.of(GangProvider.SLICE, slice, GangProvider.MIN, min)));
    }

    /** Creates {@code n} members of share group {@code group} (pids group, group+1, ...). */
    private static List<FakeTask> gang(FakeKernel k, int group, int n, long affinity) {
        var out = new ArrayList<FakeTask>();
        for (int i = 0; i < n; i++) {
            var t = new FakeTask(group + i, affinity);
            t.shareGroup = group;
            k.tasks.add(t);
            k.policy.taskCreated(t);
            out.add(t);
        }
        for (var t : out) k.wake(t);
        k.policy.shareGroupChanged(group);
        return out;
    }

    private static int runningOf(FakeKernel k, List<FakeTask> members) {
        int n = 0;
        for (var t : members) {
            if (k.runningOn(t) >= 0) n++;
        }
        return n;
    }

    @Test
    void a_gang_runs_on_at_least_the_minimum_cpus_together_or_not_at_all() {
        // Barton & Wagner 8: "at least two of the processes in the share group must run in parallel, or the
        // group should not be allowed to execute at all".
        var k = kernel(4, 5, 2);
        var a = gang(k, 100, 3, ANY);
        var b = gang(k, 200, 3, ANY);
        long aTicks = 0;
        long bTicks = 0;
        for (int tick = 0; tick < 400; tick++) {
            k.tick();
            int ra = runningOf(k, a);
            int rb = runningOf(k, b);
            assertThat(ra).as("tick %d: gang A runs on 0 or at least 2 CPUs", tick).isNotIn(1);
            assertThat(rb).as("tick %d: gang B runs on 0 or at least 2 CPUs", tick).isNotIn(1);
            if (ra > 0) aTicks++;
            if (rb > 0) bTicks++;
        }
        assertThat(aTicks).as("both gangs get slices").isGreaterThan(100);
        assertThat(bTicks).isGreaterThan(100);
    }

    @Test
    void at_a_boundary_all_of_a_gangs_members_start_in_the_same_tick() {
        var k = kernel(4, 4, 2);
        var a = gang(k, 100, 4, ANY);
        var b = gang(k, 200, 4, ANY);
        int switches = 0;
        boolean aWasRunning = runningOf(k, a) > 0;
        for (int tick = 0; tick < 200; tick++) {
            k.tick();
            int ra = runningOf(k, a);
            int rb = runningOf(k, b);
            assertThat(ra == 4 && rb == 0 || ra == 0 && rb == 4).as("tick %d: one whole gang (%d, %d)", tick, ra, rb)
                    .isTrue();
            if ((ra > 0) != aWasRunning) switches++;
            aWasRunning = ra > 0;
        }
        assertThat(switches).as("a switch at every 4-tick boundary").isEqualTo(50);
        assertThat(k.ctx.counterValue("sched.gang_slices")).isEqualTo(50);
    }

    @Test
    void a_gang_that_cannot_get_its_minimum_waits_for_its_turn_to_lead() {
        var k = kernel(3, 5, 3);
        var big = gang(k, 100, 3, ANY);
        var small = gang(k, 200, 2, ANY);
        long bigTicks = 0;
        for (int tick = 0; tick < 300; tick++) {
            k.tick();
            int rBig = runningOf(k, big);
            assertThat(rBig).as("tick %d: the 3-gang runs on 3 CPUs or none", tick).isIn(0, 3);
            if (rBig == 3) {
                bigTicks++;
                assertThat(runningOf(k, small)).isZero();
            }
        }
        assertThat(bigTicks).as("it leads every other slice").isBetween(140L, 160L);
    }

    @Test
    void processes_in_no_share_group_fill_the_cpus_the_gang_does_not_use() {
        var k = kernel(4, 5, 2);
        var g = gang(k, 100, 2, ANY);
        var others = new ArrayList<FakeTask>();
        for (int i = 0; i < 3; i++) others.add(k.spawn(1 + i, ANY));
        for (int tick = 0; tick < 300; tick++) {
            k.tick();
            assertThat(k.running()).as("tick %d: no CPU idles", tick).hasSize(4);
        }
        for (var t : others) assertThat(t.runtime).as("%s time-shares", t).isGreaterThan(100_000L);
        for (var t : g) assertThat(t.runtime).as("%s runs", t).isGreaterThan(100_000L);
    }

    @Test
    void the_time_sharing_turn_keeps_gangs_that_fill_the_machine_from_starving_the_others() {
        var k = kernel(2, 5, 2);
        gang(k, 100, 2, ANY);
        gang(k, 200, 2, ANY);
        var loner = k.spawn(1, ANY);
        k.ticks(300);
        assertThat(loner.runtime).as("one slice in three is the time-sharing turn").isGreaterThan(60_000L);
        assertThat(loner.longestWait).isLessThanOrEqualTo(15);
    }

    @Test
    void the_minimum_is_capped_by_the_cpus_the_members_could_ever_occupy() {
        var k = kernel(4, 5, 2);
        var pinned = gang(k, 100, 2, 0b0010);
        k.ticks(50);
        assertThat(pinned.get(0).runtime + pinned.get(1).runtime).as("one CPU at a time is all it can have")
                .isEqualTo(50 * FakeSchedulerContext.CYCLES_PER_TICK);
        assertThat(pinned.get(0).runtime).isGreaterThan(0);
        assertThat(pinned.get(1).runtime).isGreaterThan(0);
    }

    @Test
    void a_lone_member_of_a_share_group_runs_by_itself() {
        var k = kernel(2, 5, 2);
        var g = gang(k, 100, 2, ANY);
        k.ticks(2);
        k.block(k.runningOn(g.get(1)));
        k.ticks(20);
        assertThat(k.runningOn(g.get(0))).as("need is min(2, members that can run) = 1").isGreaterThanOrEqualTo(0);
    }

    @Test
    void a_share_group_change_refiles_a_waiting_task() {
        var ctx = new FakeSchedulerContext(2, new GangProvider(), Map.of(GangProvider.SLICE, 5L));
        var s = (GangScheduler) ctx.policy();
        ctx.current[0] = new FakeTask(90, ANY);
        ctx.current[1] = new FakeTask(91, ANY);
        var t = new FakeTask(7, ANY);
        s.taskCreated(t);
        s.enqueue(t, 0, ENQ_WAKEUP);
        t.shareGroup = 50;
        s.shareGroupChanged(50);
        assertThat(s.pickNext(0)).as("a gang member, its gang owning no CPU").isNull();
        assertThat(s.ownerOf(0)).isZero();
    }

    /** The creator forms its group while it runs (sproc(2)), then its children join and are created, as the kernel does. */
    private static List<FakeTask> formWhileRunning(FakeKernel k, FakeTask creator, int children) {
        var out = new ArrayList<FakeTask>();
        out.add(creator);
        creator.shareGroup = creator.pid();
        for (int i = 1; i <= children; i++) {
            var t = new FakeTask(creator.pid() + i, ANY);
            t.shareGroup = creator.pid();
            k.policy.shareGroupChanged(creator.pid());
            k.tasks.add(t);
            k.policy.taskCreated(t);
            k.wake(t);
            out.add(t);
        }
        return out;
    }

    @Test
    void a_creator_that_forms_its_group_while_running_runs_with_its_gang() {
        // sproc(2): "A share group is initially formed when a process first executes an sproc" -- while it runs. At the
        // next boundary the whole group of four must run on the four CPUs, the creator keeping its own.
        var k = kernel(4, 5, 2);
        var creator = k.spawn(10, ANY);
        for (int i = 0; i < 4; i++) k.spawn(1 + i, ANY);
        int cpu = k.runningOn(creator);
        assertThat(cpu).isGreaterThanOrEqualTo(0);
        var group = formWhileRunning(k, creator, 3);
        k.ticks(5);
        assertThat(((GangScheduler) k.policy).ownerOf(0)).as("the gang leads the first slice").isEqualTo(10);
        assertThat(runningOf(k, group)).as("all four members run in the gang's slice").isEqualTo(4);
    }

    @Test
    void a_creator_forming_its_group_keeps_its_cpu_when_a_free_one_takes_the_child() {
        // The gang (creator and child) gets its two CPUs at once: the creator's own and the idle one; it neither
        // stops nor leaves a CPU idle until the next tick.
        var k = kernel(2, 5, 2);
        var creator = k.spawn(10, ANY);
        int cpu = k.runningOn(creator);
        var group = formWhileRunning(k, creator, 1);
        assertThat(k.runningOn(creator)).as("the creator was not preempted").isEqualTo(cpu);
        assertThat(creator.lastCpu).as("it never stopped").isEqualTo(-1);
        assertThat(runningOf(k, group)).isEqualTo(2);
    }

    @Test
    void an_idle_cpu_whose_offered_process_went_elsewhere_is_still_free_for_a_gang() {
        // As the engine does: a yielding process is offered to the idle CPU 1, but CPU 0 picks it back before CPU 1
        // has its turn (a reschedule request to an idle CPU is only answered at its next pick).
        var k = kernel(2, 5, 2);
        var creator = k.spawn(10, ANY);
        int cpu = k.runningOn(creator);
        k.policy.yield(creator);
        k.policy.stopping(creator, cpu, true);
        k.ctx.current[cpu] = null;
        k.policy.enqueue(creator, cpu, ENQ_YIELD);
        assertThat(k.policy.pickNext(cpu)).isSameAs(creator);
        k.ctx.current[cpu] = creator;
        k.policy.running(creator, cpu);
        assertThat(k.ctx.resched).as("the idle CPU was offered the process").contains(1 - cpu);
        k.ctx.resched.clear();
        var group = formWhileRunning(k, creator, 1);
        assertThat(runningOf(k, group)).as("creator and child run at once on the two CPUs").isEqualTo(2);
    }

    @Test
    void a_running_gang_grows_into_a_cpu_that_falls_idle_before_the_boundary() {
        var k = kernel(3, 5, 2);
        var other = k.spawn(1, ANY);
        var g = gang(k, 100, 3, ANY);
        assertThat(runningOf(k, g)).as("two CPUs are free for the gang").isEqualTo(2);
        k.block(k.runningOn(other));
        k.ticks(1);
        assertThat(runningOf(k, g)).as("the third member takes the CPU the other process left, at the next tick")
                .isEqualTo(3);
    }
}
