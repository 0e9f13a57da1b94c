package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * The gang policy on real share groups: four CPUs, sproc(2) members meeting at a spin barrier of loads and stores in
 * their shared address space (PR_SADDR) while CPU-bound processes in no share group compete. Barton and Wagner,
 * section 8: "at least two of the processes in the share group must run in parallel, or the group should not be
 * allowed to execute at all".
 */
class GangSchedulingTest {

    /** Members in the share group, and the CPUs of the machine. */
    private static final int MEMBERS = 4;
    private static final int ROUNDS = 200;
    /** Cycles of work each member does between two meetings at the barrier. */
    private static final long WORK = 20_000;
    /** CPU-bound processes in no share group. */
    private static final int HOGS = 4;
    /** A spinning member waits this long between two looks at a slot (a delay loop, as spin-with-backoff does). */
    private static final long SPIN_DELAY = 200;
    /** kernel.quantum: how far apart the CPUs' clocks may be, and so the trace's timelines. */
    private static final long QUANTUM = 10_000;

    // ---- the workload

    /**
     * argv[1..4]: members, rounds, hogs, work. Forks the hogs, makes the share group (the caller and members - 1
     * sproc'd children, sharing the address space), meets at the barrier {@code rounds} times, reaps the members,
     * kills the hogs. Prints "group" and the members' pids.
     */
    static int barrier(Sys sys, String[] argv) {
        int members = Integer.parseInt(argv[1]);
        int rounds = Integer.parseInt(argv[2]);
        int hogs = Integer.parseInt(argv[3]);
        long work = Long.parseLong(argv[4]);
        int[] hogPids = new int[hogs];
        for (int i = 0; i < hogs; i++) {
            hogPids[i] = sys.fork(s -> {
                while (true) s.cpu().burn(100_000);
            });
        }
        long slots = sys.sbrk(4096);
        StringBuilder line = new StringBuilder("group " + sys.getpid());
        int[] kids = new int[members - 1];
        for (int i = 1; i < members; i++) {
            kids[i - 1] = sys.sproc((s, me, len) -> {
                meet(s, slots, (int) me, members, rounds, work);
                return 0;
            }, Prctl.PR_SADDR, i);
            line.append(' ').append(kids[i - 1]);
        }
        meet(sys, slots, 0, members, rounds, work);
        for (int k : kids) SprocTest.waitFor(sys, k);
        for (int h : hogPids) sys.kill(h, Signals.SIGKILL);
        for (int h : hogPids) SprocTest.waitFor(sys, h);
        Sim.puts(sys, line.toString());
        return 0;
    }

    /**
     * A barrier of plain loads and stores: member {@code me} stores the round it reached in its own slot, then spins
     * until every slot holds at least that round. It completes only once every member has run since the last one.
     */
    static void meet(Sys sys, long slots, int me, int members, int rounds, long work) {
        for (int r = 1; r <= rounds; r++) {
            sys.cpu().burn(work);
            sys.cpu().store32(slots + 64L * me, r);
            for (int j = 0; j < members; j++) {
                while (sys.cpu().load32(slots + 64L * j) < r) sys.cpu().burn(SPIN_DELAY);
            }
        }
    }

    // ---- running it, with the trace

    record Run(Sim.Outcome outcome, List<Slice> slices, List<Integer> group) {
        long cycles() {
            return outcome.stats().simulatedCycles();
        }
    }

    /** One stretch a process ran on a CPU, from the trace, in cycles. */
    record Slice(int pid, int cpu, long start, long end) {
    }

    private static final Pattern SLICE = Pattern.compile("\\{\"name\":\"[^\"]* \\[(\\d+)\\]\",\"cat\":\"run\","
            + "\"ph\":\"X\",\"pid\":0,\"tid\":(\\d+),\"ts\":([0-9.]+),\"dur\":([0-9.]+)");

    /** Boots a 4-CPU r2000 with {@code settings}, runs {@code main} as /bin/t with a trace file, and reads the trace. */
    static Run run(List<String> settings, BiFunction<Sys, String[], Integer> main, String... args) {
        try {
            Path conf = Files.createTempFile("sprocket", ".conf");
            Path trace = Files.createTempFile("sprocket", ".json");
            try {
                Files.writeString(conf, String.join("\n", "hw = r2000", "sched = rr", "vm = regions", "fs = memfs",
                        "ipc = sysv", "hw.cpus = 4", "kernel.quantum = " + QUANTUM, ""));
                KernelConfig config = KernelConfig.load(conf, settings, Sim.CATALOG);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Kernel k = Kernel.boot(config, Sim.CATALOG.withPrograms(List.of(Sim.asProgram("t", main), quick())),
                        new BootOptions(out, new ByteArrayInputStream(new byte[0]), trace));
                RunResult r = k.run("t", List.of(args));
                var o = new Sim.Outcome(r.exitStatus(), out.toString(StandardCharsets.UTF_8), r.stats());
                List<Integer> group = new ArrayList<>();
                for (String line : o.console().split("\n")) {
                    if (!line.startsWith("group ")) continue;
                    for (String w : line.substring(6).split(" ")) group.add(Integer.parseInt(w));
                }
                double hz = ((Number) r.stats().get("clock_hz")).doubleValue();
                return new Run(o, slices(Files.readString(trace), hz), group);
            } finally {
                Files.deleteIfExists(conf);
                Files.deleteIfExists(trace);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** /bin/quick: burns argv[1] cycles and exits 7; what a member exec's to leave its group. */
    private static Program quick() {
        return Sim.asProgram("quick", (sys, argv) -> {
            sys.cpu().burn(Long.parseLong(argv[1]));
            return 7;
        });
    }

    private static List<Slice> slices(String trace, double hz) {
        List<Slice> out = new ArrayList<>();
        Matcher m = SLICE.matcher(trace);
        while (m.find()) {
            long start = Math.round(Double.parseDouble(m.group(3)) * hz / 1e6);
            long dur = Math.round(Double.parseDouble(m.group(4)) * hz / 1e6);
            out.add(new Slice(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), start, start + dur));
        }
        return out;
    }

    /** From the last member's first run to the first member's last stop: while the whole group is alive. */
    private static long[] window(Run r) {
        long from = 0;
        long to = Long.MAX_VALUE;
        for (int pid : r.group()) {
            long first = Long.MAX_VALUE;
            long last = 0;
            for (Slice s : r.slices()) {
                if (s.pid() != pid) continue;
                first = Math.min(first, s.start());
                last = Math.max(last, s.end());
            }
            from = Math.max(from, first);
            to = Math.min(to, last);
        }
        return new long[] {from, to};
    }

    /** Cycles of the window during which exactly k members ran, for k = 0..members. */
    private static long[] occupancy(Run r) {
        long[] w = window(r);
        TreeMap<Long, Integer> delta = new TreeMap<>();
        for (Slice s : r.slices()) {
            if (!r.group().contains(s.pid()) || s.end() <= w[0] || s.start() >= w[1]) continue;
            delta.merge(Math.max(s.start(), w[0]), 1, Integer::sum);
            delta.merge(Math.min(s.end(), w[1]), -1, Integer::sum);
        }
        long[] time = new long[r.group().size() + 1];
        int running = 0;
        long prev = w[0];
        for (var e : delta.entrySet()) {
            time[running] += e.getKey() - prev;
            prev = e.getKey();
            running += e.getValue();
        }
        time[running] += w[1] - prev;
        return time;
    }

    /**
     * The largest gap, over every member's dispatch in the window, between it and the nearest dispatch of each other
     * member: how far apart members start.
     */
    private static long startSpread(Run r) {
        long[] w = window(r);
        long worst = 0;
        for (Slice s : r.slices()) {
            if (!r.group().contains(s.pid()) || s.start() < w[0] || s.start() >= w[1]) continue;
            for (int other : r.group()) {
                if (other == s.pid()) continue;
                long nearest = Long.MAX_VALUE;
                for (Slice o : r.slices()) {
                    if (o.pid() == other) nearest = Math.min(nearest, Math.abs(o.start() - s.start()));
                }
                worst = Math.max(worst, nearest);
            }
        }
        return worst;
    }

    private static Run barrierRun(String... settings) {
        Run r = run(List.of(settings), GangSchedulingTest::barrier, "" + MEMBERS, "" + ROUNDS, "" + HOGS, "" + WORK);
        assertThat(r.outcome().status()).as(r.outcome().console()).isZero();
        assertThat(r.group()).hasSize(MEMBERS);
        healthy(r.outcome());
        return r;
    }

    /** The kernel kept the policy it was configured with: nothing it did got it ejected. */
    private static void healthy(Sim.Outcome o) {
        assertThat(o.stats().get("scheduler_ejected")).as("ejection").isNull();
        assertThat(o.stats().counters().get("sched_ejections")).isZero();
    }

    // ---- the tests

    /** Cycles the members spent on CPUs, in total, from the run's per-process rows. */
    private static long memberCycles(Run r) {
        @SuppressWarnings("unchecked")
        var rows = (List<java.util.Map<String, Object>>) r.outcome().stats().get("processes");
        long sum = 0;
        for (var row : rows) {
            if (r.group().contains(((Long) row.get("pid")).intValue())) sum += (Long) row.get("run_cycles");
        }
        return sum;
    }

    /** The same slice for both policies: two clock ticks, rr's default. */
    private static final String SLICE_2 = "sched.slice=2";

    @Test
    void a_share_group_meeting_at_a_spin_barrier_finishes_far_sooner_under_gang_than_under_rr() {
        // Section 8: "at least two of the processes in the share group must run in parallel, or the group should not
        // be allowed to execute at all" -- a member spinning for one that is not running burns its CPU for nothing.
        Run rr = barrierRun("sched=rr", SLICE_2);
        Run gang = barrierRun("sched=gang", SLICE_2);
        assertThat(rr.outcome().stats().get("scheduler")).isEqualTo("rr");
        assertThat(gang.outcome().stats().get("scheduler")).isEqualTo("gang");
        // Measured: rr 67,057,921 cycles, gang 11,242,311 (6.0 times sooner).
        assertThat(rr.cycles()).as("rr %d cycles, gang %d", rr.cycles(), gang.cycles())
                .isGreaterThan(4 * gang.cycles());
        // The same work (4 x 200 x 20,000 cycles) costs the members far fewer CPU cycles: less spinning.
        long work = (long) MEMBERS * ROUNDS * WORK;
        assertThat(memberCycles(gang)).isGreaterThan(work);
        assertThat(memberCycles(rr)).as("member CPU cycles: rr %d, gang %d", memberCycles(rr), memberCycles(gang))
                .isGreaterThan(3 * memberCycles(gang));
        assertThat(gang.outcome().stats().counters().get("sched.gang_admissions")).isPositive();
    }

    @Test
    void under_gang_the_members_start_together_and_run_all_or_none_while_rr_never_runs_them_all_at_once() {
        // sched.gang.min = 4: the group needs its four CPUs, as a barrier of four does.
        Run gang = barrierRun("sched=gang", "sched.gang.min=4");
        long[] w = window(gang);
        long span = w[1] - w[0];
        long[] occ = occupancy(gang);
        // The trace's CPU timelines may be up to a quantum apart (temporal decoupling): that much skew is allowed.
        assertThat(occ[1] + occ[2] + occ[3]).as("time with some but not all members running, of %d: %s", span,
                java.util.Arrays.toString(occ)).isLessThan(span / 100);
        assertThat(occ[4]).as("time with all four running").isGreaterThan(span * 2 / 5);
        assertThat(startSpread(gang)).as("every member's dispatch has each other member's within a quantum")
                .isLessThanOrEqualTo(QUANTUM);

        Run rr = barrierRun("sched=rr", SLICE_2);
        assertThat(occupancy(rr)[4]).as("rr never runs all four at once").isZero();
        assertThat(startSpread(rr)).isGreaterThan(10 * QUANTUM);
    }

    @Test
    void with_the_default_minimum_of_two_no_member_ever_runs_alone() {
        Run gang = barrierRun("sched=gang");
        long[] occ = occupancy(gang);
        assertThat(occ[1]).as("time with exactly one member running: %s", java.util.Arrays.toString(occ))
                .isLessThanOrEqualTo(QUANTUM);
        assertThat(occ[MEMBERS]).isPositive();
    }

    @Test
    void a_share_group_with_the_machine_to_itself_loses_nothing_to_gang_scheduling() {
        // The creator forms the group while it runs, and its members are created one by one into idle CPUs: the
        // gang must take them at once, not wait for a slice boundary.
        Run rr = run(List.of("sched=rr"), GangSchedulingTest::barrier, "" + MEMBERS, "" + ROUNDS, "0", "" + WORK);
        Run gang = run(List.of("sched=gang"), GangSchedulingTest::barrier, "" + MEMBERS, "" + ROUNDS, "0", "" + WORK);
        healthy(gang.outcome());
        // Measured: rr 4,660,678 cycles, gang 4,546,545 (members running together wait less at the barrier).
        assertThat((double) gang.cycles() / rr.cycles()).as("gang %d, rr %d", gang.cycles(), rr.cycles())
                .isLessThanOrEqualTo(1.02);
        assertThat(occupancy(gang)[MEMBERS]).as("all four run together nearly all the time")
                .isGreaterThan((window(gang)[1] - window(gang)[0]) * 9 / 10);
    }

    // ---- members leaving, groups dissolving

    /**
     * Group A: a forked leader sprocs four members that exit one after another (the last exec's /bin/quick first,
     * which takes it out of the group), then exits itself, dissolving the group. Group B: the caller's own, three
     * members meeting at the barrier. Two CPU-bound processes compete throughout.
     */
    static int leaving(Sys sys, String[] argv) {
        int[] hogs = new int[2];
        for (int i = 0; i < hogs.length; i++) {
            hogs[i] = sys.fork(s -> {
                s.cpu().burn(6_000_000);
                return 0;
            });
        }
        int leader = sys.fork(s -> {
            int[] kids = new int[4];
            for (int i = 0; i < kids.length; i++) {
                int n = i;
                kids[i] = s.sproc((m, arg, len) -> {
                    m.cpu().burn((n + 1) * 400_000L);
                    if (n == 3) m.execv("/bin/quick", new String[] {"quick", "300000"});
                    return n;
                }, Prctl.PR_SADDR, 0);
            }
            StringBuilder st = new StringBuilder("A");
            for (int k : kids) st.append(' ').append(Wait.WEXITSTATUS(SprocTest.waitFor(s, k)));
            st.append(" n=").append(s.prctl(Prctl.PR_GETNSHARE));
            Sim.puts(s, st.toString());
            return 0;
        });
        SprocTest.waitFor(sys, leader);
        long slots = sys.sbrk(4096);
        int[] kids = new int[2];
        for (int i = 1; i <= kids.length; i++) {
            kids[i - 1] = sys.sproc((m, me, len) -> {
                meet(m, slots, (int) me, 3, 50, 10_000);
                return 0;
            }, Prctl.PR_SADDR, i);
        }
        meet(sys, slots, 0, 3, 50, 10_000);
        for (int k : kids) SprocTest.waitFor(sys, k);
        for (int h : hogs) SprocTest.waitFor(sys, h);
        Sim.puts(sys, "B n=" + sys.prctl(Prctl.PR_GETNSHARE));
        return 0;
    }

    @Test
    void members_exiting_and_exec_ing_and_groups_dissolving_keep_gang_healthy() {
        // A one-second watchdog (100 ticks): any process the policy loses or starves gets it ejected.
        Run r = run(List.of("sched=gang", "sched.gang.min=2", "kernel.sched_watchdog=1000"),
                GangSchedulingTest::leaving);
        var o = r.outcome();
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo("A 0 1 2 7 n=1\nB n=1\n");
        healthy(o);
        assertThat(o.stats().get("scheduler")).isEqualTo("gang");
        assertThat(o.stats().counters().get("share_groups")).isEqualTo(2);
        assertThat(o.stats().counters().get("sched.gang_admissions")).isPositive();
    }

    /**
     * argv[1]: a seed. Random share groups form (by forked leaders, at random moments), their members burn, yield,
     * sleep, exec or exit at random, and CPU-bound processes in no group come and go.
     */
    static int churn(Sys sys, String[] argv) {
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(argv[1]));
        int leaders = 2 + rnd.nextInt(3);
        List<Integer> all = new ArrayList<>();
        for (int l = 0; l < leaders; l++) {
            long seed = rnd.nextLong();
            all.add(sys.fork(s -> group(s, new SplittableRandom(seed))));
            if (rnd.nextBoolean()) {
                long burn = 100_000 + rnd.nextInt(2_000_000);
                all.add(sys.fork(s -> {
                    s.cpu().burn(burn);
                    return 0;
                }));
            }
            sys.cpu().burn(rnd.nextInt(500_000));
        }
        int failed = 0;
        for (int pid : all) {
            int st = SprocTest.waitFor(sys, pid);
            if (!Wait.WIFEXITED(st) || Wait.WEXITSTATUS(st) != 0) failed++;
        }
        Sim.puts(sys, "failed " + failed);
        return 0;
    }

    private static int group(Sys sys, SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(5);
        int[] kids = new int[n];
        for (int i = 0; i < n; i++) {
            long seed = rnd.nextLong();
            kids[i] = sys.sproc((m, arg, len) -> member(m, new SplittableRandom(seed)), Prctl.PR_SADDR, 0);
            if (kids[i] < 0) return 1;
            if (rnd.nextInt(3) == 0) sys.cpu().burn(rnd.nextInt(300_000));
        }
        int bad = 0;
        for (int k : kids) {
            int st = SprocTest.waitFor(sys, k);
            int code = Wait.WEXITSTATUS(st);
            if (!Wait.WIFEXITED(st) || code != 0 && code != 7) bad++;
        }
        return bad;
    }

    private static int member(Sys m, SplittableRandom rnd) {
        int steps = 1 + rnd.nextInt(8);
        for (int i = 0; i < steps; i++) {
            switch (rnd.nextInt(5)) {
                case 0 -> m.sched_yield();
                case 1 -> m.nanosleep(1_000_000L + rnd.nextInt(20_000_000));
                case 2 -> {
                    if (rnd.nextInt(4) == 0) return m.execv("/bin/quick", new String[] {"quick", "200000"});
                }
                default -> m.cpu().burn(50_000 + rnd.nextInt(600_000));
            }
        }
        return 0;
    }

    @Test
    void seeded_random_share_groups_that_form_shrink_and_dissolve_never_get_gang_ejected() {
        SplittableRandom seeds = new SplittableRandom(20_261_105L);
        for (int run = 0; run < 6; run++) {
            long seed = seeds.nextLong();
            int min = 1 + seeds.nextInt(4);
            int slice = 1 + seeds.nextInt(10);
            Run r = run(List.of("sched=gang", "sched.gang.min=" + min, "sched.slice=" + slice,
                    "kernel.sched_watchdog=2000"), GangSchedulingTest::churn, "" + seed);
            var o = r.outcome();
            assertThat(o.console()).as("seed %d, min %d, slice %d", seed, min, slice).isEqualTo("failed 0\n");
            assertThat(o.stats().get("scheduler_ejected")).as("seed %d, min %d, slice %d", seed, min, slice)
                    .isNull();
            assertThat(o.stats().counters().get("share_groups")).isPositive();
        }
    }
}
