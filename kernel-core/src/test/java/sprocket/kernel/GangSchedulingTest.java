package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;

class GangSchedulingTest {

    static final long SPIN_DELAY = 200;

    /** argv: members rounds hogs work. */
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
        long page = sys.sbrk(4096);
        StringBuilder pids = new StringBuilder("group " + sys.getpid());
        int[] kids = new int[members - 1];
        for (int i = 1; i < members; i++) {
            kids[i - 1] = sys.sproc((s, arg, len) -> {
                meet(s, page, (int) arg, members, rounds, work);
                return 0;
            }, Prctl.PR_SADDR, i);
            pids.append(' ').append(kids[i - 1]);
        }
        meet(sys, page, 0, members, rounds, work);
        for (int k : kids) SprocTest.waitFor(sys, k);
        for (int h : hogPids) sys.kill(h, Signals.SIGKILL);
        for (int h : hogPids) SprocTest.waitFor(sys, h);
        sys.println(pids.toString());
        return 0;
    }

    static void meet(Sys sys, long page, int me, int members, int rounds, long work) {
        for (int r = 1; r <= rounds; r++) {
            sys.burn(work);
            sys.store32(page + 64L * me, r);
            for (int j = 0; j < members; j++) {
                while (sys.load32(page + 64L * j) < r) sys.burn(SPIN_DELAY);
            }
        }
    }

    record Run(Sim.Outcome outcome, String trace) {
    }

    static Run run(List<String> settings, String... args) throws Exception {
        Path conf = Files.createTempFile("sprocket", ".conf");
        Path trace = Files.createTempFile("sprocket", ".json");
        try {
            Files.writeString(conf, String.join("\n", "hw = r2000", "sched = rr", "vm = regions", "fs = memfs",
                    "ipc = sysv", "hw.cpus = 4", ""));
            KernelConfig config = KernelConfig.load(conf, settings, Sim.CATALOG);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Kernel k = Kernel.boot(config, Sim.CATALOG.withPrograms(List.of(new sprocket.api.sys.Program() {
                public String name() {
                    return "barrier";
                }

                public String summary() {
                    return "x";
                }

                public int main(Sys sys, String[] argv) {
                    return barrier(sys, argv);
                }
            })), new BootOptions(out, new ByteArrayInputStream(new byte[0]), trace));
            RunResult r = k.run("barrier", List.of(args));
            return new Run(new Sim.Outcome(r.exitStatus(), out.toString(StandardCharsets.UTF_8), r.stats()),
                    Files.readString(trace));
        } finally {
            Files.deleteIfExists(conf);
            Files.deleteIfExists(trace);
        }
    }

    record Slice(int pid, int cpu, long start, long end) {
    }

    static final Pattern SLICE = Pattern.compile(
            "\\{\"name\":\"[^\"]* \\[(\\d+)\\]\",\"cat\":\"run\",\"ph\":\"X\",\"pid\":0,\"tid\":(\\d+),\"ts\":([0-9.]+),\"dur\":([0-9.]+)");

    static List<Slice> slices(Run r) {
        double hz = ((Number) r.outcome().stats().get("clock_hz")).doubleValue();
        List<Slice> out = new ArrayList<>();
        Matcher m = SLICE.matcher(r.trace());
        while (m.find()) {
            long start = Math.round(Double.parseDouble(m.group(3)) * hz / 1e6);
            long dur = Math.round(Double.parseDouble(m.group(4)) * hz / 1e6);
            out.add(new Slice(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), start, start + dur));
        }
        return out;
    }

    /** Time (cycles) with k members running, k = 0..n, between the last member's first run and the first member's last stop. */
    static long[] overlap(List<Slice> all, List<Integer> members) {
        long from = 0, to = Long.MAX_VALUE;
        for (int pid : members) {
            long first = Long.MAX_VALUE, last = 0;
            for (Slice s : all) if (s.pid() == pid) { first = Math.min(first, s.start()); last = Math.max(last, s.end()); }
            from = Math.max(from, first);
            to = Math.min(to, last);
        }
        java.util.TreeMap<Long, Integer> delta = new java.util.TreeMap<>();
        for (Slice s : all) {
            if (!members.contains(s.pid())) continue;
            delta.merge(Math.max(s.start(), from), 1, Integer::sum);
            delta.merge(Math.max(s.end(), from), -1, Integer::sum);
        }
        long[] time = new long[members.size() + 1];
        int n = 0;
        long prev = from;
        for (var e : delta.entrySet()) {
            long t = Math.min(e.getKey(), to);
            if (t > prev) time[Math.min(n, members.size())] += t - prev;
            prev = Math.max(prev, t);
            n += e.getValue();
        }
        return time;
    }

    @Test
    void explore() throws Exception {
        for (String sched : List.of("rr", "gang")) {
            for (String slice : List.of("2", "10")) for (String min : List.of("2", "4")) {
                long t0 = System.nanoTime();
                var r = run(List.of("sched=" + sched, "sched.slice=" + slice, sched.equals("gang") ? "sched.gang.min=" + min : "seed=" + min), "4", "200", "4", "20000");
                var o = r.outcome();
                System.out.println(sched + " slice " + slice + " min " + min + ": " + o.console().trim() + " cycles "
                        + o.stats().simulatedCycles() + " ej=" + o.stats().get("scheduler_ejected") + " host ms "
                        + (System.nanoTime() - t0) / 1_000_000);
                List<Integer> pids = new ArrayList<>();
                for (String w : o.console().trim().split(" ")) if (!w.equals("group")) pids.add(Integer.parseInt(w));
                if (sched.equals("gang") && slice.equals("10") && min.equals("2")) {
                    for (Slice x : slices(r)) if (x.end() - x.start() > 50_000) System.out.println("    cpu" + x.cpu() + " pid " + x.pid() + " " + x.start() + ".." + x.end());
                }
                System.out.println("  overlap " + java.util.Arrays.toString(overlap(slices(r), pids)));
            }
        }
    }
}
