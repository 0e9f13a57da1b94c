package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
                while (true) s.burn(100_000);
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
        sys.println(line.toString());
        return 0;
    }

    /**
     * A barrier of plain loads and stores: member {@code me} stores the round it reached in its own slot, then spins
     * until every slot holds at least that round. It completes only once every member has run since the last one.
     */
    static void meet(Sys sys, long slots, int me, int members, int rounds, long work) {
        for (int r = 1; r <= rounds; r++) {
            sys.burn(work);
            sys.store32(slots + 64L * me, r);
            for (int j = 0; j < members; j++) {
                while (sys.load32(slots + 64L * j) < r) sys.burn(SPIN_DELAY);
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

    /** Boots a 4-CPU r2000 with {@code settings}, runs {@code name} with a trace file, and reads the trace's slices. */
    static Run run(List<String> settings, BiFunction<Sys, String[], Integer> main, String... args) throws IOException {
        Path conf = Files.createTempFile("sprocket", ".conf");
        Path trace = Files.createTempFile("sprocket", ".json");
        try {
            Files.writeString(conf, String.join("\n", "hw = r2000", "sched = rr", "vm = regions", "fs = memfs",
                    "ipc = sysv", "hw.cpus = 4", "kernel.quantum = " + QUANTUM, ""));
            KernelConfig config = KernelConfig.load(conf, settings, Sim.CATALOG);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Kernel k = Kernel.boot(config, Sim.CATALOG.withPrograms(List.of(program("t", main), quick())),
                    new BootOptions(out, new ByteArrayInputStream(new byte[0]), trace));
            RunResult r = k.run("t", List.of(args));
            var o = new Sim.Outcome(r.exitStatus(), out.toString(StandardCharsets.UTF_8), r.stats());
            List<Integer> group = new ArrayList<>();
            for (String line : o.console().split("\n")) {
                if (!line.startsWith("group ")) continue;
                for (String w : line.substring(6).split(" ")) group.add(Integer.parseInt(w));
            }
            return new Run(o, slices(Files.readString(trace), ((Number) r.stats().get("clock_hz")).doubleValue()),
                    group);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            Files.deleteIfExists(conf);
            Files.deleteIfExists(trace);
        }
    }

    private static Program program(String name, BiFunction<Sys, String[], Integer> main) {
        return new Program() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return "test program " + name;
            }

            @Override
            public int main(Sys sys, String[] argv) {
                return main.apply(sys, argv);
            }
        };
    }

    /** /bin/quick: burns argv[1] cycles and exits 7; what a member exec's to leave its group. */
    private static Program quick() {
        return program("quick", (sys, argv) -> {
            sys.burn(Long.parseLong(argv[1]));
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

    private static Run barrierRun(String... settings) throws IOException {
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

    @Test
    void explore() throws IOException {
        System.setProperty("gangdbg", "true");
        Run alone = run(List.of("sched=gang"), GangSchedulingTest::barrier, "4", "2", "0", "20000");
        System.setProperty("gangdbg", "false");
        for (Slice x : alone.slices()) System.err.println("   " + x);
    }
}
